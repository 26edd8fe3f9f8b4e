"""Writes of the integrity app: keyword-only, atomic, validated, audited. Liaison points and visits; the
declaration of a relative's business, matched against the unit registry and the conflict rule (the match is
recorded with the rule version); drinking reports and their approval through the workflow kernel."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import audit, workflow
from flameblue.core.errors import OutOfScope, PermissionDeniedError
from flameblue.core.scoping import has_action, within_scopes
from flameblue.core.services import ensure_in_scope
from flameblue.integrity.choices import DrinkingStatus
from flameblue.integrity.models import DrinkingReport, LiaisonPoint, LiaisonVisit, RelativeBusiness
from flameblue.integrity.policy import conflict_rule
from flameblue.org.choices import FIRE_SERVICE_KINDS
from flameblue.org.models import Organization, Person
from flameblue.units.models import Unit

__all__ = [
    "drinking_decide",
    "drinking_report",
    "liaison_point_create",
    "liaison_visit_log",
    "match_enterprise",
    "relative_business_declare",
]

POINT_KINDS = {"station", "brigade", "fulltime_brigade"}


def _require(by: Any, model: type, action: str) -> None:
    if by is not None and not has_action(by, model, action):
        raise PermissionDeniedError(_("您没有执行此操作的权限。"))


def _created(obj: Any, by: Any) -> Any:
    user = by if getattr(by, "pk", None) else None
    obj.created_by = obj.updated_by = user
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def liaison_point_create(
    *, by: Any, member: Person, organization: Organization, since: dt.date
) -> LiaisonPoint:
    """A committee member takes a station or brigade as a liaison point."""
    _require(by, LiaisonPoint, "add")
    if organization.kind not in POINT_KINDS:
        raise ValidationError({"organization": _("联系点应为消防救援站或大队。")})
    if member.organization.kind not in FIRE_SERVICE_KINDS:
        raise ValidationError({"member": _("联系点只能由消防救援队伍的党委委员确定。")})
    if LiaisonPoint.objects.filter(member=member, organization=organization).exists():
        raise ValidationError({"organization": _("该委员已将此单位确定为联系点。")})
    point = _created(
        LiaisonPoint(member=member, organization=organization, region_id=organization.region_id, since=since),
        by,
    )
    ensure_in_scope(point, by=by, action="add")
    audit.record(audit.AuditAction.CREATE, by=by, obj=point, changes=audit.diff({}, audit.snapshot(point)))
    return point


@transaction.atomic
def liaison_visit_log(
    *, by: Any, point: LiaisonPoint, visited_on: dt.date, work: str, days: int = 1, problems: str = "",
    follow_up: str = "",
) -> LiaisonVisit:  # fmt: skip
    """Log a visit (蹲点) to a liaison point; a visit cannot be in the future nor before the point existed."""
    _require(by, LiaisonVisit, "add")
    ensure_in_scope(point, by=by, action="view")
    if visited_on > timezone.localdate():
        raise ValidationError({"visited_on": _("蹲点日期不能晚于今天。")})
    if visited_on < point.since:
        raise ValidationError({"visited_on": _("蹲点日期早于确定联系点的日期。")})
    if problems.strip() and not follow_up.strip():
        raise ValidationError({"follow_up": _("发现问题的，应填写整改跟进措施。")})
    visit = _created(
        LiaisonVisit(point=point, visited_on=visited_on, days=days, work=work, problems=problems,
                     follow_up=follow_up),
        by,
    )  # fmt: skip
    audit.record(audit.AuditAction.CREATE, by=by, obj=visit, changes=audit.diff({}, audit.snapshot(visit)))
    return visit


def match_enterprise(*, uscc: str, name: str, township_id: str | None) -> Unit | None:
    """The registry unit a declared enterprise is: by unified social credit code, else by name and township."""
    if uscc:
        unit = Unit.objects.filter(credit_code=uscc).first()
        if unit is not None:
            return unit
    if township_id:
        return Unit.objects.filter(name=name.strip(), region_id=township_id).first()
    return None


def _filer(by: Any, person: Person | None) -> Person:
    """Officers declare for themselves; a discipline officer may file for anyone in their jurisdiction."""
    own = getattr(by, "person", None) if by is not None else None
    if person is None or (own is not None and person.pk == own.pk):
        if own is None and person is None:
            raise ValidationError(_("申报人未关联人员档案，无法申报。"))
        return person or own
    if by is not None and not has_action(by, RelativeBusiness, "oversee"):
        raise PermissionDeniedError(_("只能申报本人的近亲属经商办企业情况。"))
    in_scope = within_scopes(Person.objects.filter(pk=person.pk), by, RelativeBusiness, "oversee")
    if by is not None and not in_scope.exists():
        raise OutOfScope(_("该人员不在您的管辖范围内。"))
    return person


@transaction.atomic
def relative_business_declare(
    *, by: Any, year: int, relative_name: str, relation: str, enterprise_name: str, uscc: str = "",
    township: Any = None, business_scope: str = "", person: Person | None = None,
) -> RelativeBusiness:  # fmt: skip
    """Record one relative's business of a yearly declaration and decide whether it is a conflict of
    interest (a registry unit or a fire-technical-service firm), with the rule version."""
    _require(by, RelativeBusiness, "add")
    person = _filer(by, person)
    if person.organization.kind not in FIRE_SERVICE_KINDS:
        raise ValidationError(_("近亲属经商办企业申报只适用于消防救援队伍人员。"))
    if year > timezone.localdate().year:
        raise ValidationError({"year": _("不能申报以后年度。")})
    rule = conflict_rule()
    unit = match_enterprise(
        uscc=uscc.strip(), name=enterprise_name, township_id=getattr(township, "pk", None)
    )
    firm = rule.is_fire_service(business_scope)
    reasons = []
    if unit is not None:
        reasons.append(_("企业为单位库中的单位“%(unit)s”，申报人不得检查该单位") % {"unit": unit.name})
    if firm:
        reasons.append(_("企业经营范围含消防技术服务"))
    declaration = _created(
        RelativeBusiness(
            person=person, organization=person.organization, region_id=person.organization.region_id, year=year,
            relative_name=relative_name, relation=relation, enterprise_name=enterprise_name.strip(),
            uscc=uscc.strip(), township=township, business_scope=business_scope, matched_unit=unit,
            fire_service_firm=firm, conflict_reason="；".join(reasons)[:200], rules_version=rule.version,
        ),
        by,
    )  # fmt: skip
    audit.record(
        audit.AuditAction.CREATE, by=by, obj=declaration, changes=audit.diff({}, audit.snapshot(declaration))
    )
    return declaration


@transaction.atomic
def drinking_report(
    *, by: Any, occasion_on: dt.date, place: str, reason: str, companions: str = ""
) -> DrinkingReport:
    """An officer reports a drinking occasion beforehand (no report after the day)."""
    _require(by, DrinkingReport, "add")
    person = getattr(by, "person", None)
    if person is None:
        raise ValidationError(_("报备人未关联人员档案，无法报备。"))
    if occasion_on < timezone.localdate():
        raise ValidationError({"occasion_on": _("饮酒报备须在饮酒之前提出。")})
    report = _created(
        DrinkingReport(
            person=person, organization=person.organization, region_id=person.organization.region_id,
            occasion_on=occasion_on, place=place, reason=reason, companions=companions,
        ),
        by,
    )  # fmt: skip
    audit.record(audit.AuditAction.CREATE, by=by, obj=report, changes=audit.diff({}, audit.snapshot(report)))
    workflow.begin(report, by=by)
    return report


@transaction.atomic
def drinking_decide(
    *, report: DrinkingReport, by: Any, approve: bool, note: str = "", expected_version: int | None = None
) -> DrinkingReport:
    """A discipline officer approves or refuses a pending report; a refusal needs a reason, and nobody decides
    their own report."""
    if not approve and not note.strip():
        raise ValidationError({"note": _("不同意时应说明理由。")})
    current = workflow.lock(
        report, by=by, allowed=[DrinkingStatus.SUBMITTED], verb=_("审批"), expected_version=expected_version,
        action="decide",
    )  # fmt: skip
    if by is not None and getattr(by, "person_id", None) == current.person_id:
        raise PermissionDeniedError(_("不能审批本人的饮酒报备。"))
    current.decision_note = note
    return workflow.advance(
        current, by=by, to=DrinkingStatus.APPROVED if approve else DrinkingStatus.REFUSED, reason=note
    )
