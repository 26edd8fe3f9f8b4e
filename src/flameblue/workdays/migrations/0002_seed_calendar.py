from django.db import migrations


def seed(apps, schema_editor):
    from flameblue.workdays.loader import load_calendar

    load_calendar(apps.get_model("workdays", "WorkingDay"))


class Migration(migrations.Migration):
    dependencies = [("workdays", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
