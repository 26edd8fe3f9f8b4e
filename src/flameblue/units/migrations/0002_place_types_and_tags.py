from django.db import migrations


def load(apps, schema_editor):
    from flameblue.units.loader import load_place_types_and_tags

    load_place_types_and_tags(apps.get_model("units", "PlaceType"), apps.get_model("units", "RiskTag"))


class Migration(migrations.Migration):
    dependencies = [("units", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
