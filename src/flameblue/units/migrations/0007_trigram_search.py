"""Trigram (pg_trgm GIN) indexes for the unit search (``?q=`` on name, credit code and address; the
inspection list's ``?unit_name=``). They index ``UPPER(col)`` because that is what Django's ``icontains``
compiles to on PostgreSQL (``UPPER(col::text) LIKE UPPER('%…%')``), so the planner can use them as they
are. PostgreSQL only: on SQLite this migration does nothing and search stays a LIKE scan."""

from django.db import migrations

INDEXES = [
    ("units_unit_name_trgm", "units_unit", "name"),
    ("units_unit_address_trgm", "units_unit", "address"),
    ("units_unit_credit_code_trgm", "units_unit", "credit_code"),
]


def create_extension(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, column in INDEXES:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin (UPPER("{column}"::text) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _, _ in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("units", "0006_grant_add_for_unit")]

    operations = [
        migrations.RunPython(create_extension, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(create, drop),
    ]
