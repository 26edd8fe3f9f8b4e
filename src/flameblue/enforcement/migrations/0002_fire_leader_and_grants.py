from pathlib import Path

import yaml
from django.db import migrations

GRANTS = Path(__file__).resolve().parent.parent / "rules" / "role-actions.yaml"


def grant(apps, schema_editor):
    """Create the fire agency leader role (消防救援机构负责人) the collective decision needs, then append the
    app's actions to the roles."""
    from flameblue.org.reference_data import grant_actions

    data = yaml.safe_load(GRANTS.read_text(encoding="utf-8"))
    role_model = apps.get_model("org", "Role")
    for row in data.get("roles", []):
        role_model.objects.get_or_create(
            code=row["code"],
            defaults={"name": row["name"], "name_en": row.get("name_en", ""), "home": row.get("home", "inspector"),
                      "actions": list(row.get("actions", []))},
        )  # fmt: skip
    grant_actions(role_model, data["grants"])


class Migration(migrations.Migration):
    dependencies = [("enforcement", "0001_initial"), ("org", "0002_reference_data")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
