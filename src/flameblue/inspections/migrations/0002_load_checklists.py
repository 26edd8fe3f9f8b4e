from django.db import migrations


def load(apps, schema_editor):
    from flameblue.inspections.checklist_loader import load_checklists

    load_checklists(
        checklist_model=apps.get_model("inspections", "Checklist"),
        item_model=apps.get_model("inspections", "ChecklistItem"),
        record_audit=False,
    )


class Migration(migrations.Migration):
    dependencies = [("inspections", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
