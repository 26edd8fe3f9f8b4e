from pathlib import Path

import yaml
from django.db import migrations

GRANTS = Path(__file__).resolve().parent.parent / "rules" / "role-actions.yaml"


def load(apps, schema_editor):
    from flameblue.governance.policy import load_letter_templates
    from flameblue.governance.schemes import load_assessment_schemes
    from flameblue.org.reference_data import grant_actions

    load_assessment_schemes(
        apps.get_model("governance", "AssessmentScheme"), apps.get_model("governance", "AssessmentItem")
    )
    # For databases that ran 0002/0003 before they existed: the key-unit letter template and the scheme
    # pages' view actions (both loaders only add what is missing).
    load_letter_templates(
        apps.get_model("governance", "LetterTemplate"), apps.get_model("governance", "LetterTemplateItem")
    )
    grant_actions(apps.get_model("org", "Role"), yaml.safe_load(GRANTS.read_text(encoding="utf-8"))["grants"])


class Migration(migrations.Migration):
    dependencies = [("governance", "0004_assessment_schemes"), ("org", "0002_reference_data")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
