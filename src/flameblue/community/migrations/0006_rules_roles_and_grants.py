from pathlib import Path

import yaml
from django.db import migrations

GRANTS = Path(__file__).resolve().parent.parent / "rules" / "role-actions.yaml"


def load(apps, schema_editor):
    from flameblue.community.policy import load_all
    from flameblue.org.reference_data import grant_actions

    load_all(apps)
    grant_actions(apps.get_model("org", "Role"), yaml.safe_load(GRANTS.read_text(encoding="utf-8"))["grants"])


class Migration(migrations.Migration):
    dependencies = [("community", "0005_agenda_visits_education"), ("org", "0002_reference_data")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
