"""Writing the audit trail. Services call :func:`record` after each write; auth signals call it for logins."""

from __future__ import annotations

import datetime as dt
import decimal
import functools
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from flameblue.core.models import AuditAction, AuditEvent
from flameblue.core.request_context import current_request_info
from flameblue.core.summaries import summaries_changed_for

if TYPE_CHECKING:
    from flameblue.core.bulk import CopyStream

__all__ = [
    "AuditAction",
    "created",
    "diff",
    "purge_older_than",
    "record",
    "record_many",
    "recorded_as",
    "snapshot",
]

#: While set, create/update/delete rows are written with this action and reason instead (e.g. an Excel
#: import records each write it makes as IMPORT with the sheet row, rather than as a plain edit).
_override: ContextVar[tuple[str, str] | None] = ContextVar("flameblue_audit_override", default=None)
_OVERRIDABLE = {"create", "update", "delete"}


@contextmanager
def recorded_as(action: str, *, reason: str = "") -> Iterator[None]:
    token = _override.set((action, reason))
    try:
        yield
    finally:
        _override.reset(token)


#: Fields never written to the audit trail in clear (ciphertexts, digests, password hashes).
SECRET_FIELDS = {"password", "id_number_encrypted", "id_number_digest"}


#: Values stored as they are (checked by exact type first: a bulk import snapshots ~1 M values).
_AS_IS = frozenset({str, int, bool, float, type(None)})
#: The usual other types, converted without the isinstance chain below.
_BY_TYPE = {dt.datetime: dt.datetime.isoformat, dt.date: dt.date.isoformat, decimal.Decimal: str}


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind in _AS_IS:
        return value
    convert = _BY_TYPE.get(kind)
    if convert is not None:
        return convert(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


@functools.cache
def _audited_fields(model: type[models.Model]) -> tuple[tuple[str, str], ...]:
    """(name, attribute name) of each concrete field a snapshot holds, worked out once per model."""
    return tuple(
        (field.name, field.attname)
        for field in model._meta.concrete_fields
        if field.name not in SECRET_FIELDS and field.attname not in {"updated_at", "version"}
    )


def snapshot(obj: models.Model) -> dict[str, Any]:
    """The audited state of an object: its concrete field values, secrets left out or masked."""
    data = {name: _plain(getattr(obj, attname)) for name, attname in _audited_fields(type(obj))}
    masked = getattr(obj, "audit_masked_values", None)
    if callable(masked):
        data.update(masked())
    return data


def created(obj: models.Model) -> dict[str, list[Any]]:
    """The audit changes of a new object — ``diff({}, snapshot(obj))`` — without building and diffing
    the snapshot: a bulk import makes tens of thousands (read from the instance's ``__dict__`` where the
    field is loaded, so a fresh instance costs no descriptor lookups)."""
    values = obj.__dict__
    changes: dict[str, list[Any]] = {}
    as_is = _AS_IS
    for name, attname in _audited_fields(type(obj)):
        value = values[attname] if attname in values else getattr(obj, attname)
        if value is not None:
            changes[name] = [None, value if type(value) in as_is else _plain(value)]
    masked = getattr(obj, "audit_masked_values", None)
    if callable(masked):
        for name, value in masked().items():
            if value is None:
                changes.pop(name, None)
            else:
                changes[name] = [None, value]
    return changes


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """Field changes as ``{field: [old, new]}``."""
    keys = set(before) | set(after)
    return {k: [before.get(k), after.get(k)] for k in sorted(keys) if before.get(k) != after.get(k)}


def record(
    action: str,
    *,
    by: Any = None,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
    changes: dict[str, Any] | None = None,
    reason: str = "",
    actor_name: str = "",
) -> AuditEvent:
    info = current_request_info()
    override = _override.get()
    if override is not None and action in _OVERRIDABLE:
        action, reason = (
            override[0],
            (f"{override[1]}；{reason}" if reason and override[1] else override[1] or reason),
        )
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        object_repr = object_repr or str(obj)[:300]
    user = by if getattr(by, "pk", None) else None
    if obj is not None:
        summaries_changed_for(obj)  # every write is audited: the dashboards' figures that counted it end
    return AuditEvent.objects.create(
        actor=user,
        actor_name=actor_name or (user.get_username() if user else ""),
        ip=info.ip,
        user_agent=info.user_agent[:300],
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_repr=object_repr[:300],
        changes=changes or {},
        reason=reason,
    )


def record_many(
    action: str,
    items: Iterable[tuple[models.Model, dict[str, Any] | None, str]],
    *,
    by: Any = None,
    batch_size: int = 1000,
    stream: CopyStream | None = None,
) -> int:
    """Append one audit row per ``(obj, changes, reason)`` — the rows :func:`record` would write one by
    one, with the same fields — in a few COPYs or INSERTs in the caller's transaction (bulk writes such
    as the Excel import). The rows share the time of the call. They are made and handed on ``batch_size``
    at a time, so a stream writes the first while the next are made. A bulk write that streams its rows
    passes its :class:`~flameblue.core.bulk.CopyStream`: the rows join it, and the dashboards' summaries
    end once it is written (not in the middle, where the database cache would wait for the stream).
    Returns how many were written."""
    from flameblue.core.bulk import Blank, insert_rows
    from flameblue.core.summaries import summaries_changed

    info = current_request_info()
    user = by if getattr(by, "pk", None) else None
    blank = Blank(AuditEvent)
    common = {
        "actor_id": user.pk if user else None,
        "actor_name": user.get_username() if user else "",
        "ip": info.ip,
        "user_agent": info.user_agent[:300],
        "action": action,
    }
    insert = stream.insert if stream is not None else insert_rows
    written_models: set[type[models.Model]] = set()
    written = 0
    batch: list[AuditEvent] = []
    for obj, changes, reason in items:
        written_models.add(obj._meta.model)
        batch.append(
            blank(
                **common,
                object_type=obj._meta.label_lower,
                object_id=str(obj.pk),
                object_repr=str(obj)[:300],
                changes=changes or {},
                reason=reason,
            )
        )
        if len(batch) >= batch_size:
            insert(batch)
            written += len(batch)
            batch = []
    if batch:
        insert(batch)
        written += len(batch)
    for model in written_models:  # the dashboards' figures that counted these records end
        if stream is not None:
            key = ("summaries_changed", model._meta.label_lower)
            stream.after(key, functools.partial(summaries_changed, model))
        else:
            summaries_changed(model)
    return written


def purge_older_than(days: int, *, by: Any = None) -> int:
    """Delete audit events older than ``days`` days; refuses anything below the legal minimum (180)."""
    minimum = settings.AUDIT_MIN_RETENTION_DAYS
    if days < minimum:
        raise ValueError(f"审计日志至少保留 {minimum} 天，拒绝清理 {days} 天以前的记录")
    cutoff = timezone.now() - dt.timedelta(days=days)
    with transaction.atomic():
        deleted, _ = models.QuerySet(AuditEvent).filter(at__lt=cutoff).delete()
        record(
            AuditAction.PURGE,
            by=by,
            object_type="core.auditevent",
            changes={"deleted": deleted, "days": days},
        )
    return deleted
