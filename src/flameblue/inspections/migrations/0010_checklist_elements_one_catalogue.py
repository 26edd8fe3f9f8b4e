# One GB 35181 element catalogue: the inspections app no longer keeps its own copy (whose 7.9.x numbering
# disagreed with the hazards rule set, so a kitchen-gas item counted as the decoration element 7.9.3). The
# checklist files of 2026.1 were corrected to the hazards catalogue (7.9.2 电气线路, 7.9.3 装修装饰; gas and
# explosion-proof items name no element; shop and entertainment exit items name 6.5, which 7.3.3 excludes).
# This brings the items already loaded in line: only the element codes change, nothing an inspector answered.

from django.db import migrations


def sync_elements(apps, schema_editor):
    from flameblue.inspections.checklist_loader import read_checklists

    checklists = apps.get_model("inspections", "Checklist")
    items = apps.get_model("inspections", "ChecklistItem")
    for data in read_checklists():
        checklist = checklists.objects.filter(code=data.code, edition=data.version).first()
        if checklist is None:
            continue
        rows = {row.code: row for row in items.objects.filter(checklist=checklist)}
        same_text = all(
            item["code"] in rows and rows[item["code"]].text == item["text"] for item in data.items
        )
        if not same_text or len(rows) != len(data.items):
            continue  # a version whose wording differs is not ours to touch
        for item in data.items:
            row = rows[item["code"]]
            if row.gb35181_element != item["gb35181_element"]:
                row.gb35181_element = item["gb35181_element"]
                row.save(update_fields=["gb35181_element"])
        checklists.objects.filter(pk=checklist.pk).update(source_hash=data.source_hash)


class Migration(migrations.Migration):
    dependencies = [
        ("inspections", "0009_answer_corrected_on_spot"),
    ]

    operations = [migrations.RunPython(sync_elements, migrations.RunPython.noop)]
