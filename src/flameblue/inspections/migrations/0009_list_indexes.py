"""The inspection list's order (newest first, ``-inspected_on, -id``) as one index, so the first page and a
``?unit_name=`` search (served by the units' trigram index, see units 0007) walk it instead of sorting
3 M rows. PostgreSQL only (no-op on SQLite)."""

from django.db import migrations

INDEXES = {
    "inspections_inspected_on_id": 'ON "inspections_inspection" ("inspected_on" DESC, "id" DESC)',
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES.items():
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" {definition}')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("inspections", "0008_answer_location"),
        ("units", "0007_trigram_search"),
    ]

    operations = [migrations.RunPython(create, drop)]
