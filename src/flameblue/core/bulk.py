"""Inserting many new rows of one model fast, for bulk writes (the Excel import) and their audit rows.

On PostgreSQL the rows go in with COPY (ids taken from the table's sequence first, so callers can point
other rows at them); elsewhere with ``bulk_create``. Either way the rows are written in the caller's
transaction and the database's constraints and triggers apply as to any INSERT. Models with custom
``save()`` logic must not be written this way."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection
from django.db.models import JSONField, Model
from django.db.models.base import ModelState
from django.utils import timezone

__all__ = ["Blank", "gc_paused", "insert_rows"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for one bulk step (reading, checking or writing a 100k-row
    sheet): such a step makes millions of short-lived objects, and every collection they trigger walks
    all the live ones — a third of the step's time, measured. Reference counting still frees what the
    step drops; the collector is switched back on (if it was on) however the step ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Blank:
    """Makes new, unsaved instances of one model many times over, fast: each field's default worked out
    once (``timezone.now`` defaults all get the one ``now``, so a batch's rows share their creation time;
    other callable defaults, such as a JSON field's ``list``, are called per instance), the given values
    set by attribute name (``organization_id``, not ``organization``). What ``Model(**values)`` gives for
    a model without a custom ``__init__``, without its per-field descriptor work — the bulk import makes
    tens of thousands of these. Not for models whose defaults must differ per row in other ways."""

    def __init__(self, model: type[Model], now: Any = None):
        self.model = model
        now = now or timezone.now()
        self.static: dict[str, Any] = {}
        self.calls: list[tuple[str, Any]] = []
        for field in model._meta.concrete_fields:
            if field.has_default() and callable(field.default):
                if field.default is timezone.now:
                    self.static[field.attname] = now
                else:
                    self.calls.append((field.attname, field.default))
            else:
                self.static[field.attname] = field.get_default()
        self.attnames = {f.attname for f in model._meta.concrete_fields}

    def __call__(self, **values: Any) -> Any:
        unknown = values.keys() - self.attnames
        if unknown:
            raise TypeError(f"{self.model.__name__} has no fields {sorted(unknown)}")
        obj = self.model.__new__(self.model)
        data = obj.__dict__
        data["_state"] = ModelState()
        data.update(self.static)
        for name, default in self.calls:
            data[name] = default()
        data.update(values)
        return obj


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
    alias = connection.alias
    for obj in objs:
        obj._state.adding = False
        obj._state.db = alias
