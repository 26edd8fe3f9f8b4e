"""Writes of the corps app: enlisting a person on the roster, the month's assessment plan, the raw results
the team records (scores computed here, never typed) and publishing (公示).

Every service is keyword-only and atomic, checks permission and scope for ``by`` (``None``: a trusted
caller such as the demo seed), writes the audit event, and runs the plan's moves through the workflow
kernel. A refusal raises a :class:`~flameblue.core.errors.DomainError` with a Chinese message naming the
field, and leaves nothing behind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import audit, workflow
from flameblue.core.errors import DomainError, PermissionDeniedError
from flameblue.core.scoping import has_action
from flameblue.core.services import ensure_in_scope
from flameblue.corps.choices import DutyStatus, PlanStatus
from flameblue.corps.models import AssessmentItem, AssessmentPlan, AssessmentResult, RosterEntry
from flameblue.corps.scoring import crew_value, objection_days, parse_value, score_for
from flameblue.org.choices import FIRE_SERVICE_KINDS, OrgKind
from flameblue.org.models import Organization, Person

__all__ = ["plan_create", "plan_publish", "result_correct", "result_record", "roster_enlist"]


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


def _may_add(model: type, by: Any) -> None:
    if by is not None and not has_action(by, model, "add"):
        raise PermissionDeniedError(_("您没有新增此类记录的权限。"))


@transaction.atomic
def roster_enlist(
    *,
    by: Any,
    person: Person,
    station: Organization,
    post: str,
    rank: str,
    joined_on: dt.date,
    posted_on: dt.date,
    crew: str = "",
    status: str = DutyStatus.ON_DUTY,
) -> RosterEntry:
    """Put an existing person on the roster of a fire-service organization (not a second person table)."""
    _may_add(RosterEntry, by)
    if station.kind not in FIRE_SERVICE_KINDS:
        raise DomainError(_("所在单位须为消防救援队伍（支队、大队、站）。"), field="station")
    if RosterEntry.objects.filter(person=person).exists():
        raise DomainError(_("%(name)s 已在名册中。") % {"name": person.name}, field="person")
    if posted_on < joined_on:
        raise DomainError(_("到岗日期不能早于入职日期。"), field="posted_on")
    entry = RosterEntry(
        person=person, station=station, post=(post or "").strip(), rank=rank, crew=(crew or "").strip(),
        joined_on=joined_on, posted_on=posted_on, status=status, created_by=_actor(by), updated_by=_actor(by),
    )  # fmt: skip
    entry.full_clean()
    entry.save()
    ensure_in_scope(entry, by=by, action="add")
    audit.record(audit.AuditAction.CREATE, by=by, obj=entry, changes=audit.diff({}, audit.snapshot(entry)))
    return entry


@transaction.atomic
def plan_create(
    *,
    by: Any,
    organizer: Organization,
    month: dt.date,
    held_on: dt.date,
    team: str,
    stations: Sequence[Organization],
    items: Sequence[AssessmentItem],
    title: str = "",
) -> AssessmentPlan:
    """The month's assessment plan: stations, items (active versions only), the team and the date."""
    _may_add(AssessmentPlan, by)
    month = month.replace(day=1)
    if (held_on.year, held_on.month) != (month.year, month.month):
        raise DomainError(_("考核日期须在考核月份内。"), field="held_on")
    if not (team or "").strip():
        raise DomainError(_("请填写考核组成员。"), field="team")
    if not stations or any(s.kind not in (OrgKind.STATION, OrgKind.FULLTIME_BRIGADE) for s in stations):
        raise DomainError(_("请选择受考核的消防救援站。"), field="stations")
    if not items or any(not i.is_active for i in items):
        raise DomainError(_("请选择现行版本的考核项目。"), field="items")
    if AssessmentPlan.objects.filter(organizer=organizer, month=month).exists():
        raise DomainError(_("%(month)s 已有月度考核计划。") % {"month": f"{month:%Y年%m月}"}, field="month")
    plan = AssessmentPlan.objects.create(
        organizer=organizer, month=month, held_on=held_on, team=team.strip(),
        title=title.strip() or _("%(y)s年%(m)s月站点月度考核") % {"y": month.year, "m": month.month},
        created_by=_actor(by), updated_by=_actor(by),
    )  # fmt: skip
    plan.stations.set(stations)
    plan.items.set(items)
    ensure_in_scope(plan, by=by, action="add")
    audit.record(audit.AuditAction.CREATE, by=by, obj=plan, changes=audit.diff({}, audit.snapshot(plan)))
    workflow.begin(plan, by=by)
    return plan


def _check_subject(plan: AssessmentPlan, station: Organization, item: AssessmentItem, member, crew: str):
    if not plan.stations.filter(pk=station.pk).exists():
        raise DomainError(_("该单位不在本月考核范围内。"), field="station")
    if not plan.items.filter(pk=item.pk).exists():
        raise DomainError(_("该项目不在本月考核项目中。"), field="item")
    if item.is_crew and not crew.strip():
        raise DomainError(_("班组操法须填写班组。"), field="crew")
    if not item.is_crew and (member is None or member.station_id != station.pk):
        raise DomainError(_("请选择本站在册人员。"), field="member")


@transaction.atomic
def result_record(
    *,
    by: Any,
    plan: AssessmentPlan,
    station: Organization,
    item: AssessmentItem,
    raw: Sequence[str],
    member: RosterEntry | None = None,
    crew: str = "",
    faults: int = 0,
) -> AssessmentResult:
    """Record one raw result (a member's, or a crew's member times) while the plan is open; the value and
    score are computed from the item's scoring table and its version is kept."""
    plan = workflow.lock(plan, by=by, allowed=[PlanStatus.DRAFT], verb=_("录入成绩"), action="change")
    _check_subject(plan, station, item, member, crew)
    return _score(
        plan=plan, station=station, item=item, member=member, crew=crew, raw=raw, faults=faults, by=by
    )


def _score(
    *, plan, station, item, member, crew: str, raw: Sequence[str], faults: int, by: Any
) -> AssessmentResult:
    """Parse, compute and save one result with its audit event (the plan is locked by the caller)."""
    texts = [str(t).strip() for t in raw if str(t).strip()]
    if not texts:
        raise DomainError(_("请填写成绩。"), field="raw")
    if not item.is_crew and len(texts) > 1:
        raise DomainError(_("个人项目只填一个成绩。"), field="raw")
    values = [parse_value(t, item.unit) for t in texts]
    if faults < 0:
        raise DomainError(_("失误次数不能为负。"), field="faults")
    value = crew_value(values, rule=item.crew_rule, faults=faults, penalty_seconds=item.penalty_seconds)
    result = AssessmentResult.objects.create(
        plan=plan, station=station, item=item, member=member if not item.is_crew else None,
        crew=crew.strip() if item.is_crew else (member.crew if member else ""),
        raw=[str(v) for v in values], faults=faults, value=value,
        score=score_for(value, table=item.table, direction=item.direction).quantize(Decimal("0.1")),
        rules_version=item.version, recorded_by=_actor(by),
    )  # fmt: skip
    audit.record(audit.AuditAction.CREATE, by=by, obj=result, changes=audit.diff({}, audit.snapshot(result)))
    return result


def plan_publish(
    *, plan: AssessmentPlan, by: Any, expected_version: int | None = None, reason: str = ""
) -> AssessmentPlan:
    """公示: the plan's rankings go on the public page; objections are taken until ``objection_until``."""

    def change(current: AssessmentPlan) -> None:
        if not current.results.exists():
            raise DomainError(_("尚未录入任何成绩，不能公示。"))
        current.published_at = timezone.now()
        current.objection_until = timezone.localdate() + dt.timedelta(days=objection_days())

    return workflow.transition(
        plan, by=by, to=PlanStatus.PUBLISHED, allowed=[PlanStatus.DRAFT], verb=_("公示"),
        expected_version=expected_version, action="publish", change=change, reason=reason,
    )  # fmt: skip


@transaction.atomic
def result_correct(
    *,
    by: Any,
    result: AssessmentResult,
    raw: Sequence[str],
    reason: str,
    faults: int | None = None,
    for_objection: bool = False,
) -> AssessmentResult:
    """Correct a recorded result (before publishing, or during the 公示 objection period): the corrected one
    is a new result scored the same way, the original stays visible as superseded, with the reason. An
    objection filed in time may be upheld after the period (``for_objection``)."""
    if not (reason or "").strip():
        raise DomainError(_("请填写更正原因。"), field="reason")
    plan = workflow.lock(result.plan, by=by, allowed=None, verb=_("更正成绩"), action="correct")
    open_for_objections = plan.status == PlanStatus.PUBLISHED and timezone.localdate() <= plan.objection_until
    if for_objection and plan.status == PlanStatus.PUBLISHED:
        pass
    elif plan.status != PlanStatus.DRAFT and not open_for_objections:
        raise DomainError(_("公示异议期已过，不能更正成绩。"))
    current = AssessmentResult.objects.select_for_update().get(pk=result.pk)
    if current.superseded_by_id:
        raise DomainError(_("该成绩已被更正，请更正最新成绩。"))
    corrected = _score(
        plan=plan, station=current.station, item=current.item, member=current.member, crew=current.crew,
        raw=raw, faults=current.faults if faults is None else faults, by=by,
    )  # fmt: skip
    current.superseded_by, current.correction_reason = corrected, reason.strip()
    current.save(update_fields=["superseded_by", "correction_reason"])
    audit.record(
        audit.AuditAction.UPDATE, by=by, obj=current, reason=reason.strip(),
        changes={"value": [str(current.value), str(corrected.value)], "score": [str(current.score), str(corrected.score)]},
    )  # fmt: skip
    return corrected
