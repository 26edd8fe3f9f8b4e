"""An inspector may declare their own conflicts of interest (the service limits them to themself)."""

from django.db import migrations

GRANTS = {"brigade_inspector": ["inspections.conflictdeclaration.add"]}


def grant(apps, schema_editor):
    from flameblue.org.reference_data import grant_actions

    grant_actions(apps.get_model("org", "Role"), GRANTS)


class Migration(migrations.Migration):
    dependencies = [("inspections", "0005_role_actions")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
