"""Two place types for the police stations' daily checks (《消防监督检查规定》第三十一条第三款、第三十二条):
residential property management companies and residents'/villagers' committees, each with its checklist."""

from django.db import migrations


def load(apps, schema_editor):
    from flameblue.units.loader import load_place_types_and_tags

    load_place_types_and_tags(apps.get_model("units", "PlaceType"), apps.get_model("units", "RiskTag"))


class Migration(migrations.Migration):
    dependencies = [("units", "0009_merge_20261205_0041")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
