from django.db import migrations

#: Actions appended to roles already loaded by org/0002 (roles.yaml carries them for new databases).
NEW_ACTIONS = {"unit_manager": ["units.placetype.view", "units.risktag.view"]}


def load(apps, schema_editor):
    from flameblue.units.loader import load_key_unit_rulesets

    load_key_unit_rulesets(apps.get_model("units", "KeyUnitRuleSet"))
    Role = apps.get_model("org", "Role")
    for code, actions in NEW_ACTIONS.items():
        for role in Role.objects.filter(code=code):
            missing = [a for a in actions if a not in role.actions]
            if missing:
                role.actions = [*role.actions, *missing]
                role.save(update_fields=["actions"])


class Migration(migrations.Migration):
    dependencies = [("units", "0004_keyunit_rulesets_declarations"), ("org", "0002_reference_data")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
