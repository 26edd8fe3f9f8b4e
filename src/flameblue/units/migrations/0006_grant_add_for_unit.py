"""Registering a unit's responsible people with the unit needs ``org.person.add_for_unit`` (roles.yaml
carries it for new databases; roles loaded earlier by org/0002 get it appended here)."""

from django.db import migrations

ACTIONS = {
    "detachment_admin": ["org.person.add_for_unit"],
    "brigade_inspector": ["org.person.add_for_unit"],
    "unit_manager": ["org.person.add_for_unit"],
}


def grant(apps, schema_editor):
    from flameblue.org.reference_data import grant_actions

    grant_actions(apps.get_model("org", "Role"), ACTIONS)


class Migration(migrations.Migration):
    dependencies = [("units", "0005_load_key_unit_rules"), ("org", "0002_reference_data")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
