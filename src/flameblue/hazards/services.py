"""The hazard lifecycle (隐患整改闭环): one guarded service per transition.

found (→ verified by the fire agency, for hazards others reported: 《消防监督检查规定》第十九条) → confirmed (grade, deadline, responsible party, a 责令限期改正通知书) → rectifying → completion reported
(with evidence photos) → re-inspected: passed → closed, failed → rectifying with a new deadline; also
withdrawn (with a reason), dismissed (a tip found unfounded), and fixed on the spot (当场改正, closed at once).

Every service locks the hazard row (``select_for_update``) and checks the version the user saw and the
current status, so when two officers act at once exactly one move happens and the other gets a message
naming who did what when. Each move writes a :class:`HazardTransition` row and an audit event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from flameblue.core import audit, workflow
from flameblue.core.errors import DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.scoping import has_action
from flameblue.core.services import ensure_in_scope
from flameblue.core.uploads import store_upload
from flameblue.hazards import deadlines, notifications, order120, procedure
from flameblue.hazards.choices import OPEN_STATUSES, HazardGrade, HazardSource, HazardStatus, NoticeStatus
from flameblue.hazards.models import Hazard, HazardTransition, Notice
from flameblue.hazards.notices import (
    notice_attach,
    notice_close_if_done,
    notice_current,
    notice_issue,
    notice_serve,
)
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization
from flameblue.units.models import Unit

__all__ = [
    "TRANSITION_ACTIONS",
    "IllegalTransition",
    "brigade_for",
    "hazard_confirm",
    "hazard_dismiss",
    "hazard_fix_on_spot",
    "hazard_hand_over",
    "hazard_recheck",
    "hazard_report",
    "hazard_report_completion",
    "hazard_start",
    "hazard_verify",
    "hazard_withdraw",
]

S = HazardStatus

#: transition code → (role action it needs, statuses it may start from)
TRANSITION_ACTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "fix_on_spot": ("add", (S.FOUND,)),
    "verify": ("confirm", (S.FOUND,)),
    "hand_over": ("hand_over", (S.FOUND,)),
    "confirm": ("confirm", (S.FOUND,)),
    "start": ("confirm", (S.CONFIRMED,)),
    "report_completion": ("report_completion", (S.RECTIFYING,)),
    "recheck": ("recheck", (S.RECTIFYING, S.COMPLETION_REPORTED)),
    "withdraw": ("withdraw", tuple(OPEN_STATUSES)),
    # Dismissing an unfounded tip removes it from the open list just as a withdrawal does.
    "dismiss": ("withdraw", (S.FOUND,)),
}

VERBS = {
    "fix_on_spot": gettext_lazy("登记当场改正"),
    "verify": gettext_lazy("核实"),
    "hand_over": gettext_lazy("移交消防救援机构"),
    "confirm": gettext_lazy("确认"),
    "start": gettext_lazy("开始整改"),
    "report_completion": gettext_lazy("报告整改完成"),
    "recheck": gettext_lazy("复查"),
    "withdraw": gettext_lazy("撤销"),
    "dismiss": gettext_lazy("作为不属实举报驳回"),
}


#: The hazard's current status does not allow this move (the kernel's error, named here for callers).
IllegalTransition = workflow.IllegalTransition


def brigade_for(unit: Unit) -> Organization | None:
    """The brigade whose region is the unit's county; the detachment of the city when the county has none."""
    county, city = unit.region_id[:6], unit.region_id[:4]
    brigade = Organization.objects.filter(kind=OrgKind.BRIGADE, region_id=county).order_by("pk").first()
    if brigade is None:
        brigade = Organization.objects.filter(kind=OrgKind.DETACHMENT, region_id=city).order_by("pk").first()
    return brigade


def _actor(by: Any):
    return by if getattr(by, "pk", None) else None


def _lock(hazard: Hazard, *, by: Any, move: str, expected_version: int | None) -> Hazard:
    """Lock the row and apply the guards: permission and scope, the version the user saw, the status."""
    action, allowed = TRANSITION_ACTIONS[move]
    return workflow.lock(
        hazard, by=by, action=action, allowed=allowed, verb=VERBS[move], expected_version=expected_version,
        noun=_("隐患"),
    )  # fmt: skip


def _plain(data: dict[str, Any]) -> dict[str, Any]:
    return {
        k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in data.items() if v not in (None, "")
    }


def _move(
    hazard: Hazard,
    *,
    to: str | None,
    by: Any,
    reason: str = "",
    data: dict[str, Any] | None = None,
    at: dt.datetime | None = None,
) -> None:
    """Save the hazard in its new status and append the transition row and the audit event. ``at`` dates a
    move recorded after the fact (historical data); by default the move happens now."""
    workflow.advance(hazard, to=to, by=by, reason=reason, data=data, at=at)


def _store_photos(
    hazard: Hazard, photos: Sequence[Any], *, by: Any, purpose: str, required: bool
) -> list[int]:
    if required and not photos:
        raise ValidationError({"photos": [_("请上传至少一张照片作为佐证。")]})
    stored = []
    for photo in photos:
        try:
            stored.append(store_upload(photo, owner=hazard, by=by, purpose=purpose).pk)
        except ValidationError as exc:
            raise ValidationError({"photos": exc.messages}) from exc
    return stored


def _required_text(value: str, *, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(message, field=field)
    return value


@transaction.atomic
def hazard_report(
    *,
    by: Any,
    unit: Unit,
    description: str,
    source: str,
    location: str = "",
    grade: str = HazardGrade.GENERAL,
    checklist_item: Any = None,
    gb35181_element: str = "",
    tip: Any = None,
    source_ref: str = "",
    found_at: dt.datetime | None = None,
    photos: Sequence[Any] = (),
    found_by: Any = None,
    at: dt.datetime | None = None,
) -> Hazard:
    """Record a hazard found in ``unit`` (by an inspection, a grid patrol, a department check, a tip …).

    ``by`` is whose authority records it (scope and permission are checked for them; ``None`` for a trusted
    caller such as the inspection submission service); ``found_by`` names who found it when that is someone
    else — a unit manager's self-inspection is recorded on the inspection's authority but found by them.
    ``at`` dates a hazard recorded after the fact (historical data); by default it is recorded now."""
    if by is not None and not has_action(by, Hazard, "add"):
        raise PermissionDeniedError(_("您没有登记隐患的权限。"))
    if by is not None and not Unit.objects.visible_to(by, "view").filter(pk=unit.pk).exists():
        raise OutOfScope(_("该单位不在您的管辖范围内。"))
    description = _required_text(description, field="description", message=_("请填写隐患描述。"))
    if source not in HazardSource.values:
        raise DomainError(_("请选择隐患来源。"), field="source")
    if grade not in HazardGrade.values:
        raise DomainError(_("请选择隐患等级。"), field="grade")
    actor = _actor(by)
    at = at or timezone.now()
    hazard = Hazard(
        unit=unit, region_id=unit.region_id, industry_id=unit.industry_id, brigade=brigade_for(unit),
        location=(location or "").strip(), description=description, source=source, grade=grade,
        checklist_item=checklist_item, gb35181_element=(gb35181_element or "").strip(), tip=tip,
        source_ref=(source_ref or "").strip(), found_at=found_at or at, found_by=_actor(found_by) or actor,
        created_by=actor, updated_by=actor, created_at=at, updated_at=at,
    )  # fmt: skip
    if not order120.needs_verification(source):
        hazard.notice_due = order120.clock_due("notice", timezone.localdate(hazard.found_at)).date
    hazard.full_clean()
    hazard.save()
    ensure_in_scope(hazard, by=by, action="add")
    if grade == HazardGrade.MAJOR:
        procedure.procedure_open(hazard, by=by, at=at)
    photo_ids = _store_photos(hazard, photos, by=by, purpose="before", required=False)
    HazardTransition.objects.create(
        hazard=hazard,
        from_status="",
        to_status=S.FOUND,
        at=at,
        by=_actor(found_by) or actor,
        data=_plain({"source": source, "photos": photo_ids}),
    )
    audit.record(audit.AuditAction.CREATE, by=by, obj=hazard, changes=audit.diff({}, audit.snapshot(hazard)))
    return hazard


@transaction.atomic
def hazard_fix_on_spot(
    *,
    hazard: Hazard,
    by: Any,
    photos: Sequence[Any],
    note: str = "",
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> Hazard:
    """当场改正: the hazard was corrected while the officer was there; closed at once, with a photo."""
    hazard = _lock(hazard, by=by, move="fix_on_spot", expected_version=expected_version)
    photo_ids = _store_photos(hazard, photos, by=by, purpose="after", required=True)
    hazard.corrected_on_spot = True
    hazard.closed_at = at or timezone.now()
    _move(
        hazard, to=S.CLOSED, by=by, reason=(note or "").strip() or _("当场改正"), data={"photos": photo_ids},
        at=hazard.closed_at,
    )  # fmt: skip
    return hazard


def _responsible_person(person: Any, hazard: Hazard) -> Any:
    if person is not None and person.organization_id != hazard.unit.organization_id:
        raise DomainError(_("整改责任人须为该单位的人员。"), field="responsible_person")
    return person


@transaction.atomic
def hazard_verify(
    *,
    hazard: Hazard,
    by: Any,
    note: str = "",
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> Hazard:
    """核实: the fire agency has checked a hazard reported by a township grid, a department, a unit's own
    inspection or a police station; the 第十九条 clock for the notice runs from today."""
    hazard = _lock(hazard, by=by, move="verify", expected_version=expected_version)
    if not order120.needs_verification(hazard.source):
        raise IllegalTransition(_("该隐患由消防救援机构检查发现，无需另行核实。"))
    if hazard.verified_at is not None:
        raise IllegalTransition(
            _("该隐患已于 %(at)s 核实。")
            % {"at": timezone.localtime(hazard.verified_at).strftime("%Y-%m-%d %H:%M")}
        )
    at = at or timezone.now()
    hazard.verified_at, hazard.verified_by = at, _actor(by)
    due = order120.clock_due("notice", timezone.localdate(at))
    hazard.notice_due = due.date
    _move(hazard, to=None, by=by, reason=(note or "").strip() or _("消防救援机构已核实"), at=at, data={
        "verified": True, "notice_due": due.date, "basis": order120.rules()["verification"]["basis"],
    })  # fmt: skip
    return hazard


@transaction.atomic
def hazard_hand_over(
    *,
    hazard: Hazard,
    by: Any,
    reason: str,
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> Hazard:
    """移交: a police station hands a case from its daily check to the brigade in writing (应由消防救援机构
    处理的, e.g. a building used without fire acceptance), within the working days of ``order120.yaml``
    (``police_handover``) after the check; the timeline records whether it was in time."""
    hazard = _lock(hazard, by=by, move="hand_over", expected_version=expected_version)
    if hazard.source != HazardSource.POLICE_STATION:
        raise IllegalTransition(_("只有公安派出所日常检查发现的隐患需要移交消防救援机构。"))
    if hazard.handed_over_at is not None:
        raise IllegalTransition(_("该隐患已移交消防救援机构。"))
    reason = _required_text(reason, field="reason", message=_("请填写移交事由。"))
    at = at or timezone.now()
    due = order120.police_handover_due(timezone.localdate(hazard.found_at))
    hazard.handed_over_at = at
    _move(hazard, to=None, by=by, reason=reason, at=at, data={
        "handed_over": True, "handover_due": due.date, "late": timezone.localdate(at) > due.date,
        "basis": order120.rules()["police_handover"]["basis"],
    })  # fmt: skip
    notifications.handed_over(hazard)
    return hazard


def _inspection_of(hazard: Hazard) -> Any:
    """The fire agency's supervision inspection (监督检查、抽查) that found the hazard, if any."""
    finding = getattr(hazard, "finding", None) if hazard.pk else None
    if finding is None:
        return None
    inspection = finding.inspection
    return inspection if order120.min_inspectors(inspection.kind) > 1 else None


def _notice_for(hazard: Hazard, *, notice: Notice | None, deadline: dt.date, by: Any, at: dt.datetime):
    """The notice the confirmed hazard goes on (第十九条: one per supervision inspection, never changed once
    served): ``notice`` if chosen; else the inspection's notice while it is unserved; else a new notice,
    amending the inspection's served one."""
    if notice is not None:
        if by is not None and not Notice.objects.visible_to(by, "view").filter(pk=notice.pk).exists():
            raise DomainError(_("所选通知书不存在或不在您的管辖范围内。"), field="notice")
        return notice_attach(notice=notice, unit=hazard.unit, deadline=deadline), False
    inspection = _inspection_of(hazard)
    current = notice_current(inspection) if inspection is not None else None
    if current is not None and current.served_at is None and current.status == NoticeStatus.OPEN:
        return notice_attach(notice=current, unit=hazard.unit, deadline=deadline), False
    issued = notice_issue(
        unit=hazard.unit, brigade=hazard.brigade, deadline=deadline, by=by, issued_at=at,
        inspection=inspection, amends=current,
    )  # fmt: skip
    return issued, True


@transaction.atomic
def hazard_confirm(
    *,
    hazard: Hazard,
    by: Any,
    grade: str,
    responsible_party: str,
    deadline_amount: int | None = None,
    deadline_unit: str | None = None,
    responsible_person: Any = None,
    interim_measures: str = "",
    rectification_measures: str = "",
    notice: Notice | None = None,
    start: bool = False,
    expected_version: int | None = None,
    today: dt.date | None = None,
    at: dt.datetime | None = None,
) -> Hazard:
    """Confirm the hazard: grade, deadline (the grade's default unless given), responsible party, interim
    measures; put it on a notice — a new one, or ``notice`` (the unit's open notice). With ``start`` the
    notice is served and rectification begins in the same step (both moves stay in the timeline)."""
    hazard = _lock(hazard, by=by, move="confirm", expected_version=expected_version)
    if order120.needs_verification(hazard.source) and hazard.verified_at is None:
        raise IllegalTransition(
            _("该隐患来源为“%(source)s”，须先由消防救援机构核实，才能确认并签发整改通知书。")
            % {"source": hazard.get_source_display()}
        )
    if grade not in HazardGrade.values:
        raise DomainError(_("请选择隐患等级。"), field="grade")
    party = _required_text(responsible_party, field="responsible_party", message=_("请填写整改责任方。"))
    at = at or timezone.now()
    today = today or timezone.localdate(at)
    deadline, period = deadlines.rectification_deadline(
        today, grade=grade, amount=deadline_amount, unit=deadline_unit
    )
    recheck = deadlines.recheck_due(deadline.date)
    notice, notice_new = _notice_for(hazard, notice=notice, deadline=deadline.date, by=by, at=at)
    hazard.grade = grade
    hazard.responsible_party = party
    hazard.responsible_person = _responsible_person(responsible_person, hazard)
    hazard.interim_measures = (interim_measures or "").strip()
    hazard.rectification_measures = (rectification_measures or "").strip()
    hazard.deadline, hazard.deadline_unit, hazard.recheck_due = deadline.date, period.unit, recheck.date
    hazard.notice = notice
    hazard.confirmed_at = at
    _move(hazard, to=S.CONFIRMED, by=by, at=at, data={
        "grade": grade, "deadline": deadline.date, "deadline_amount": period.amount, "deadline_unit": period.unit,
        "recheck_due": recheck.date, "notice": notice.number, "notice_new": notice_new,
        "rules_version": deadlines.policy().version, "warning": deadline.warning or recheck.warning,
    })  # fmt: skip
    hazard.deadline_warning = deadline.warning or recheck.warning
    if grade == HazardGrade.MAJOR:
        procedure.procedure_open(hazard, by=by, at=at)
    if start:
        hazard.notice = notice_serve(notice, by=by, at=at)
        _move(hazard, to=S.RECTIFYING, by=by, reason=_("送达整改通知书，开始整改"), at=at)
    notifications.notice_issued(hazard)
    return hazard


@transaction.atomic
def hazard_start(
    *,
    hazard: Hazard,
    by: Any,
    note: str = "",
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> Hazard:
    """The notice has been served: rectification begins."""
    hazard = _lock(hazard, by=by, move="start", expected_version=expected_version)
    if hazard.notice_id:
        hazard.notice = notice_serve(hazard.notice, by=by, at=at)
    _move(hazard, to=S.RECTIFYING, by=by, reason=(note or "").strip() or _("送达整改通知书，开始整改"), at=at)
    return hazard


@transaction.atomic
def hazard_report_completion(
    *,
    hazard: Hazard,
    by: Any,
    photos: Sequence[Any],
    note: str = "",
    expected_version: int | None = None,
    today: dt.date | None = None,
    at: dt.datetime | None = None,
) -> Hazard:
    """The unit reports the hazard corrected, with "after" photos; re-inspection falls due."""
    hazard = _lock(hazard, by=by, move="report_completion", expected_version=expected_version)
    photo_ids = _store_photos(hazard, photos, by=by, purpose="after", required=True)
    at = at or timezone.now()
    recheck = deadlines.recheck_due(today or timezone.localdate(at))
    hazard.completion_reported_at = at
    hazard.recheck_due = recheck.date
    _move(hazard, to=S.COMPLETION_REPORTED, by=by, reason=(note or "").strip(), at=at, data={
        "photos": photo_ids, "recheck_due": recheck.date, "warning": recheck.warning,
    })  # fmt: skip
    notifications.completion_reported(hazard)
    return hazard


@transaction.atomic
def hazard_recheck(
    *,
    hazard: Hazard,
    by: Any,
    passed: bool,
    note: str = "",
    deadline_amount: int | None = None,
    deadline_unit: str | None = None,
    photos: Sequence[Any] = (),
    expected_version: int | None = None,
    today: dt.date | None = None,
    at: dt.datetime | None = None,
) -> Hazard:
    """Re-inspection: passed closes the hazard (and its notice once all its hazards are done); failed sends
    it back to rectifying with a new deadline, the failure and its findings recorded."""
    hazard = _lock(hazard, by=by, move="recheck", expected_version=expected_version)
    photo_ids = _store_photos(hazard, photos, by=by, purpose="recheck", required=False)
    at = at or timezone.now()
    if passed:
        hazard.closed_at = at
        _move(hazard, to=S.CLOSED, by=by, reason=(note or "").strip() or _("复查合格"), at=at,
              data={"result": "passed", "photos": photo_ids})  # fmt: skip
        notice_close_if_done(hazard.notice_id, by=by, at=at)
        return hazard
    note = _required_text(note, field="note", message=_("复查不合格时请写明存在的问题。"))
    deadline, period = deadlines.rectification_deadline(
        today or timezone.localdate(at), grade=hazard.grade, amount=deadline_amount, unit=deadline_unit
    )
    recheck = deadlines.recheck_due(deadline.date)
    old = None
    if hazard.notice_id and hazard.notice.served_at is not None:
        # A served notice is never changed: the new deadline goes on a new notice that amends it.
        old = hazard.notice
        hazard.notice = notice_issue(
            unit=hazard.unit, brigade=hazard.brigade, deadline=deadline.date, by=by, issued_at=at,
            amends=old,
        )  # fmt: skip
        hazard.notice = notice_serve(hazard.notice, by=by, at=at)
    elif hazard.notice_id:
        notice_attach(notice=hazard.notice, unit=hazard.unit, deadline=deadline.date)
    hazard.failed_rechecks += 1
    hazard.deadline, hazard.deadline_unit, hazard.recheck_due = deadline.date, period.unit, recheck.date
    _move(hazard, to=S.RECTIFYING, by=by, reason=note, at=at, data={
        "result": "failed", "failed_rechecks": hazard.failed_rechecks, "deadline": deadline.date,
        "deadline_amount": period.amount, "deadline_unit": period.unit, "recheck_due": recheck.date,
        "photos": photo_ids, "warning": deadline.warning or recheck.warning,
        "notice": hazard.notice.number if hazard.notice_id else None,
    })  # fmt: skip
    if old is not None:
        notice_close_if_done(old.pk, by=by, at=at)
    hazard.deadline_warning = deadline.warning or recheck.warning
    return hazard


@transaction.atomic
def hazard_withdraw(
    *,
    hazard: Hazard,
    by: Any,
    reason: str,
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> Hazard:
    """Withdraw a hazard recorded in error or no longer applicable, with the reason."""
    hazard = _lock(hazard, by=by, move="withdraw", expected_version=expected_version)
    reason = _required_text(reason, field="reason", message=_("请填写撤销理由。"))
    _move(hazard, to=S.WITHDRAWN, by=by, reason=reason, at=at)
    notice_close_if_done(hazard.notice_id, by=by, at=at)
    return hazard


@transaction.atomic
def hazard_dismiss(
    *,
    hazard: Hazard,
    by: Any,
    reason: str,
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> Hazard:
    """A hazard from a public tip that checking found unfounded (举报不属实), with the reason."""
    hazard = _lock(hazard, by=by, move="dismiss", expected_version=expected_version)
    if hazard.source != HazardSource.PUBLIC_TIP and hazard.tip_id is None:
        raise IllegalTransition(_("只有来源为群众举报的隐患才能以“举报不属实”驳回，其他情形请撤销。"))
    reason = _required_text(reason, field="reason", message=_("请填写不属实的理由。"))
    _move(hazard, to=S.DISMISSED, by=by, reason=reason, at=at)
    return hazard
