from pathlib import Path

import yaml
from django.db import migrations

GRANTS = Path(__file__).resolve().parent.parent / "rules" / "role-actions.yaml"


def load(apps, schema_editor):
    from flameblue.corps.readiness.checklists import load_checklists
    from flameblue.org.reference_data import grant_actions

    load_checklists(apps.get_model("corps", "ReadinessChecklist"))
    grant_actions(apps.get_model("org", "Role"), yaml.safe_load(GRANTS.read_text(encoding="utf-8"))["grants"])


class Migration(migrations.Migration):
    dependencies = [("corps", "0004_readiness_incidents_honours"), ("org", "0002_reference_data")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
