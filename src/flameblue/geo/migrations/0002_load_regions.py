from django.db import migrations


def load(apps, schema_editor):
    from flameblue.geo.loader import load_regions

    load_regions(apps.get_model("geo", "Region"))


class Migration(migrations.Migration):
    dependencies = [("geo", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
