"""Grants of the discipline records (廉政监督) from ``discipline/rules/role-actions.yaml``: clues and the
procuratorate exchange to discipline officers only; declarations (phones, credit checks, pledges) to every
officer for their own."""

from pathlib import Path

import yaml
from django.db import migrations

GRANTS = Path(__file__).resolve().parent.parent / "discipline" / "rules" / "role-actions.yaml"


def grant(apps, schema_editor):
    from flameblue.org.reference_data import grant_actions

    grant_actions(apps.get_model("org", "Role"), yaml.safe_load(GRANTS.read_text(encoding="utf-8"))["grants"])


class Migration(migrations.Migration):
    dependencies = [("integrity", "0004_discipline_records"), ("org", "0002_reference_data")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
