"""Inserting many new rows of one model fast, for bulk writes (the Excel import) and their audit rows.

On PostgreSQL the rows go in with COPY (ids taken from the table's sequence first, so callers can point
other rows at them); elsewhere with ``bulk_create``. Either way the rows are written in the caller's
transaction and the database's constraints and triggers apply as to any INSERT. Models with custom
``save()`` logic must not be written this way."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import JSONField

__all__ = ["insert_rows"]


def insert_rows(objs: list[Any]) -> None:
    """INSERT new rows of one model, setting their primary keys: on PostgreSQL with COPY (ids taken from
    the table's sequence first), elsewhere with ``bulk_create``. COPY skips Django's per-value preparation
    and the SQL text altogether, which is most of the time a batch takes."""
    if not objs:
        return
    model = type(objs[0])
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objs)
        return
    from psycopg.types.json import Jsonb

    meta = model._meta
    table = connection.ops.quote_name(meta.db_table)
    with connection.cursor() as cursor:
        if meta.pk.attname == "id" and all(o.pk is None for o in objs):
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [meta.db_table, len(objs)],
            )
            for obj, (pk,) in zip(objs, cursor.fetchall(), strict=True):
                obj.pk = pk
        fields = meta.concrete_fields
        jsons = {f.attname for f in fields if isinstance(f, JSONField)}
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        names = [f.attname for f in fields]
        # Constraint violations arrive as Django's IntegrityError, as from any other query.
        with (
            connection.wrap_database_errors,
            cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            for obj in objs:
                row = obj.__dict__
                copy.write_row([Jsonb(row[n]) if n in jsons else row[n] for n in names])
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias
