from django.db import migrations


def load(apps, schema_editor):
    from flameblue.org.reference_data import load_industries, load_roles

    load_industries(apps.get_model("org", "Industry"))
    load_roles(apps.get_model("org", "Role"))


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
