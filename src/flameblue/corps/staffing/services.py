"""Writes of the roster's history and of the backbone rotation (驻训培育): editing an entry (version
checked), duty-status changes and transfers through the workflow kernel (each a row of the person's
timeline, with the date it took effect), revealing a full personal record along the chain of command, and
a rotation's nomination, decision and evaluation.

Keyword-only and atomic; ``by=None`` is a trusted caller (the demo seed). Refusals raise a
:class:`~flameblue.core.errors.DomainError` naming the field, and leave nothing behind."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import audit, workflow
from flameblue.core.errors import DomainError, PermissionDeniedError
from flameblue.core.scoping import has_action
from flameblue.core.services import ensure_in_scope, object_update
from flameblue.corps.choices import DutyStatus, Rank
from flameblue.corps.models import RosterEntry
from flameblue.corps.staffing.chain import in_chain_of_command
from flameblue.corps.staffing.choices import RotationRating, RotationStatus
from flameblue.corps.staffing.models import Posting, Rotation
from flameblue.org.choices import FIRE_SERVICE_KINDS, OrgKind
from flameblue.org.models import Organization

__all__ = [
    "ROTATION_MOVES",
    "STATUS_MOVES",
    "roster_reveal",
    "roster_set_status",
    "roster_transfer",
    "roster_update",
    "rotation_approve",
    "rotation_evaluate",
    "rotation_nominate",
    "rotation_refuse",
]

#: The duty-status transition table: from each status, the statuses a change may lead to. 调离 (left the
#: detachment) is final; a person who comes back is enlisted again.
STATUS_MOVES: dict[str, frozenset[str]] = {
    DutyStatus.ON_DUTY: frozenset({DutyStatus.TRAINING, DutyStatus.LEAVE, DutyStatus.TRANSFERRED}),
    DutyStatus.TRAINING: frozenset({DutyStatus.ON_DUTY, DutyStatus.LEAVE, DutyStatus.TRANSFERRED}),
    DutyStatus.LEAVE: frozenset({DutyStatus.ON_DUTY, DutyStatus.TRAINING, DutyStatus.TRANSFERRED}),
    DutyStatus.TRANSFERRED: frozenset(),
}
#: The rotation's transition table: move → (statuses it starts from, status it leads to).
ROTATION_MOVES: dict[str, tuple[tuple[str, ...], str]] = {
    "approve": ((RotationStatus.NOMINATED,), RotationStatus.APPROVED),
    "refuse": ((RotationStatus.NOMINATED,), RotationStatus.REFUSED),
    "evaluate": ((RotationStatus.APPROVED,), RotationStatus.EVALUATED),
}
HQ_KINDS = (OrgKind.DETACHMENT, OrgKind.DETACHMENT_OFFICE)


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


def _text(value: str | None, *, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(message, field=field)
    return value


# ------------------------------------------------------------------------------------------ roster entry
def roster_update(
    entry: RosterEntry, *, by: Any, post: str, rank: str, crew: str = "", expected_version: int | None = None
) -> RosterEntry:
    """Edit the post, rank and crew; a stale ``expected_version`` is refused naming who changed it."""
    if rank not in Rank.values:
        raise DomainError(_("请选择消防救援衔。"), field="rank")
    post = _text(post, field="post", message=_("请填写岗位。"))
    return object_update(
        entry, by=by, data={"post": post, "rank": rank, "crew": (crew or "").strip()},
        expected_version=expected_version,
    )  # fmt: skip


@transaction.atomic
def roster_set_status(
    entry: RosterEntry,
    *,
    by: Any,
    status: str,
    on: dt.date,
    reason: str = "",
    expected_version: int | None = None,
) -> RosterEntry:
    """在岗、学习培训、休假、调离: the status changes on ``on`` (a row of the person's status history)."""
    if status not in STATUS_MOVES:
        raise DomainError(_("请选择状态。"), field="status")
    sources = [s for s, targets in STATUS_MOVES.items() if status in targets]
    current = workflow.lock(
        entry, by=by, allowed=sources, verb=_("改为“%(s)s”") % {"s": DutyStatus(status).label},
        expected_version=expected_version, noun=_("指战员"),
    )  # fmt: skip
    if on < current.posted_on:
        raise DomainError(_("变动日期不能早于到岗日期（%(d)s）。") % {"d": current.posted_on}, field="on")
    return workflow.advance(current, by=by, to=status, reason=(reason or "").strip(), data={"on": on})


def _open_posting(entry: RosterEntry) -> Posting:
    """The current posting; a person enlisted before postings were kept gets one from the roster's facts."""
    posting = Posting.objects.select_for_update().filter(entry=entry, ended_on__isnull=True).first()
    if posting is None:
        posting = Posting.objects.create(
            entry=entry, station=entry.station, post=entry.post, crew=entry.crew, started_on=entry.posted_on
        )
    return posting


@transaction.atomic
def roster_transfer(
    entry: RosterEntry,
    *,
    by: Any,
    station: Organization,
    on: dt.date,
    reason: str,
    post: str = "",
    crew: str = "",
    expected_version: int | None = None,
) -> RosterEntry:
    """调动: the person moves to ``station`` on ``on``; the current posting is closed, a new one opened (the
    history of postings is kept), and the move is a row of the person's timeline."""
    reason = _text(reason, field="reason", message=_("请填写调动原因。"))
    current = workflow.lock(
        entry, by=by, allowed=[DutyStatus.ON_DUTY, DutyStatus.TRAINING, DutyStatus.LEAVE], verb=_("调动"),
        expected_version=expected_version, action="transfer", noun=_("指战员"),
    )  # fmt: skip
    if station.kind not in FIRE_SERVICE_KINDS:
        raise DomainError(_("调入单位须为消防救援队伍（支队、大队、站）。"), field="station")
    if station.pk == current.station_id:
        raise DomainError(_("调入单位与现所在单位相同。"), field="station")
    if on <= current.posted_on:
        raise DomainError(_("调动日期须晚于现岗位到岗日期（%(d)s）。") % {"d": current.posted_on}, field="on")
    previous = _open_posting(current)
    previous.ended_on = on
    previous.save(update_fields=["ended_on"])
    old_station = current.station
    current.station, current.posted_on = station, on
    current.post = (post or "").strip() or current.post
    current.crew = (crew or "").strip()
    Posting.objects.create(
        entry=current, station=station, post=current.post, crew=current.crew, started_on=on, reason=reason
    )
    workflow.advance(
        current, by=by, reason=reason, data={"on": on, "from": old_station.name, "to": station.name}
    )
    ensure_in_scope(current, by=by, action="transfer")
    return current


def roster_reveal(entry: RosterEntry, *, by: Any, reason: str) -> dict[str, str]:
    """The full phone and ID number, only for the political office and the person's own chain of command
    (rules/personal-records.yaml), with a reason; the reveal is audited on the person."""
    reason = (reason or "").strip()
    if len(reason) < 4:
        raise DomainError(_("请填写查看完整个人信息的事由（至少 4 个字）。"), field="reason")
    ensure_in_scope(entry, by=by, action="reveal")
    if by is not None and not in_chain_of_command(by, entry.station):
        audit.record(audit.AuditAction.DENIED, by=by, obj=entry.person, reason=reason)
        raise PermissionDeniedError(_("只有政治处和本人所在站、大队、支队可以查看完整个人信息。"))
    person = entry.person
    audit.record(
        audit.AuditAction.REVEAL, by=by, obj=person, reason=reason, changes={"fields": ["phone", "id_number"]}
    )
    return {"phone": person.phone, "id_number": person.id_number}


# -------------------------------------------------------------------------------------------- rotations
@transaction.atomic
def rotation_nominate(*, by: Any, entry: RosterEntry, reason: str) -> Rotation:
    """A station nominates one of its officers for a rotation at detachment HQ, with the reason."""
    if by is not None and not has_action(by, Rotation, "add"):
        raise PermissionDeniedError(_("您没有推荐驻训人员的权限。"))
    reason = _text(reason, field="reason", message=_("请填写推荐理由。"))
    if entry.status == DutyStatus.TRANSFERRED:
        raise DomainError(_("%(name)s 已调离，不能推荐。") % {"name": entry.person.name}, field="entry")
    open_statuses = [RotationStatus.NOMINATED, RotationStatus.APPROVED]
    if Rotation.objects.filter(entry=entry, status__in=open_statuses).exists():
        raise DomainError(
            _("%(name)s 已有待审批或进行中的驻训。") % {"name": entry.person.name}, field="entry"
        )
    rotation = Rotation.objects.create(
        entry=entry, station=entry.station, reason=reason, created_by=_actor(by), updated_by=_actor(by)
    )
    ensure_in_scope(rotation, by=by, action="add")
    audit.record(
        audit.AuditAction.CREATE, by=by, obj=rotation, changes=audit.diff({}, audit.snapshot(rotation))
    )
    workflow.begin(rotation, by=by, reason=reason)
    return rotation


def _lock_rotation(rotation: Rotation, *, by: Any, move: str, verb: str, action: str, version: int | None):
    allowed, _to = ROTATION_MOVES[move]
    return workflow.lock(rotation, by=by, allowed=allowed, verb=verb, expected_version=version, action=action)


@transaction.atomic
def rotation_approve(
    rotation: Rotation,
    *,
    by: Any,
    hq_office: Organization,
    starts_on: dt.date,
    ends_on: dt.date,
    note: str = "",
    expected_version: int | None = None,
) -> Rotation:
    """The detachment approves: the officer serves at ``hq_office`` (司令部) from ``starts_on`` to ``ends_on``."""
    current = _lock_rotation(
        rotation, by=by, move="approve", verb=_("批准"), action="decide", version=expected_version
    )
    if hq_office.kind not in HQ_KINDS:
        raise DomainError(_("驻训单位须为支队机关（如司令部）。"), field="hq_office")
    if ends_on <= starts_on:
        raise DomainError(_("驻训结束日期须晚于开始日期。"), field="ends_on")
    current.hq_office, current.starts_on, current.ends_on = hq_office, starts_on, ends_on
    current.decision_note = (note or "").strip()
    return workflow.advance(
        current, by=by, to=ROTATION_MOVES["approve"][1], reason=current.decision_note,
        data={"starts_on": starts_on, "ends_on": ends_on, "hq_office": hq_office.name},
    )  # fmt: skip


@transaction.atomic
def rotation_refuse(
    rotation: Rotation, *, by: Any, note: str, expected_version: int | None = None
) -> Rotation:
    """The detachment refuses the nomination, saying why."""
    note = _text(note, field="note", message=_("请填写不予批准的理由。"))
    current = _lock_rotation(
        rotation, by=by, move="refuse", verb=_("不予批准"), action="decide", version=expected_version
    )
    current.decision_note = note
    return workflow.advance(current, by=by, to=ROTATION_MOVES["refuse"][1], reason=note)


@transaction.atomic
def rotation_evaluate(
    rotation: Rotation, *, by: Any, rating: str, comment: str, expected_version: int | None = None
) -> Rotation:
    """At the period's end the detachment evaluates the rotation: a rating (优秀…不合格) and a comment."""
    if rating not in RotationRating.values:
        raise DomainError(_("请选择考评等次。"), field="rating")
    comment = _text(comment, field="comment", message=_("请填写考评评语。"))
    current = _lock_rotation(
        rotation, by=by, move="evaluate", verb=_("考评"), action="evaluate", version=expected_version
    )
    if timezone.localdate() < current.ends_on:
        raise DomainError(
            _("驻训期至 %(d)s 结束，期满后才能考评。") % {"d": current.ends_on.isoformat()}, field="rating"
        )
    current.rating, current.evaluation = rating, comment
    return workflow.advance(
        current, by=by, to=ROTATION_MOVES["evaluate"][1], reason=comment, data={"rating": rating}
    )
