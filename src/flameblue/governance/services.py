"""Writes of the committee side of governance: meetings, their decisions → action items, and the action
items' moves (owner answers; the committee office closes it or sends it back).

Every service is keyword-only and atomic, checks permission and scope for ``by`` (``None``: a trusted
caller such as the demo seed), writes the audit event, and runs the stateful moves through the workflow
kernel. A refusal raises a :class:`~flameblue.core.errors.DomainError` with a Chinese message naming the
field, and leaves nothing behind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from flameblue.core import audit, workflow
from flameblue.core.errors import DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.notify import Message, notify
from flameblue.core.scoping import has_action
from flameblue.core.services import ensure_in_scope
from flameblue.core.uploads import store_upload
from flameblue.governance.choices import ActionItemStatus, MeetingKind, RecordKind, SeatPosition
from flameblue.governance.models import (
    ActionItem,
    Committee,
    CommitteeRoster,
    CommitteeSeat,
    Decision,
    GovernmentRecord,
    Meeting,
)
from flameblue.governance.policy import action_item_policy
from flameblue.org.choices import OrgKind
from flameblue.org.models import Membership, Organization, User

__all__ = [
    "OWNER_KINDS",
    "action_item_answer",
    "action_item_link",
    "action_item_close",
    "action_item_return",
    "decision_add",
    "default_feedback_due",
    "meeting_create",
    "record_create",
    "roster_adjust",
    "organization_users",
]

S = ActionItemStatus

#: Who may own an action item: a member department, a lower government, or a unit named in the decision.
OWNER_KINDS = (OrgKind.DEPARTMENT, OrgKind.GOVERNMENT, OrgKind.SOCIAL_UNIT)


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


def _text(value: str | None, *, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(message, field=field)
    return value


def organization_users(org_ids: Sequence[int], roles: Sequence[str]) -> list[User]:
    """Active users with a current membership in one of ``org_ids`` under one of ``roles``."""
    person_ids = (
        Membership.objects.current()
        .filter(organization_id__in=list(org_ids), role__code__in=list(roles), person__is_active=True)
        .values("person_id")
    )
    return list(User.objects.filter(person_id__in=person_ids, is_active=True).order_by("pk"))


# ------------------------------------------------------------------------------------------- meetings


def _check_committee(committee: Organization, by: Any) -> None:
    if committee.kind != OrgKind.COMMITTEE:
        raise DomainError(_("“%(name)s”不是消防安全委员会。") % {"name": committee.name}, field="committee")
    if by is not None and not Committee.objects.visible_to(by, "view").filter(pk=committee.pk).exists():
        raise OutOfScope(_("该消防安全委员会不在您的管辖范围内。"))


@transaction.atomic
def meeting_create(
    *,
    by: Any,
    committee: Organization,
    kind: str,
    title: str,
    held_on: dt.date,
    chair: str,
    topics: str,
    attendees: str = "",
    minutes: str = "",
    minutes_file: Any = None,
    at: dt.datetime | None = None,
) -> Meeting:
    """Record a committee meeting that was held (a plenary meeting or one of the four mechanisms). ``at``
    dates a meeting recorded after the fact (historical data); by default it is recorded now."""
    if by is not None and not has_action(by, Meeting, "add"):
        raise PermissionDeniedError(_("您没有登记委员会会议的权限。"))
    _check_committee(committee, by)
    if kind not in MeetingKind.values:
        raise DomainError(_("请选择会议类型。"), field="kind")
    if held_on > timezone.localdate():
        raise DomainError(_("会议日期不能晚于今天：这里登记已经召开的会议。"), field="held_on")
    actor = _actor(by)
    meeting = Meeting(
        committee_id=committee.pk, region_id=committee.region_id, kind=kind, held_on=held_on,
        title=_text(title, field="title", message=_("请填写会议名称。")),
        chair=_text(chair, field="chair", message=_("请填写主持人。")),
        topics=_text(topics, field="topics", message=_("请填写会议议题。")),
        attendees=(attendees or "").strip(), minutes=(minutes or "").strip(), created_by=actor, updated_by=actor,
        created_at=at or timezone.now(), updated_at=at or timezone.now(),
    )  # fmt: skip
    meeting.full_clean()
    meeting.save()
    ensure_in_scope(meeting, by=by, action="add")
    if minutes_file is not None:
        store_upload(minutes_file, owner=meeting, by=by, purpose="minutes", allow_pdf=True)
    audit.record(
        audit.AuditAction.CREATE, by=by, obj=meeting, changes=audit.diff({}, audit.snapshot(meeting))
    )
    from flameblue.governance.analysis import link_meeting  # the analysis module reads this one

    link_meeting(meeting)
    return meeting


# ------------------------------------------------------------------------------------------- decisions


def default_feedback_due(held_on: dt.date) -> dt.date:
    """The written-feedback date of a decision's action items: ``feedback_days`` after the meeting."""
    return held_on + dt.timedelta(days=action_item_policy().feedback_days)


def _check_owners(source: Meeting | GovernmentRecord, owners: Sequence[Organization]) -> list[Organization]:
    if not owners:
        raise DomainError(_("请至少选择一个责任单位。"), field="owners")
    committee = source.committee
    for owner in owners:
        if owner.kind not in OWNER_KINDS:
            raise DomainError(
                _("“%(name)s”不能作为责任单位：责任单位须为行业部门、下级政府或社会单位。")
                % {"name": owner.name},
                field="owners",
            )
        if not owner.region_id.startswith(committee.region_id):
            raise DomainError(
                _("责任单位“%(owner)s”不在%(committee)s的辖区内，不能向其交办事项。")
                % {"owner": owner.name, "committee": committee.name},
                field="owners",
            )
    return list({o.pk: o for o in owners}.values())


@transaction.atomic
def record_create(
    *,
    by: Any,
    government: Organization,
    kind: str,
    title: str,
    held_on: dt.date,
    summary: str,
    document_no: str = "",
    leaders: str = "",
    findings: str = "",
    document_file: Any = None,
    at: dt.datetime | None = None,
) -> GovernmentRecord:
    """Record that a government took up fire safety: a standing meeting that studied it, a policy document,
    a leader's inspection visit — with what was decided or found (decisions follow with ``decision_add``)."""
    if by is not None and not has_action(by, GovernmentRecord, "add"):
        raise PermissionDeniedError(_("您没有登记政府研究部署的权限。"))
    if government.kind != OrgKind.GOVERNMENT:
        raise DomainError(_("“%(name)s”不是人民政府。") % {"name": government.name}, field="government")
    if kind not in RecordKind.values:
        raise DomainError(_("请选择类型。"), field="kind")
    if held_on > timezone.localdate():
        raise DomainError(_("日期不能晚于今天：这里登记已经发生的研究部署。"), field="held_on")
    if kind == RecordKind.POLICY and not (document_no or "").strip():
        raise DomainError(_("政策文件须填写文号。"), field="document_no")
    actor = _actor(by)
    record = GovernmentRecord(
        government=government, region_id=government.region_id, kind=kind, held_on=held_on,
        title=_text(title, field="title", message=_("请填写名称。")),
        summary=_text(summary, field="summary", message=_("请填写主要内容。")),
        document_no=(document_no or "").strip(), leaders=(leaders or "").strip(), findings=(findings or "").strip(),
        created_by=actor, updated_by=actor, created_at=at or timezone.now(), updated_at=at or timezone.now(),
    )  # fmt: skip
    record.full_clean()
    record.save()
    ensure_in_scope(record, by=by, action="add")
    if document_file is not None:
        store_upload(document_file, owner=record, by=by, purpose="document", allow_pdf=True)
    audit.record(audit.AuditAction.CREATE, by=by, obj=record, changes=audit.diff({}, audit.snapshot(record)))
    return record


@transaction.atomic
def decision_add(
    *,
    by: Any,
    meeting: Meeting | None = None,
    record: GovernmentRecord | None = None,
    text: str,
    owners: Sequence[Organization],
    due_on: dt.date,
    task: str = "",
    feedback_due_on: dt.date | None = None,
    at: dt.datetime | None = None,
) -> Decision:
    """Add a decision to a meeting's minutes (or to a government record: a standing meeting, a policy
    document, a leader's visit) and one action item for each owning unit. The feedback date is
    ``feedback_days`` after the meeting unless the decision sets another; the owners are told after commit."""
    if (meeting is None) == (record is None):
        raise ValueError("decision_add needs a meeting or a record")
    if meeting is not None:
        ensure_in_scope(meeting, by=by, action="change")
        source = Meeting.objects.select_for_update().select_related("committee").get(pk=meeting.pk)
    else:
        ensure_in_scope(record, by=by, action="change")
        source = GovernmentRecord.objects.select_for_update().select_related("government").get(pk=record.pk)
    text = _text(text, field="text", message=_("请填写议定事项。"))
    owners = _check_owners(source, owners)
    if due_on < source.held_on:
        raise DomainError(_("完成期限不能早于会议日期（%(d)s）。") % {"d": source.held_on}, field="due_on")
    feedback_due_on = feedback_due_on or default_feedback_due(source.held_on)
    if feedback_due_on < source.held_on:
        raise DomainError(
            _("书面反馈期限不能早于会议日期（%(d)s）。") % {"d": source.held_on}, field="feedback_due_on"
        )
    number = (source.decisions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    decision = Decision.objects.create(
        meeting=meeting and source, record=record and source, region_id=source.region_id, number=number,
        text=text, created_by=_actor(by),
    )  # fmt: skip
    audit.record(audit.AuditAction.CREATE, by=by, obj=decision, changes={"text": [None, text]})
    version = action_item_policy().version
    for owner in owners:
        item = ActionItem.objects.create(
            decision=decision, owner=owner, task=(task or "").strip() or text, due_on=due_on,
            feedback_due_on=feedback_due_on, rules_version=version, created_by=_actor(by), updated_by=_actor(by),
            created_at=at or timezone.now(), updated_at=at or timezone.now(),
        )  # fmt: skip
        workflow.begin(item, by=by, at=at)
        audit.record(audit.AuditAction.CREATE, by=by, obj=item, changes=audit.diff({}, audit.snapshot(item)))
        transaction.on_commit(lambda item=item: _tell_owner(item))
    return decision


def action_item_link(item: ActionItem) -> str:
    return reverse("governance:actionitem-detail", kwargs={"pk": item.pk})


def _tell_owner(item: ActionItem) -> None:
    users = organization_users([item.owner_id], action_item_policy().recipient_roles)
    source = item.decision.source
    notify(
        users,
        Message(
            _("【委员会督办】%(meeting)s 议定事项待落实") % {"meeting": source.title},
            _("请于 %(date)s 前书面反馈落实情况。") % {"date": date_format(item.feedback_due_on, "Y-m-d")},
            action_item_link(item),
        ),
        dedupe_key=f"governance:actionitem:{item.pk}:v{item.version}",
    )


# ------------------------------------------------------------------------------------------- action items


@transaction.atomic
def action_item_answer(
    *,
    item: ActionItem,
    by: Any,
    answer: str,
    expected_version: int | None = None,
    attachments: Sequence[Any] = (),
    at: dt.datetime | None = None,
) -> ActionItem:
    """The owning unit reports in writing how it carried the decision out (落实情况书面反馈). ``at`` dates
    an answer recorded after the fact (historical data); by default it is now."""
    current = workflow.lock(
        item, by=by, action="answer", allowed=(S.OPEN,), verb=_("反馈"), expected_version=expected_version,
        noun=_("督办事项"),
    )  # fmt: skip
    current.answer = _text(answer, field="answer", message=_("请填写落实情况。"))
    current.answered_at = at or timezone.now()
    current.answered_by = _actor(by)
    for upload in attachments:
        store_upload(upload, owner=current, by=by, purpose="feedback", allow_pdf=True)
    late = timezone.localdate(current.answered_at) > current.feedback_due_on
    return workflow.advance(current, by=by, to=S.ANSWERED, data={"late": late}, at=at)


def _ensure_committee_side(item: ActionItem, by: Any) -> None:
    """Only the committee that made the decision (its office, the government above it, the detachment) may
    close an item or send it back — not the owner grading its own answer."""
    if by is None:
        return
    decision = item.decision
    if decision.meeting_id:
        deciding = Meeting.objects.visible_to(by, "change").filter(pk=decision.meeting_id)
    else:
        deciding = GovernmentRecord.objects.visible_to(by, "change").filter(pk=decision.record_id)
    if not deciding.exists():
        raise PermissionDeniedError(_("只有作出该决定的消防安全委员会（办公室）才能办结或退回督办事项。"))


@transaction.atomic
def action_item_close(
    *,
    item: ActionItem,
    by: Any,
    reason: str = "",
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> ActionItem:
    """The committee office accepts the owner's answer: the item is done (办结)."""
    _ensure_committee_side(item, by)
    current = workflow.lock(
        item, by=by, action="close", allowed=(S.ANSWERED,), verb=_("办结"), expected_version=expected_version,
        noun=_("督办事项"),
    )  # fmt: skip
    return workflow.advance(current, by=by, to=S.CLOSED, reason=(reason or "").strip(), at=at)


@transaction.atomic
def action_item_return(
    *,
    item: ActionItem,
    by: Any,
    reason: str,
    feedback_due_on: dt.date,
    expected_version: int | None = None,
) -> ActionItem:
    """The committee office finds the answer insufficient and sends the item back with a new feedback date;
    the overdue flag and escalation start afresh from it."""
    _ensure_committee_side(item, by)
    current = workflow.lock(
        item, by=by, action="close", allowed=(S.ANSWERED,), verb=_("退回"), expected_version=expected_version,
        noun=_("督办事项"),
    )  # fmt: skip
    reason = _text(reason, field="reason", message=_("请说明退回理由。"))
    if feedback_due_on <= timezone.localdate():
        raise DomainError(_("新的书面反馈期限须晚于今天。"), field="feedback_due_on")
    current.feedback_due_on = feedback_due_on
    current.overdue_since = None
    current.escalation_level = 0
    current = workflow.advance(
        current, by=by, to=S.OPEN, reason=reason, data={"feedback_due_on": feedback_due_on}
    )
    transaction.on_commit(lambda: _tell_owner(current))
    return current


# ------------------------------------------------------------------------------------------- composition


def _check_seats(committee: Organization, seats: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for seat in seats:
        org = seat.get("organization")
        name = (seat.get("person_name") or "").strip()
        if org is None or not name:
            raise DomainError(_("每名组成人员都须填写所在单位和姓名。"), field="seats")
        if seat.get("position") not in SeatPosition.values:
            raise DomainError(_("请为“%(name)s”选择职务。") % {"name": name}, field="seats")
        if not org.region_id.startswith(committee.region_id):
            raise DomainError(
                _("“%(org)s”不在%(committee)s的辖区内，不能作为其成员单位。")
                % {"org": org.name, "committee": committee.name},
                field="seats",
            )
        rows.append({**seat, "person_name": name})
    positions = [r["position"] for r in rows]
    if positions.count(SeatPosition.DIRECTOR) != 1:
        raise DomainError(_("委员会须有且只有一名主任。"), field="seats")
    if SeatPosition.MEMBER not in positions:
        raise DomainError(_("请至少列出一个成员单位。"), field="seats")
    members = [r["organization"].pk for r in rows if r["position"] == SeatPosition.MEMBER]
    if len(members) != len(set(members)):
        raise DomainError(_("同一成员单位只能列一次。"), field="seats")
    return rows


@transaction.atomic
def roster_adjust(
    *,
    by: Any,
    committee: Organization,
    year: int,
    adjusted_on: dt.date,
    office_host: Organization,
    seats: Sequence[dict[str, Any]],
    document_no: str = "",
    reason: str = "",
) -> CommitteeRoster:
    """Record a new composition of ``committee`` (调整组成人员). Earlier compositions stay as its history.
    ``seats`` are dicts of position, organization, person_name and optional title, liaison_name,
    liaison_phone."""
    if by is not None and not has_action(by, CommitteeRoster, "add"):
        raise PermissionDeniedError(_("您没有调整委员会组成的权限。"))
    _check_committee(committee, by)
    if adjusted_on > timezone.localdate():
        raise DomainError(_("调整日期不能晚于今天。"), field="adjusted_on")
    if adjusted_on.year not in (year - 1, year):
        raise DomainError(_("%(year)d 年度的组成应在 %(prev)d 年或当年调整。") % {"year": year, "prev": year - 1},
                          field="adjusted_on")  # fmt: skip
    if not office_host.region_id.startswith(committee.region_id):
        raise DomainError(_("办公室设在单位须在委员会辖区内。"), field="office_host")
    rows = _check_seats(committee, seats)
    actor = _actor(by)
    roster = CommitteeRoster.objects.create(
        committee_id=committee.pk, year=year, adjusted_on=adjusted_on, office_host=office_host,
        document_no=(document_no or "").strip(), reason=(reason or "").strip(), created_by=actor, updated_by=actor,
    )  # fmt: skip
    fields = ("title", "liaison_name", "liaison_phone")
    CommitteeSeat.objects.bulk_create(
        CommitteeSeat(roster=roster, position=r["position"], organization=r["organization"],
                      person_name=r["person_name"], **{f: (r.get(f) or "").strip() for f in fields})
        for r in rows
    )  # fmt: skip
    ensure_in_scope(roster, by=by, action="add")
    audit.record(
        audit.AuditAction.CREATE, by=by, obj=roster,
        changes={"seats": [None, [f"{r['position']}:{r['organization'].name}:{r['person_name']}" for r in rows]]},
    )  # fmt: skip
    return roster
