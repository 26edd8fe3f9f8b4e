"""Load the checklist files added since: the police stations' checklists for residents'/villagers' committees
and residential property management companies (published as the first versions of their codes), and the
2026.2 versions of the mall, hotel and entertainment checklists citing GB 55037-2022 (drafts to publish)."""

from django.db import migrations


def load(apps, schema_editor):
    from flameblue.inspections.checklist_loader import load_checklists

    load_checklists(
        checklist_model=apps.get_model("inspections", "Checklist"),
        item_model=apps.get_model("inspections", "ChecklistItem"),
        record_audit=False,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("inspections", "0012_merge_20261205_0041"),
        ("units", "0010_police_check_place_types"),
    ]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
