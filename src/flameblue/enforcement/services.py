"""Writes of the enforcement procedures (公安部令第120号): propose, decide (集体研究), serve, execute, lift a
temporary sealing; apply, accept, check and decide a pre-opening check of a public gathering place (告知承诺 or
the standard path); apply, accept, check and decide a large public event's check.

Keyword-only and atomic; ``by=None`` is a trusted caller (the demo seed). Every move goes through the workflow
kernel (lock, version, status guard, transition row, audit). Each move sets ``due_on`` to the deadline of the
statutory clock that starts with it (``rules/procedures.yaml``, in working days from the calendar) and records
a step done after its deadline in ``late_steps``; refusals are DomainErrors naming the field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import audit, workflow
from flameblue.core.errors import DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.scoping import has_action
from flameblue.enforcement.choices import (
    CheckPath,
    CheckResult,
    EventCheckStatus,
    PreOpeningStatus,
    SealingClock,
    SealingStatus,
)
from flameblue.enforcement.models import DocumentCounter, EventCheck, PreOpeningCheck, Sealing, SealingReview
from flameblue.enforcement.policy import clock_due, grounds, rules
from flameblue.hazards.models import Hazard
from flameblue.hazards.services import brigade_for
from flameblue.inspections.models import Inspection
from flameblue.org.models import Organization
from flameblue.units.models import Unit

__all__ = [
    "event_accept",
    "event_apply",
    "event_decide",
    "preopening_accept",
    "preopening_apply",
    "preopening_decide",
    "sealing_check_lift",
    "sealing_decide",
    "sealing_execute",
    "sealing_lift",
    "sealing_propose",
    "sealing_request_lift",
    "sealing_serve",
]

S, P, E = SealingStatus, PreOpeningStatus, EventCheckStatus


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


def _agency(unit: Unit) -> Organization:
    agency = brigade_for(unit)
    if agency is None:
        raise DomainError(_("单位所在县（区）没有消防救援机构，无法办理。"), field="unit")
    return agency


def next_number(agency: Organization, kind: str, on: dt.date) -> str:
    """The next document number of ``kind`` for ``agency`` in ``on``'s year, under a row lock held until the
    issuing transaction ends (no gaps, no duplicates)."""
    numbering = rules()["numbering"]
    try:
        from flameblue.hazards.notices import notice_prefix

        prefix = notice_prefix(agency)
    except DomainError:
        prefix = numbering["default_prefix"]
    counter = (
        DocumentCounter.objects.select_for_update().filter(agency=agency, kind=kind, year=on.year).first()
    )
    if counter is None:
        try:
            with transaction.atomic():
                DocumentCounter.objects.create(agency=agency, kind=kind, year=on.year)
        except IntegrityError:
            pass
        counter = DocumentCounter.objects.select_for_update().get(agency=agency, kind=kind, year=on.year)
    counter.last_serial += 1
    counter.save(update_fields=["last_serial"])
    return numbering["formats"][kind].format(prefix=prefix, year=on.year, serial=counter.last_serial)


def _created(obj: Any, by: Any, model: type, noun: str) -> None:
    if by is not None and not model.objects.visible_to(by, "add").filter(pk=obj.pk).exists():
        raise OutOfScope(_("该%(noun)s不在您的管辖范围内。") % {"noun": noun})
    audit.record(audit.AuditAction.CREATE, by=by, obj=obj, changes=audit.snapshot(obj))
    workflow.begin(obj, by=by)


def _late(obj: Any, step: str, done_on: dt.date) -> None:
    """Record ``step`` as late when it was done after the running deadline."""
    if obj.due_on is not None and done_on > obj.due_on and step not in obj.late_steps:
        obj.late_steps = [*obj.late_steps, step]


def _not_future(day: dt.date, field: str, today: dt.date | None = None) -> None:
    if day > (today or timezone.localdate()):
        raise DomainError(_("日期不能晚于今天。"), field=field)


def _not_before(day: dt.date, earlier: dt.date | None, field: str, label: str) -> None:
    if earlier is not None and day < earlier:
        raise DomainError(
            _("日期不能早于%(label)s（%(date)s）。") % {"label": label, "date": earlier.isoformat()},
            field=field,
        )


# ------------------------------------------------------------------------------------- 临时查封


def _sealing_source(by: Any, hazard: Hazard | None, inspection: Inspection | None) -> tuple[Unit, dt.date]:
    if hazard is None and inspection is None:
        raise DomainError(_("请选择据以提出查封的隐患或检查记录。"), field="hazard")
    if hazard is not None and inspection is not None and hazard.unit_id != inspection.unit_id:
        raise DomainError(_("隐患与检查记录不是同一单位。"), field="inspection")
    for source, model in ((hazard, Hazard), (inspection, Inspection)):
        visible = (
            source is None or by is None or model.objects.visible_to(by, "view").filter(pk=source.pk).exists()
        )
        if not visible:
            raise OutOfScope(_("所选隐患或检查记录不在您的管辖范围内。"))
    if inspection is not None:
        return inspection.unit, inspection.inspected_on
    return hazard.unit, timezone.localtime(hazard.created_at).date()


@transaction.atomic
def sealing_propose(
    *,
    by: Any,
    ground: str,
    premises: str,
    facts: str,
    hazard: Hazard | None = None,
    inspection: Inspection | None = None,
    inspected_on: dt.date | None = None,
    method: str = "",
    period_days: int = 30,
    sealed_on_spot: bool = False,
) -> Sealing:
    """提出临时查封 from a hazard or an inspection in the proposer's jurisdiction. The decide-and-serve clock
    starts on the inspection day: 3 working days, or the next day when sealed on the spot in an emergency."""
    if by is not None and not has_action(by, Sealing, "add"):
        raise PermissionDeniedError(_("您没有提出临时查封的权限。"))
    unit, source_day = _sealing_source(by, hazard, inspection)
    inspected_on = inspected_on or source_day
    _not_future(inspected_on, "inspected_on")
    if ground not in dict(grounds()):
        raise DomainError(_("请选择《消防监督检查规定》第二十二条规定的查封情形。"), field="ground")
    if not (premises or "").strip():
        raise DomainError(_("请填写查封的危险部位或场所。"), field="premises")
    if not (facts or "").strip():
        raise DomainError(_("请填写违法事实。"), field="facts")
    limit = int(rules()["sealing"]["max_period"]["days"])
    if not 1 <= period_days <= limit:
        raise DomainError(
            _("查封期限应为 1 至 %(n)d 日（不得超过一个月）。") % {"n": limit}, field="period_days"
        )
    clock = "urgent_decide_serve" if sealed_on_spot else "decide_serve"
    actor = _actor(by)
    sealing = Sealing.objects.create(
        unit=unit, region_id=unit.region_id, industry_id=unit.industry_id, agency=_agency(unit), hazard=hazard,
        inspection=inspection, inspected_on=inspected_on, ground=ground, premises=premises.strip(),
        facts=facts.strip(), method=(method or "").strip(), period_days=period_days, sealed_on_spot=sealed_on_spot,
        clock=SealingClock.DECIDE_SERVE, due_on=clock_due("sealing", clock, inspected_on).date,
        executed_on=inspected_on if sealed_on_spot else None, created_by=actor, updated_by=actor,
    )  # fmt: skip
    _created(sealing, by, Sealing, _("临时查封"))
    return sealing


def _leader_check(by: Any, sealing: Sealing) -> None:
    """Only a leader of the fire agency decides (the role that grants ``decide``, held in a fire agency)."""
    if by is None:
        return
    if not Sealing.objects.visible_to(by, "view").filter(pk=sealing.pk).exists():
        raise OutOfScope(_("该临时查封不在您的管辖范围内。"))
    if not Sealing.objects.visible_to(by, "decide").filter(pk=sealing.pk).exists():
        raise PermissionDeniedError(_("临时查封须由消防救援机构负责人组织集体研究决定。"))


@transaction.atomic
def sealing_decide(
    sealing: Sealing,
    *,
    by: Any,
    seal: bool,
    participants: Sequence[str],
    opinion: str,
    held_on: dt.date,
    expected_version: int | None = None,
) -> Sealing:
    """集体研究决定: the leader who chairs it records who took part, the decision and the opinion. Deciding to
    seal issues the decision's number; deciding not to ends the case (a seal made on the spot is removed)."""
    _leader_check(by, sealing)
    current = workflow.lock(
        sealing,
        by=by,
        action=None,
        allowed=(S.PROPOSED,),
        verb=_("作出决定"),
        expected_version=expected_version,
    )
    names = [n.strip() for n in participants if n and n.strip()]
    names = list(dict.fromkeys(names))
    minimum = int(rules()["sealing"]["review"]["min_participants"])
    if len(names) < minimum:
        raise DomainError(_("集体研究至少应有 %(n)d 人参加。") % {"n": minimum}, field="participants")
    if not (opinion or "").strip():
        raise DomainError(_("请填写研究意见。"), field="opinion")
    _not_future(held_on, "held_on")
    _not_before(held_on, current.inspected_on, "held_on", _("检查日期"))
    SealingReview.objects.create(
        sealing=current, chaired_by=_actor(by), participants=names,
        held_on=held_on, seal=seal, opinion=opinion.strip(),
    )  # fmt: skip
    current.decided_on = held_on
    if seal:
        current.decision_number = next_number(current.agency, "sealing", held_on)
        to = S.DECIDED
    else:
        current.clock, current.due_on = "", None
        to = S.REJECTED
    return workflow.advance(
        current, by=by, to=to, reason=opinion.strip(), data={"participants": names, "seal": seal}
    )


@transaction.atomic
def sealing_serve(
    sealing: Sealing, *, by: Any, served_on: dt.date, expected_version: int | None = None
) -> Sealing:
    """送达临时查封决定书; after the statutory time it is recorded as late. A seal already made on the spot is
    then in force; otherwise the execution clock starts."""
    current = workflow.lock(
        sealing, by=by, allowed=(S.DECIDED,), verb=_("送达决定书"), expected_version=expected_version
    )
    _not_future(served_on, "served_on")
    _not_before(served_on, current.decided_on, "served_on", _("决定日期"))
    _late(current, SealingClock.DECIDE_SERVE, served_on)
    current.served_on = served_on
    if current.sealed_on_spot:
        current.ends_on = current.executed_on + dt.timedelta(days=current.period_days)
        current.clock, current.due_on, to = "", None, S.SEALED
    else:
        current.clock = SealingClock.EXECUTE
        current.due_on = clock_due("sealing", "execute", served_on).date
        to = S.SERVED
    return workflow.advance(current, by=by, to=to, data={"served_on": served_on})


@transaction.atomic
def sealing_execute(
    sealing: Sealing, *, by: Any, executed_on: dt.date, expected_version: int | None = None
) -> Sealing:
    """实施查封: the decision posted at the place and seals affixed; the sealing period runs from this day."""
    current = workflow.lock(
        sealing, by=by, allowed=(S.SERVED,), verb=_("实施查封"), expected_version=expected_version
    )
    _not_future(executed_on, "executed_on")
    _not_before(executed_on, current.served_on, "executed_on", _("送达日期"))
    _late(current, SealingClock.EXECUTE, executed_on)
    current.executed_on = executed_on
    current.ends_on = executed_on + dt.timedelta(days=current.period_days)
    current.clock, current.due_on = "", None
    return workflow.advance(current, by=by, to=S.SEALED, data={"executed_on": executed_on})


@transaction.atomic
def sealing_request_lift(
    sealing: Sealing, *, by: Any, requested_on: dt.date, statement: str, expected_version: int | None = None
) -> Sealing:
    """申请解除临时查封 after the hazard is removed (by the unit, or recorded by the agency); the on-site check
    must follow within 3 working days."""
    current = workflow.lock(
        sealing, by=by, action="request_lift", allowed=(S.SEALED,), verb=_("申请解除"),
        expected_version=expected_version,
    )  # fmt: skip
    if not (statement or "").strip():
        raise DomainError(_("请说明火灾隐患的整改情况。"), field="statement")
    _not_future(requested_on, "requested_on")
    _not_before(requested_on, current.executed_on, "requested_on", _("实施查封日期"))
    current.lift_requested_on = requested_on
    current.clock = SealingClock.LIFT_CHECK
    current.due_on = clock_due("sealing", "lift_check", requested_on).date
    return workflow.advance(current, by=by, to=S.LIFT_REQUESTED, reason=statement.strip())


@transaction.atomic
def sealing_check_lift(
    sealing: Sealing, *, by: Any, checked_on: dt.date, passed: bool, notes: str,
    expected_version: int | None = None,
) -> Sealing:  # fmt: skip
    """解封现场检查: a pass starts the 3-working-day clock of the lifting decision; a fail keeps the seal."""
    current = workflow.lock(
        sealing, by=by, allowed=(S.LIFT_REQUESTED,), verb=_("检查"), expected_version=expected_version
    )
    if not (notes or "").strip():
        raise DomainError(_("请填写检查情况。"), field="notes")
    _not_future(checked_on, "checked_on")
    _not_before(checked_on, current.lift_requested_on, "checked_on", _("申请解除日期"))
    _late(current, SealingClock.LIFT_CHECK, checked_on)
    current.lift_checked_on, current.lift_check_notes = checked_on, notes.strip()
    if passed:
        current.clock = SealingClock.LIFT_DECIDE
        current.due_on = clock_due("sealing", "lift_decide", checked_on).date
        to = S.CHECKED
    else:
        current.clock, current.due_on, to = "", None, S.SEALED
    return workflow.advance(current, by=by, to=to, reason=notes.strip(), data={"passed": passed})


@transaction.atomic
def sealing_lift(
    sealing: Sealing, *, by: Any, lifted_on: dt.date, expected_version: int | None = None
) -> Sealing:
    """解除临时查封: the leader decides and the 解除临时查封决定书 gets its number."""
    _leader_check(by, sealing)
    current = workflow.lock(
        sealing,
        by=by,
        action=None,
        allowed=(S.CHECKED,),
        verb=_("解除查封"),
        expected_version=expected_version,
    )
    _not_future(lifted_on, "lifted_on")
    _not_before(lifted_on, current.lift_checked_on, "lifted_on", _("检查日期"))
    _late(current, SealingClock.LIFT_DECIDE, lifted_on)
    current.lifted_on = lifted_on
    current.lift_number = next_number(current.agency, "lifting", lifted_on)
    current.clock, current.due_on = "", None
    return workflow.advance(current, by=by, to=S.LIFTED, data={"lifted_on": lifted_on})


# ------------------------------------------------------------------- 营业前消防安全检查


def _applicant_unit(by: Any, unit: Unit, model: type) -> None:
    if by is not None and not has_action(by, model, "add"):
        raise PermissionDeniedError(_("您没有提交申请的权限。"))
    if by is not None and not Unit.objects.visible_to(by, "view").filter(pk=unit.pk).exists():
        raise OutOfScope(_("所选单位不在您的管辖范围内。"))


@transaction.atomic
def preopening_apply(
    *,
    by: Any,
    unit: Unit,
    place_name: str,
    address: str,
    area_m2: Decimal,
    applicant: str,
    path: str,
    applied_on: dt.date,
    contact_phone: str = "",
) -> PreOpeningCheck:
    """申请 a pre-opening fire-safety check, choosing the 告知承诺 path or the standard path."""
    _applicant_unit(by, unit, PreOpeningCheck)
    if path not in CheckPath.values:
        raise DomainError(_("请选择办理方式（告知承诺或一般程序）。"), field="path")
    for field, value, label in (("place_name", place_name, _("场所名称")), ("address", address, _("场所地址")),
                                ("applicant", applicant, _("申请人"))):  # fmt: skip
        if not (value or "").strip():
            raise DomainError(_("请填写%(label)s。") % {"label": label}, field=field)
    if area_m2 is None or area_m2 <= 0:
        raise DomainError(_("使用面积应大于 0。"), field="area_m2")
    _not_future(applied_on, "applied_on")
    actor = _actor(by)
    check = PreOpeningCheck.objects.create(
        unit=unit, region_id=unit.region_id, industry_id=unit.industry_id, agency=_agency(unit),
        place_name=place_name.strip(), address=address.strip(), area_m2=area_m2, applicant=applicant.strip(),
        contact_phone=(contact_phone or "").strip(), path=path, applied_on=applied_on, created_by=actor,
        updated_by=actor,
    )  # fmt: skip
    _created(check, by, PreOpeningCheck, _("申请"))
    return check


@transaction.atomic
def preopening_accept(
    check: PreOpeningCheck, *, by: Any, accepted_on: dt.date, accept: bool = True, reason: str = "",
    expected_version: int | None = None,
) -> PreOpeningCheck:  # fmt: skip
    """受理 (with the 受理凭证's number) or 不予受理 with the reason. On the 告知承诺 path acceptance is the licence
    and the on-site verification clock starts; on the standard path the 10-working-day check clock starts."""
    current = workflow.lock(
        check, by=by, allowed=(P.APPLIED,), verb=_("受理"), expected_version=expected_version
    )
    _not_future(accepted_on, "accepted_on")
    _not_before(accepted_on, current.applied_on, "accepted_on", _("申请日期"))
    if not accept:
        if not (reason or "").strip():
            raise DomainError(_("不予受理应说明理由。"), field="reason")
        current.not_accepted_reason = reason.strip()
        return workflow.advance(current, by=by, to=P.NOT_ACCEPTED, reason=reason.strip())
    current.accepted_on = accepted_on
    current.number = next_number(current.agency, "preopening", accepted_on)
    if current.path == CheckPath.COMMITMENT:
        current.licensed_on = accepted_on
        current.due_on = clock_due("preopening", "commitment_verify", accepted_on).date
        to = P.LICENSED
    else:
        current.due_on = clock_due("preopening", "standard_check", accepted_on).date
        to = P.ACCEPTED
    return workflow.advance(current, by=by, to=to, data={"accepted_on": accepted_on})


@transaction.atomic
def preopening_decide(
    check: PreOpeningCheck, *, by: Any, checked_on: dt.date, passed: bool, findings: str,
    decided_on: dt.date | None = None, expected_version: int | None = None,
) -> PreOpeningCheck:  # fmt: skip
    """现场检查并作出决定: standard path 合格 (合格证明) / 不合格 (检查意见书); 告知承诺 path 核查相符 / 不符 (撤销许可).
    A check after its deadline, or a decision more than 3 working days after the check, is recorded as late."""
    current = workflow.lock(
        check, by=by, allowed=(P.ACCEPTED, P.LICENSED), verb=_("检查"), expected_version=expected_version
    )
    decided_on = decided_on or checked_on
    if not (findings or "").strip():
        raise DomainError(_("请填写检查情况。"), field="findings")
    _not_future(checked_on, "checked_on")
    _not_future(decided_on, "decided_on")
    _not_before(checked_on, current.accepted_on, "checked_on", _("受理日期"))
    _not_before(decided_on, checked_on, "decided_on", _("检查日期"))
    _late(current, "check", checked_on)
    commitment = current.path == CheckPath.COMMITMENT
    if not commitment and decided_on > clock_due("preopening", "standard_decide", checked_on).date:
        current.late_steps = [*current.late_steps, "decide"]
    current.checked_on, current.decided_on, current.findings = checked_on, decided_on, findings.strip()
    current.result = CheckResult.PASSED if passed else CheckResult.FAILED
    current.due_on = None
    outcomes = {True: (P.VERIFIED, P.REVOKED), False: (P.PASSED, P.FAILED)}[commitment]
    to = outcomes[0] if passed else outcomes[1]
    return workflow.advance(current, by=by, to=to, reason=findings.strip(), data={"passed": passed})


# ----------------------------------------------------------------- 大型群众性活动


@transaction.atomic
def event_apply(
    *,
    by: Any,
    unit: Unit,
    event_name: str,
    venue: str,
    starts_on: dt.date,
    ends_on: dt.date,
    expected_attendance: int,
    applied_on: dt.date,
) -> EventCheck:
    """承办单位申请 a fire-safety check before a large public event; it must be checked before the event starts."""
    _applicant_unit(by, unit, EventCheck)
    if not (event_name or "").strip():
        raise DomainError(_("请填写活动名称。"), field="event_name")
    if not (venue or "").strip():
        raise DomainError(_("请填写活动场所。"), field="venue")
    if ends_on < starts_on:
        raise DomainError(_("结束日期不能早于开始日期。"), field="ends_on")
    if starts_on <= applied_on:
        raise DomainError(_("应在活动举办前申请检查：活动开始日期须晚于申请日期。"), field="starts_on")
    if expected_attendance < 1:
        raise DomainError(_("请填写预计参加人数。"), field="expected_attendance")
    _not_future(applied_on, "applied_on")
    actor = _actor(by)
    check = EventCheck.objects.create(
        unit=unit, region_id=unit.region_id, industry_id=unit.industry_id, agency=_agency(unit),
        event_name=event_name.strip(), venue=venue.strip(), starts_on=starts_on, ends_on=ends_on,
        expected_attendance=expected_attendance, applied_on=applied_on,
        due_on=clock_due("event", "check_before_event", starts_on).date, created_by=actor, updated_by=actor,
    )  # fmt: skip
    _created(check, by, EventCheck, _("申请"))
    return check


@transaction.atomic
def event_accept(
    check: EventCheck, *, by: Any, accepted_on: dt.date, expected_version: int | None = None
) -> EventCheck:
    current = workflow.lock(
        check, by=by, allowed=(E.APPLIED,), verb=_("受理"), expected_version=expected_version
    )
    _not_future(accepted_on, "accepted_on")
    _not_before(accepted_on, current.applied_on, "accepted_on", _("申请日期"))
    current.accepted_on = accepted_on
    current.number = next_number(current.agency, "event", accepted_on)
    return workflow.advance(current, by=by, to=E.ACCEPTED, data={"accepted_on": accepted_on})


@transaction.atomic
def event_decide(
    check: EventCheck, *, by: Any, checked_on: dt.date, passed: bool, findings: str,
    expected_version: int | None = None,
) -> EventCheck:  # fmt: skip
    """现场检查并作出决定 before the event; a check after the event has ended is refused."""
    current = workflow.lock(
        check, by=by, allowed=(E.ACCEPTED,), verb=_("检查"), expected_version=expected_version
    )
    if not (findings or "").strip():
        raise DomainError(_("请填写检查情况。"), field="findings")
    _not_future(checked_on, "checked_on")
    _not_before(checked_on, current.accepted_on, "checked_on", _("受理日期"))
    if checked_on > current.ends_on:
        raise DomainError(_("活动已结束，不能再作举办前检查。"), field="checked_on")
    _late(current, "check", checked_on)
    current.checked_on, current.findings = checked_on, findings.strip()
    current.result = CheckResult.PASSED if passed else CheckResult.FAILED
    current.due_on = None
    to = E.PASSED if passed else E.FAILED
    return workflow.advance(current, by=by, to=to, reason=findings.strip(), data={"passed": passed})
