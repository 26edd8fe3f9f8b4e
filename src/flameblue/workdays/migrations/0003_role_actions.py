"""Roles are loaded from org/rules/roles.yaml when org migrates; roles that already exist in a database do
not pick up actions added to the file later, so this appends the calendar actions where missing."""

from django.db import migrations

ACTIONS = {
    "detachment_admin": ["workdays.workingday.view", "workdays.workingday.change"],
    "system_admin": ["workdays.workingday.view", "workdays.workingday.change"],
}


def grant(apps, schema_editor):
    role_model = apps.get_model("org", "Role")
    for code, actions in ACTIONS.items():
        role = role_model.objects.filter(code=code).first()
        if role is None:
            continue
        missing = [a for a in actions if a not in role.actions]
        if missing:
            role.actions = [*role.actions, *missing]
            role.save(update_fields=["actions"])


class Migration(migrations.Migration):
    dependencies = [("workdays", "0002_seed_calendar"), ("org", "0002_reference_data")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
