"""Inserting many new rows of one model fast, for bulk writes (the Excel import) and their audit rows.

On PostgreSQL the rows go in with COPY (ids taken from the table's sequence first, so callers can point
other rows at them); elsewhere with ``bulk_create``. Either way the rows are written in the caller's
transaction and the database's constraints and triggers apply as to any INSERT. Models with custom
``save()`` logic must not be written this way."""

from __future__ import annotations

import contextlib
import gc
import json
import operator
import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection
from django.db.models import JSONField, Model
from django.db.models.base import ModelState
from django.utils import timezone

__all__ = ["Blank", "CopyStream", "gc_paused", "insert_rows", "reserve_ids"]

#: JSON for COPY: Chinese text as UTF-8 rather than \uXXXX escapes (a sixth fewer bytes for PostgreSQL to
#: parse into jsonb), no separator spaces, no cycle check (model values are plain trees).
_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


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
        if not values.keys() <= self.attnames:
            unknown = values.keys() - self.attnames
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
                copy.write_row([Jsonb(row[n], _json) if n in jsons else row[n] for n in names])
    alias = connection.alias
    for obj in objs:
        obj._state.adding = False
        obj._state.db = alias


def reserve_ids(model: type[Model], count: int) -> list[int]:
    """``count`` new primary keys from ``model``'s id sequence in one round trip (PostgreSQL), so rows
    that point at each other can be made before any of them is written; empty elsewhere (``bulk_create``
    sets the keys there)."""
    if count <= 0 or connection.vendor != "postgresql" or model._meta.pk.attname != "id":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [model._meta.db_table, count],
        )
        return [pk for (pk,) in cursor.fetchall()]


class _Rows:
    """How one model's instances become COPY rows: the column list once, then a tuple per instance."""

    def __init__(self, model: type[Model]):
        from psycopg.types.json import Jsonb

        fields = model._meta.concrete_fields
        self.sql = "COPY {} ({}) FROM STDIN".format(
            connection.ops.quote_name(model._meta.db_table),
            ", ".join(connection.ops.quote_name(f.column) for f in fields),
        )
        self.get = operator.itemgetter(*(f.attname for f in fields))
        self.jsons = [i for i, f in enumerate(fields) if isinstance(f, JSONField)]
        self.jsonb = Jsonb

    def __call__(self, obj: Any) -> Any:
        row = self.get(obj.__dict__)
        if not self.jsons:
            return row
        row = list(row)
        for index in self.jsons:
            row[index] = self.jsonb(row[index], _json)
        return row


class CopyStream:
    """New rows written by COPY on a helper thread while the caller prepares the next ones.

    Used as a context manager inside the caller's transaction: :meth:`insert` turns instances into COPY
    rows and queues them; one thread sends them over the transaction's own connection. Python (building
    the next rows) and PostgreSQL (inserting these and maintaining their indexes) then work at once — on a
    2-core machine that is most of a bulk write's wall time. The thread waits on the socket with the GIL
    released. Primary keys must be known when rows are queued: take them with :meth:`reserve` beforehand
    (one round trip per model for the whole write), otherwise :meth:`insert` reserves them itself.

    Consecutive batches of one model go into one COPY, kept open while more of them are waiting in the
    queue: a COPY that ends makes the thread wait for PostgreSQL to finish it before it formats the next,
    so a write that queues one table at a time streams without those pauses. The COPY is ended as soon as
    the queue is empty, by :meth:`drain` and by a statement queued with :meth:`execute`.

    The caller must not run its own queries inside the block without :meth:`drain` first (the thread may
    be in the middle of a COPY on the same connection). :meth:`drain` waits for every queued row; leaving
    the block drains too and raises what a COPY raised (a constraint violation as Django's
    ``IntegrityError``), so the caller's transaction rolls back. On other databases :meth:`insert` is
    :func:`insert_rows` and :meth:`execute` runs the statement at once."""

    def __init__(self) -> None:
        self.threaded = connection.vendor == "postgresql"
        self._ids: dict[type, list[int]] = {}
        self._rows: dict[type, _Rows] = {}
        self._queue: queue.SimpleQueue[tuple[str, Any] | None] = queue.SimpleQueue()
        self._pending = threading.Semaphore(0)
        self._queued = 0
        self._error: BaseException | None = None
        self._stopped = False
        self._thread: threading.Thread | None = None
        self._after: dict[Any, Callable[[], Any]] = {}

    def __enter__(self) -> CopyStream:
        if self.threaded:
            connection.ensure_connection()
            self._raw = connection.connection
            self._thread = threading.Thread(target=self._run, name="flameblue-copy", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if self._thread is not None:
            if exc_type is not None:
                self._stopped = True  # the caller failed: what is still queued is not sent
            self._queue.put(None)
            self._thread.join()
            self._thread = None
            self._queued = 0
        if exc_type is None:
            self._raise()
            for call in self._after.values():
                call()

    def after(self, key: Any, call: Callable[[], Any]) -> None:
        """Call ``call`` once every row is written (when the block ends without error), once per ``key``."""
        self._after.setdefault(key, call)

    def reserve(self, model: type[Model], count: int) -> None:
        """Take ``count`` primary keys of ``model`` now, for the rows :meth:`insert` will queue."""
        self._ids.setdefault(model, []).extend(reserve_ids(model, count))

    def insert(self, objs: list[Any]) -> None:
        if not objs:
            return
        if not self.threaded:
            insert_rows(objs)
            return
        model = type(objs[0])
        missing = [o for o in objs if o.pk is None]
        if missing:
            pool = self._ids.setdefault(model, [])
            if len(pool) < len(missing):
                self.drain()  # the connection is needed for the sequence: let the queue finish first
                pool.extend(reserve_ids(model, len(missing) - len(pool)))
            for obj, pk in zip(missing, pool, strict=False):
                obj.pk = pk
            del pool[: len(missing)]
        rows = self._rows.get(model)
        if rows is None:
            rows = self._rows[model] = _Rows(model)
        alias = connection.alias
        for obj in objs:
            obj._state.adding = False
            obj._state.db = alias
        self._put(("copy", (rows.sql, [rows(o) for o in objs])))

    def execute(self, sql: str) -> None:
        """Run ``sql`` (no parameters) in order with the queued rows: after them, before what comes next."""
        if not self.threaded:
            with connection.cursor() as cursor:
                cursor.execute(sql)
            return
        self._put(("execute", sql))

    def _put(self, item: tuple[str, Any]) -> None:
        self._queued += 1
        self._queue.put(item)
        if self._error is not None:
            self.drain()

    def drain(self) -> None:
        """Wait until every queued row is written (and the last COPY ended); raise what a COPY raised."""
        if self._thread is not None:
            self._queued += 1
            self._queue.put(("end", None))
        while self._queued:
            self._pending.acquire()
            self._queued -= 1
        self._raise()

    def _raise(self) -> None:
        error, self._error = self._error, None
        if error is not None:
            with connection.wrap_database_errors:
                raise error

    def _run(self) -> None:
        copying: tuple[str, contextlib.ExitStack, Any] | None = None  # (sql, its cursor and COPY, copy)

        def end(exc: BaseException | None = None) -> None:
            nonlocal copying
            if copying is not None:
                stack = copying[1]
                copying = None
                if exc is None:
                    stack.close()  # PostgreSQL finishes the COPY; a constraint violation is raised here
                else:
                    stack.__exit__(type(exc), exc, exc.__traceback__)  # abandons it (CopyFail)

        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                # nothing waiting: end the COPY rather than hold it open while the caller works
                try:
                    end()
                except BaseException as exc:  # handed to the caller's thread
                    self._error = exc
                item = self._queue.get()
            if item is None:
                try:
                    end()
                except BaseException as exc:
                    self._error = exc
                return
            kind, payload = item
            try:
                if self._error is not None or self._stopped:
                    end(self._error or RuntimeError("stopped"))
                elif kind == "copy":
                    sql, rows = payload
                    if copying is not None and copying[0] != sql:
                        end()
                    if copying is None:
                        stack = contextlib.ExitStack()
                        cursor = stack.enter_context(self._raw.cursor())
                        copying = (sql, stack, stack.enter_context(cursor.copy(sql)))
                    write = copying[2].write_row
                    for row in rows:
                        write(row)
                else:
                    end()
                    if kind == "execute":
                        with self._raw.cursor() as cursor:
                            cursor.execute(payload)
            except BaseException as exc:  # handed to the caller's thread
                self._error = exc
                with contextlib.suppress(BaseException):  # the first error is the one to report
                    end(exc)
            finally:
                self._pending.release()
