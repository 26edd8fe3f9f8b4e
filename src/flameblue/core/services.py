"""Generic audited writes used by the apps' services: create, versioned update, delete.

Each runs in a transaction, re-checks after the write that the object is still inside the acting user's
scope for the action (so nobody can move a record out of their own jurisdiction or create one outside
it), and appends an audit row with the field changes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from flameblue.core import audit
from flameblue.core.errors import ConcurrencyError, OutOfScope, PermissionDeniedError
from flameblue.core.scoping import has_action

__all__ = ["ensure_in_scope", "object_create", "object_delete", "object_update"]

M = TypeVar("M", bound=models.Model)


def ensure_in_scope(obj: models.Model, *, by: Any, action: str) -> None:
    """Raise if ``by`` may not perform ``action`` on ``obj``. System callers (by=None) are trusted."""
    if by is None:
        return
    model = type(obj)
    if not has_action(by, model, action):
        raise PermissionDeniedError(_("您没有执行此操作的权限。"))
    if not model.objects.visible_to(by, action).filter(pk=obj.pk).exists():
        raise OutOfScope(_("该记录不在您的管辖范围内。"))


def _apply(obj: models.Model, data: Mapping[str, Any]) -> list[models.Field]:
    m2m: list[tuple[str, Any]] = []
    for name, value in data.items():
        field = obj._meta.get_field(name)
        if field.many_to_many:
            m2m.append((name, value))
        else:
            setattr(obj, name, value)
    return m2m


@transaction.atomic
def object_create(model: type[M], *, by: Any, data: Mapping[str, Any], action: str = "add") -> M:
    if by is not None and not has_action(by, model, action):
        raise PermissionDeniedError(_("您没有新增此类记录的权限。"))
    obj = model()
    m2m = _apply(obj, data)
    if hasattr(obj, "created_by_id"):
        obj.created_by = by if getattr(by, "pk", None) else None
        obj.updated_by = obj.created_by
    obj.full_clean()
    obj.save()
    for name, value in m2m:
        getattr(obj, name).set(value)
    ensure_in_scope(obj, by=by, action=action)
    audit.record(audit.AuditAction.CREATE, by=by, obj=obj, changes=audit.diff({}, audit.snapshot(obj)))
    return obj


def _stale_message(current: models.Model) -> str:
    who = getattr(current, "updated_by", None)
    when = getattr(current, "updated_at", None)
    return _("该记录已被 %(who)s 于 %(when)s 修改，请刷新后重新编辑。") % {
        "who": who.get_username() if who else _("其他用户"),
        "when": date_format(timezone.localtime(when), "Y-m-d H:i:s") if when else "",
    }


@transaction.atomic
def object_update(
    obj: M,
    *,
    by: Any,
    data: Mapping[str, Any],
    expected_version: int | None = None,
    action: str = "change",
    reason: str = "",
) -> M:
    """Apply ``data`` to ``obj``. A stale ``expected_version`` raises :class:`ConcurrencyError` and saves nothing."""
    model = type(obj)
    ensure_in_scope(obj, by=by, action=action)
    current = model._default_manager.select_for_update().get(pk=obj.pk)
    if expected_version is not None and getattr(current, "version", None) != expected_version:
        raise ConcurrencyError(_stale_message(current))
    before = audit.snapshot(current)
    m2m = _apply(current, data)
    if hasattr(current, "version"):
        current.version += 1
        current.updated_at = timezone.now()
        current.updated_by = by if getattr(by, "pk", None) else None
    current.full_clean()
    current.save()
    for name, value in m2m:
        getattr(current, name).set(value)
    ensure_in_scope(current, by=by, action=action)
    changes = audit.diff(before, audit.snapshot(current))
    if changes:
        audit.record(audit.AuditAction.UPDATE, by=by, obj=current, changes=changes, reason=reason)
    return current


@transaction.atomic
def object_delete(obj: models.Model, *, by: Any, reason: str = "", action: str = "delete") -> None:
    ensure_in_scope(obj, by=by, action=action)
    before = audit.snapshot(obj)
    audit.record(audit.AuditAction.DELETE, by=by, obj=obj, changes=audit.diff(before, {}), reason=reason)
    obj.delete()
