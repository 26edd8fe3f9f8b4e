"""Roles are loaded from org/rules/roles.yaml when org migrates; roles that already exist in a database do
not pick up actions added to the file later, so this appends the calendar actions where missing."""

from django.db import migrations

ACTIONS = {
    "detachment_admin": ["workdays.workingday.view", "workdays.workingday.change"],
    "system_admin": ["workdays.workingday.view", "workdays.workingday.change"],
}


def grant(apps, schema_editor):
    from flameblue.org.reference_data import grant_actions

    grant_actions(apps.get_model("org", "Role"), ACTIONS)


class Migration(migrations.Migration):
    dependencies = [("workdays", "0002_seed_calendar"), ("org", "0002_reference_data")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
