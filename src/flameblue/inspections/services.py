"""Writes on checklists: publishing a version (发布检查表). Items are never edited here — a change to a
checklist is a new version loaded from its data file."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import audit
from flameblue.core.errors import ConcurrencyError, DomainError
from flameblue.core.services import ensure_in_scope
from flameblue.inspections.choices import ChecklistStatus
from flameblue.inspections.models import Checklist

__all__ = ["checklist_publish"]


def _transition(checklist: Checklist, *, to: str, by: Any, reason: str = "") -> None:
    before = checklist.status
    now = timezone.now()
    checklist.status = to
    if to == ChecklistStatus.PUBLISHED:
        checklist.published_at = now
        checklist.published_by = by if getattr(by, "pk", None) else None
    elif to == ChecklistStatus.RETIRED:
        checklist.retired_at = now
    checklist.version += 1
    checklist.updated_at = now
    checklist.updated_by = by if getattr(by, "pk", None) else None
    checklist.save()
    audit.record(
        audit.AuditAction.TRANSITION, by=by, obj=checklist, changes={"status": [before, to]}, reason=reason
    )


@transaction.atomic
def checklist_publish(*, checklist: Checklist, by: Any, expected_version: int | None = None) -> Checklist:
    """Publish a draft checklist version; the version of the same code published until now is retired.

    Raises ``DomainError`` when the version is not a draft or has no items, ``ConcurrencyError`` when
    someone changed it since the caller loaded it."""
    ensure_in_scope(checklist, by=by, action="publish")
    versions = list(Checklist.objects.select_for_update().filter(code=checklist.code).order_by("pk"))
    current = next(c for c in versions if c.pk == checklist.pk)
    if expected_version is not None and current.version != expected_version:
        raise ConcurrencyError(_("该检查表已被其他人修改，请刷新后重试。"))
    if current.status != ChecklistStatus.DRAFT:
        raise DomainError(
            _("只有草稿状态的检查表可以发布；%(title)s 当前为“%(status)s”。")
            % {"title": current, "status": current.get_status_display()}
        )
    if not current.items.exists():
        raise DomainError(_("检查表 %(title)s 没有检查项，不能发布。") % {"title": current})
    for other in versions:
        if other.pk != current.pk and other.status == ChecklistStatus.PUBLISHED:
            _transition(
                other,
                to=ChecklistStatus.RETIRED,
                by=by,
                reason=_("发布新版本 %(e)s") % {"e": current.edition},
            )
    _transition(current, to=ChecklistStatus.PUBLISHED, by=by)
    return current
