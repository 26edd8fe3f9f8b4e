"""Grant the checklist actions to roles that already exist (roles are loaded from roles.yaml by org 0002;
databases created before the inspections actions were added to the file lack them). Append only."""

from django.db import migrations

EVERY_BUSINESS_ROLE = ["inspections.checklist.view"]
DETACHMENT_ADMIN = ["inspections.*.*", "inspections.checklist.publish", "inspections.checklist.change"]


def grant(apps, schema_editor):
    Role = apps.get_model("org", "Role")
    for role in Role.objects.all():
        wanted = list(EVERY_BUSINESS_ROLE) if not role.duty_group else []
        if role.code == "detachment_admin":
            wanted += DETACHMENT_ADMIN
        missing = [action for action in wanted if action not in role.actions]
        if missing:
            role.actions = [*role.actions, *missing]
            role.version += 1
            role.save(update_fields=["actions", "version"])


class Migration(migrations.Migration):
    dependencies = [("inspections", "0002_load_checklists"), ("org", "0002_reference_data")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
