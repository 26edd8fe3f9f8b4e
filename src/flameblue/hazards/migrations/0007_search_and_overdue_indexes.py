"""Indexes for the hazard list at province scale (5 M hazards), PostgreSQL only (no-op on SQLite):

- trigram (pg_trgm GIN) indexes on ``UPPER(description)`` and ``UPPER(location)`` for ``?q=`` — Django's
  ``icontains`` compiles to ``UPPER(col::text) LIKE UPPER('%…%')`` on PostgreSQL, which these serve;
- partial indexes of open hazards by deadline (and by region, deadline) for ``?overdue=yes`` (listed longest
  overdue first) and the sweep's overdue claim: they hold only the ≈ 40 % of rows that are open, so "open
  and past deadline" in a jurisdiction is a range scan;
- a partial index of open hazards by region and found time, for the open lists of a jurisdiction.
"""

from django.db import migrations

OPEN = "('found', 'confirmed', 'rectifying', 'completion_reported')"

INDEXES = {
    "hazards_hazard_description_trgm": (
        'ON "hazards_hazard" USING gin (UPPER("description"::text) gin_trgm_ops)'
    ),
    "hazards_hazard_location_trgm": 'ON "hazards_hazard" USING gin (UPPER("location"::text) gin_trgm_ops)',
    "hazards_hazard_open_deadline": f'ON "hazards_hazard" ("deadline", "region_id") WHERE "status" IN {OPEN}',
    "hazards_hazard_open_region_deadline": (
        f'ON "hazards_hazard" ("region_id", "deadline") WHERE "status" IN {OPEN}'
    ),
    "hazards_hazard_open_region_found": (
        f'ON "hazards_hazard" ("region_id", "found_at" DESC) WHERE "status" IN {OPEN}'
    ),
    "hazards_hazard_found_at_id": 'ON "hazards_hazard" ("found_at" DESC, "id" DESC)',
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, definition in INDEXES.items():
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" {definition}')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("hazards", "0006_workflow_transitions"),
        ("units", "0007_trigram_search"),
    ]

    operations = [migrations.RunPython(create, drop)]
