from django.db import migrations

#: Actions appended to roles already loaded by org/0002 (roles.yaml carries them for new databases).
NEW_ACTIONS = {"unit_manager": ["units.placetype.view", "units.risktag.view"]}


def load(apps, schema_editor):
    from flameblue.org.reference_data import grant_actions
    from flameblue.units.loader import load_key_unit_rulesets

    load_key_unit_rulesets(apps.get_model("units", "KeyUnitRuleSet"))
    grant_actions(apps.get_model("org", "Role"), NEW_ACTIONS)


class Migration(migrations.Migration):
    dependencies = [("units", "0004_keyunit_rulesets_declarations"), ("org", "0002_reference_data")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
