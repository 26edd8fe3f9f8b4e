from pathlib import Path

import yaml
from django.db import migrations

GRANTS = Path(__file__).resolve().parent.parent / "rules" / "role-actions.yaml"


def grant(apps, schema_editor):
    from flameblue.org.reference_data import grant_actions

    grant_actions(apps.get_model("org", "Role"), yaml.safe_load(GRANTS.read_text(encoding="utf-8"))["grants"])


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial"), ("org", "0002_reference_data")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
