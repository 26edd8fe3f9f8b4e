"""The one workflow kernel: every guarded move of a stateful record goes through here.

A transition service does, inside its ``@transaction.atomic``::

    current = workflow.lock(obj, by=by, action="change", allowed=(S.FOUND,), verb=_("确认"),
                            expected_version=expected_version)
    ... validate the input, set the fields of the move on ``current`` ...
    workflow.advance(current, to=S.CONFIRMED, by=by, reason=reason, data={...})

:func:`lock` re-reads the row under ``select_for_update``, checks the version the user saw (a stale edit
raises :class:`~flameblue.core.errors.ConcurrencyError` naming who changed it and when) and the status guard
(an illegal move raises :class:`IllegalTransition` naming the current status). :func:`advance` saves the
record with the new status and a bumped version, appends its transition row (``obj.transitions``, a
:class:`~flameblue.core.models.TransitionRecord` subclass) and the audit event, and schedules side effects
with ``transaction.on_commit``. Because both run in the caller's transaction, a move that raises after the
lock leaves nothing behind. :func:`transition` is the one-call form for a move without its own inputs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from flameblue.core import audit
from flameblue.core.errors import ConcurrencyError, DomainError
from flameblue.core.services import ensure_in_scope

__all__ = [
    "IllegalTransition",
    "advance",
    "begin",
    "lock",
    "stale_message",
    "status_label",
    "transition",
]

M = TypeVar("M", bound=models.Model)

#: Attribute under which :func:`lock` keeps what :func:`advance` needs (the audited state and the status).
_STATE = "_workflow_state"


class IllegalTransition(DomainError):
    """The record's current status does not allow this move. Distinct from a stale edit: the user's page
    may be current, the move is simply not possible now (the API answers 409 with code ``state``)."""

    conflict = True


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


def _when(value: dt.datetime | None) -> str:
    return date_format(timezone.localtime(value), "Y-m-d H:i") if value else ""


def status_label(obj: models.Model, field: str = "status") -> str:
    """The display label of ``obj``'s status (a choices field, or a ``get_<field>_display`` of a property)."""
    display = getattr(obj, f"get_{field}_display", None)
    return str(display()) if callable(display) else str(getattr(obj, field))


def _last_change(obj: models.Model) -> tuple[Any, dt.datetime | None]:
    """Who changed ``obj`` last and when: its latest transition row, else its ``updated_by``/``updated_at``."""
    last = None
    transitions = getattr(obj, "transitions", None)
    if transitions is not None:
        last = transitions.select_related("by").order_by("-at", "-id").first()
    updated_at = getattr(obj, "updated_at", None)
    if last is not None and (updated_at is None or last.at >= updated_at):
        return last.by, last.at
    return getattr(obj, "updated_by", None), updated_at or (last.at if last else None)


def stale_message(current: models.Model, *, noun: str | None = None, status_field: str = "status") -> str:
    """ "该隐患已被 X 于 T 修改（当前状态“…”），请刷新后再操作。" for a record changed since the user saw it."""
    who, when = _last_change(current)
    return _("该%(noun)s已被%(who)s于%(when)s修改（当前状态：“%(status)s”），请刷新后再操作。") % {
        "noun": noun or current._meta.verbose_name,
        "who": who.get_username() if who is not None else _("其他用户"),
        "when": _when(when) or _("刚才"),
        "status": status_label(current, status_field),
    }


def lock(
    obj: M,
    *,
    by: Any,
    allowed: Iterable[str] | None,
    verb: str,
    expected_version: int | None = None,
    action: str | None = "change",
    noun: str | None = None,
    status_field: str = "status",
    queryset: models.QuerySet | None = None,
    snapshot: Callable[[M], dict[str, Any]] = audit.snapshot,
) -> M:
    """Lock ``obj``'s row and apply the guards; returns the fresh, locked instance for the move.

    ``action`` is the role action checked with scope (``None`` when the caller has checked already);
    ``allowed`` the statuses the move may start from (``None``: any); ``verb`` completes "不能%(verb)s";
    ``noun`` names the record in messages ("隐患"; its verbose name by default); ``snapshot`` the audited
    state (a model with masked fields passes its own)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("workflow.lock() must run inside transaction.atomic")
    if action is not None:
        ensure_in_scope(obj, by=by, action=action)
    base = queryset if queryset is not None else type(obj)._default_manager.all()
    current = base.select_for_update(of=("self",)).get(pk=obj.pk)
    noun = noun or current._meta.verbose_name
    if expected_version is not None and current.version != expected_version:
        raise ConcurrencyError(stale_message(current, noun=noun, status_field=status_field))
    status = getattr(current, status_field)
    if allowed is not None and status not in tuple(allowed):
        raise IllegalTransition(
            _("该%(noun)s当前状态为“%(status)s”，不能%(verb)s。")
            % {"noun": noun, "status": status_label(current, status_field), "verb": verb}
        )
    setattr(current, _STATE, {"before": snapshot(current), "status": status, "field": status_field})
    return current


def _plain(data: Mapping[str, Any]) -> dict[str, Any]:
    return {
        k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in data.items() if v not in (None, "")
    }


def advance(
    obj: M,
    *,
    by: Any,
    to: str | None = None,
    reason: str = "",
    data: Mapping[str, Any] | None = None,
    at: dt.datetime | None = None,
    audit_action: str = audit.AuditAction.TRANSITION,
    snapshot: Callable[[M], dict[str, Any]] = audit.snapshot,
    on_commit: Iterable[Callable[[], Any]] = (),
) -> M:
    """Save the move of a record returned by :func:`lock`: the new status (``to``; ``None`` for a step that
    keeps it, such as a progress report), a bumped version, the transition row and the audit event; the
    ``on_commit`` callables run once the transaction commits. ``at`` dates a move recorded after the fact."""
    state = getattr(obj, _STATE, None)
    if state is None:
        raise RuntimeError("workflow.advance() needs a record returned by workflow.lock()")
    at = at or timezone.now()
    field = state["field"]
    if to is not None:
        setattr(obj, field, to)
    obj.version += 1
    if hasattr(obj, "updated_at"):
        obj.updated_at = at
    if hasattr(obj, "updated_by_id"):
        obj.updated_by = _actor(by)
    obj.save()
    obj.transitions.create(
        from_status=state["status"],
        to_status=getattr(obj, field),
        at=at,
        by=_actor(by),
        reason=reason,
        data=_plain(data or {}),
    )
    after = snapshot(obj)
    audit.record(audit_action, by=by, obj=obj, changes=audit.diff(state["before"], after), reason=reason)
    setattr(obj, _STATE, {"before": after, "status": getattr(obj, field), "field": field})
    for effect in on_commit:
        transaction.on_commit(effect)
    return obj


def begin(
    obj: M, *, by: Any, at: dt.datetime | None = None, reason: str = "", status_field: str = "status"
) -> None:
    """The first row of a new record's timeline ("" → its initial status); the creating service has written
    the record and its audit event already."""
    obj.transitions.create(
        from_status="", to_status=getattr(obj, status_field), at=at or timezone.now(), by=_actor(by),
        reason=reason,
    )  # fmt: skip


def transition(
    obj: M,
    *,
    by: Any,
    to: str | None,
    allowed: Iterable[str] | None,
    verb: str,
    expected_version: int | None = None,
    action: str | None = "change",
    noun: str | None = None,
    change: Callable[[M], Any] | None = None,
    reason: str = "",
    data: Mapping[str, Any] | None = None,
    at: dt.datetime | None = None,
    on_commit: Iterable[Callable[[], Any]] = (),
) -> M:
    """Lock, guard, apply ``change`` to the locked record, and save the move, in one transaction: when
    ``change`` (or anything after it) raises, nothing is saved."""
    with transaction.atomic():
        current = lock(
            obj,
            by=by,
            allowed=allowed,
            verb=verb,
            expected_version=expected_version,
            action=action,
            noun=noun,
        )
        if change is not None:
            change(current)
        return advance(current, by=by, to=to, reason=reason, data=data, at=at, on_commit=on_commit)
