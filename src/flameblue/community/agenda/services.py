"""Writes of party-committee meetings and their agenda items: keyword-only, atomic, permission and scope
checked for ``by`` (``None``: a trusted caller such as the demo), audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from flameblue.community.agenda.choices import MeetingKind
from flameblue.community.agenda.models import AgendaItem, AgendaTag, PartyMeeting
from flameblue.core import audit
from flameblue.core.errors import DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.scoping import has_action, within_scopes
from flameblue.core.services import ensure_in_scope
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization, Person

__all__ = ["COMMITTEE_KINDS", "agenda_item_add", "meeting_create"]

#: Whose party committee meets: the detachment's or a brigade's.
COMMITTEE_KINDS = (OrgKind.DETACHMENT, OrgKind.BRIGADE)


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


@transaction.atomic
def meeting_create(
    *, by: Any, committee: Organization, kind: str, held_on: dt.date, title: str,
    attendees: Iterable[Person] = (),
) -> PartyMeeting:  # fmt: skip
    """Record a meeting of the detachment's or a brigade's party committee in ``by``'s jurisdiction."""
    if by is not None and not has_action(by, PartyMeeting, "add"):
        raise PermissionDeniedError(_("您没有登记党委会议的权限。"))
    if committee.kind not in COMMITTEE_KINDS:
        raise DomainError(_("“%(name)s”不是支队或大队党委。") % {"name": committee.name}, field="committee")
    if (
        by is not None
        and not within_scopes(Organization.objects.filter(pk=committee.pk), by, PartyMeeting, "add").exists()
    ):
        raise OutOfScope(_("该党委不在您的管辖范围内。"))
    if kind not in MeetingKind.values:
        raise DomainError(_("未知的会议类别。"), field="kind")
    title = (title or "").strip()
    if not title:
        raise DomainError(_("请填写会议名称。"), field="title")
    actor = _actor(by)
    meeting = PartyMeeting.objects.create(
        committee=committee, region_id=committee.region_id, kind=kind, held_on=held_on, title=title,
        created_by=actor, updated_by=actor,
    )  # fmt: skip
    meeting.attendees.set(list(attendees))
    audit.record(
        audit.AuditAction.CREATE, by=by, obj=meeting, changes=audit.diff({}, audit.snapshot(meeting))
    )
    return meeting


@transaction.atomic
def agenda_item_add(
    *, by: Any, meeting: PartyMeeting, title: str, decision: str = "", presenter: Person | None = None,
    tags: Iterable[AgendaTag] = (),
) -> AgendaItem:  # fmt: skip
    """Add an item to a meeting's agenda, tagged with the aspects it serves (active tags only)."""
    ensure_in_scope(meeting, by=by, action="change")
    title = (title or "").strip()
    if not title:
        raise DomainError(_("请填写议题。"), field="title")
    tags = list(tags)
    if any(not t.active for t in tags):
        raise DomainError(_("所选标签已停用。"), field="tags")
    order = meeting.items.count() + 1
    item = AgendaItem.objects.create(
        meeting=meeting, order=order, title=title, decision=(decision or "").strip(), presenter=presenter
    )
    item.tags.set(tags)
    changes = audit.diff({}, audit.snapshot(item))
    changes["tags"] = [None, [t.short for t in tags]]
    audit.record(audit.AuditAction.CREATE, by=by, obj=item, changes=changes)
    return item
