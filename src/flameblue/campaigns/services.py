"""Writes of special campaigns: prepare one (with its phases and scope), assign work, launch it (select the
target units by scope and freeze the list), add a target later (explicit, with a reason), close it.

Keyword-only and atomic; ``by=None`` is a trusted caller (the demo seed). Every refusal is a
:class:`~flameblue.core.errors.DomainError` naming the field, and leaves nothing behind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.campaigns.choices import CampaignLevel, CampaignStatus, TargetOrigin
from flameblue.campaigns.kinds import KindRule, kind_rule
from flameblue.campaigns.models import Campaign, CampaignAssignment, CampaignPhase, CampaignTarget
from flameblue.campaigns.scope import Scope
from flameblue.core import audit, workflow
from flameblue.core.errors import DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.scoping import has_action, in_region
from flameblue.core.services import ensure_in_scope
from flameblue.inspections.models import Checklist
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization
from flameblue.units.choices import OperatingStatus
from flameblue.units.models import Unit

__all__ = [
    "assignment_add",
    "campaign_close",
    "campaign_create",
    "campaign_launch",
    "campaign_update",
    "scope_units",
    "standard_phases",
    "target_add",
]

S = CampaignStatus


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


#: At most this many extra check items per campaign (a checklist of its own is the place for more).
MAX_EXTRA_ITEMS = 30

#: The standard phases of a campaign (动员部署 → 排查整治 → 督导检查 → 总结验收).
STANDARD_PHASES = ("动员部署", "排查整治", "督导检查", "总结验收")


def standard_phases(start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """The four standard phases over a period: a tenth to mobilise, the bulk to check, a fifth to supervise
    and the last tenth to sum up."""
    days = (end - start).days + 1
    cuts = [start, start + dt.timedelta(days=days // 10), start + dt.timedelta(days=days * 7 // 10),
            start + dt.timedelta(days=days * 9 // 10), end + dt.timedelta(days=1)]  # fmt: skip
    return [
        {"name": name, "starts_on": cuts[i], "ends_on": cuts[i + 1] - dt.timedelta(days=1)}
        for i, name in enumerate(STANDARD_PHASES)
    ]


def _check_phases(phases: Sequence[dict[str, Any]], starts_on: dt.date, ends_on: dt.date) -> None:
    previous_end: dt.date | None = None
    for number, phase in enumerate(phases, start=1):
        if not (phase.get("name") or "").strip():
            raise DomainError(_("第 %(n)d 阶段缺少名称。") % {"n": number}, field="phases")
        if phase["starts_on"] > phase["ends_on"]:
            raise DomainError(_("第 %(n)d 阶段的结束日期早于开始日期。") % {"n": number}, field="phases")
        if phase["starts_on"] < starts_on or phase["ends_on"] > ends_on:
            raise DomainError(_("第 %(n)d 阶段超出整治期限。") % {"n": number}, field="phases")
        if previous_end is not None and phase["starts_on"] <= previous_end:
            raise DomainError(_("第 %(n)d 阶段与上一阶段重叠。") % {"n": number}, field="phases")
        previous_end = phase["ends_on"]


@transaction.atomic
def campaign_create(
    *,
    by: Any,
    organiser: Organization,
    name: str,
    level: str,
    starts_on: dt.date,
    ends_on: dt.date,
    description: str = "",
    target_checked: int = 0,
    target_rectified: int = 0,
    place_types: Iterable[Any] = (),
    risk_tags: Iterable[Any] = (),
    regions: Iterable[Any] = (),
    industries: Iterable[Any] = (),
    units: Iterable[Any] = (),
    phases: Sequence[dict[str, Any]] = (),
    kind: str = "",
    checklist: Any = None,
    extra_items: Sequence[str] | None = None,
) -> Campaign:
    """Prepare a campaign (筹备中). The scope's regions must lie in the organiser's region; phases are in
    order, inside the period and not overlapping. A department organises its own sector campaign: it carries
    the department's industry and reaches only that industry's units. ``extra_items=None`` takes the kind's
    default extra check items."""
    if by is not None and not has_action(by, Campaign, "add"):
        raise PermissionDeniedError(_("您没有部署专项整治的权限。"))
    scope = Scope.of(organiser, place_types, risk_tags, regions, industries, units)
    name = _validate(organiser, name=name, level=level, starts_on=starts_on, ends_on=ends_on, scope=scope,
                     phases=phases)  # fmt: skip
    rule, items = _kind_and_items(kind, extra_items)
    actor = _actor(by)
    campaign = Campaign.objects.create(
        name=name, level=level, organiser=organiser, region_id=organiser.region_id,
        industry_id=_sector(organiser), starts_on=starts_on,
        ends_on=ends_on, description=(description or "").strip(), target_checked=target_checked,
        target_rectified=target_rectified, kind=kind or "", kind_version=rule.version if rule else "",
        checklist=_checked_checklist(checklist), extra_items=items, created_by=actor, updated_by=actor,
    )  # fmt: skip
    if by is not None and not Campaign.objects.visible_to(by, "add").filter(pk=campaign.pk).exists():
        raise OutOfScope(_("组织单位不在您的管辖范围内。"))
    changes = audit.snapshot(campaign)
    changes.update(_set_scope_and_phases(campaign, scope, phases))
    audit.record(audit.AuditAction.CREATE, by=by, obj=campaign, changes=changes)
    workflow.begin(campaign, by=by)
    return campaign


def _validate(
    organiser: Organization, *, name: str, level: str, starts_on: dt.date, ends_on: dt.date, scope: Scope,
    phases: Sequence[dict[str, Any]],
) -> str:  # fmt: skip
    name = (name or "").strip()
    if not name:
        raise DomainError(_("请填写整治名称。"), field="name")
    if level not in CampaignLevel.values:
        raise DomainError(_("请选择级别。"), field="level")
    if ends_on < starts_on:
        raise DomainError(_("结束日期不能早于开始日期。"), field="ends_on")
    scope.check(organiser)
    _check_phases(phases, starts_on, ends_on)
    return name


def _sector(organiser: Organization) -> str | None:
    """A department's campaign is its industry's (行业系统火灾防控); other organisers' campaigns reach all."""
    return organiser.industry_id if organiser.kind == OrgKind.DEPARTMENT else None


def _kind_and_items(kind: str, extra_items: Sequence[str] | None) -> tuple[KindRule | None, list[str]]:
    rule = kind_rule(kind)
    if kind and rule is None:
        raise DomainError(_("没有“%(kind)s”这一整治类别。") % {"kind": kind}, field="kind")
    if extra_items is None:
        return rule, list(rule.extra_items) if rule else []
    items = [str(i).strip() for i in extra_items if str(i).strip()]
    if len(items) > MAX_EXTRA_ITEMS:
        raise DomainError(_("附加检查项不能超过 %(n)d 项。") % {"n": MAX_EXTRA_ITEMS}, field="extra_items")
    for number, item in enumerate(items, start=1):
        if len(item) > 200:
            raise DomainError(_("第 %(n)d 项附加检查项超过 200 字。") % {"n": number}, field="extra_items")
    return rule, items


def _checked_checklist(checklist: Checklist | None) -> Checklist | None:
    if checklist is not None and not checklist.is_published:
        raise DomainError(_("检查表 %(c)s 未发布，不能用于专项整治。") % {"c": checklist}, field="checklist")
    return checklist


def _set_scope_and_phases(
    campaign: Campaign, scope: Scope, phases: Sequence[dict[str, Any]]
) -> dict[str, Any]:  # fmt: skip
    """Replace the campaign's scope and phases; answers them as audited values."""
    scope.apply(campaign)
    campaign.phases.all().delete()
    for number, phase in enumerate(phases, start=1):
        CampaignPhase.objects.create(
            campaign=campaign, number=number, name=phase["name"].strip(),
            starts_on=phase["starts_on"], ends_on=phase["ends_on"],
        )  # fmt: skip
    return _scope_and_phases(campaign)


def _scope_and_phases(campaign: Campaign) -> dict[str, Any]:
    return {
        "scope": {
            "place_types": sorted(campaign.scope_place_types.values_list("pk", flat=True)),
            "risk_tags": sorted(campaign.scope_risk_tags.values_list("pk", flat=True)),
            "regions": sorted(campaign.scope_regions.values_list("pk", flat=True)),
            "industries": sorted(campaign.scope_industries.values_list("pk", flat=True)),
            "units": sorted(campaign.scope_units.values_list("pk", flat=True)),
        },
        "phases": [f"{p.name} {p.starts_on}—{p.ends_on}" for p in campaign.phases.order_by("number")],
    }


@transaction.atomic
def campaign_update(
    campaign: Campaign,
    *,
    by: Any,
    expected_version: int | None,
    name: str,
    level: str,
    starts_on: dt.date,
    ends_on: dt.date,
    description: str = "",
    target_checked: int = 0,
    target_rectified: int = 0,
    place_types: Iterable[Any] = (),
    risk_tags: Iterable[Any] = (),
    regions: Iterable[Any] = (),
    industries: Iterable[Any] = (),
    units: Iterable[Any] = (),
    phases: Sequence[dict[str, Any]] = (),
    kind: str = "",
    checklist: Any = None,
    extra_items: Sequence[str] | None = None,
) -> Campaign:
    """Edit a campaign in preparation (its organiser stays): once launched its scope is frozen. A stale
    version is refused with who changed it; the field, scope and phase changes are audited."""
    current = workflow.lock(
        campaign,
        by=by,
        action="change",
        allowed=(S.DRAFT,),
        verb=_("修改"),
        expected_version=expected_version,
    )
    scope = Scope.of(current.organiser, place_types, risk_tags, regions, industries, units)
    current.name = _validate(current.organiser, name=name, level=level, starts_on=starts_on, ends_on=ends_on,
                             scope=scope, phases=phases)  # fmt: skip
    rule, items = _kind_and_items(kind, extra_items)
    current.level, current.starts_on, current.ends_on = level, starts_on, ends_on
    current.description = (description or "").strip()
    current.target_checked, current.target_rectified = target_checked, target_rectified
    current.kind, current.kind_version = kind or "", rule.version if rule else ""
    current.checklist, current.extra_items = _checked_checklist(checklist), items
    before = _scope_and_phases(current)
    after = _set_scope_and_phases(current, scope, phases)
    changed = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    current = workflow.advance(current, by=by, audit_action=audit.AuditAction.UPDATE, data=changed)
    if changed:
        audit.record(
            audit.AuditAction.UPDATE, by=by, obj=current, changes=changed, reason=_("调整范围或阶段")
        )
    return current


def scope_units(campaign: Campaign):
    """The operating units of the registry that the campaign's scope selects: in the organiser's region
    (or the scope's regions), of one of its place types, carrying one of its risk tags, in one of its
    industries (each dimension left empty selects all) — or exactly its hand-picked units. A department's
    sector campaign reaches only its industry's units."""
    units = Unit.objects.filter(in_region(campaign.region_id)).exclude(status=OperatingStatus.CLOSED)
    if campaign.industry_id:
        units = units.filter(industry_id=campaign.industry_id)
    picked = list(campaign.scope_units.values_list("pk", flat=True))
    if picked:
        return units.filter(pk__in=picked)
    region_codes = list(campaign.scope_regions.values_list("code", flat=True))
    if region_codes:
        where = Q()
        for code in region_codes:
            where |= in_region(code)
        units = units.filter(where)
    place_types = list(campaign.scope_place_types.values_list("code", flat=True))
    if place_types:
        units = units.filter(place_type_id__in=place_types)
    tags = list(campaign.scope_risk_tags.values_list("code", flat=True))
    if tags:
        units = units.filter(risk_tags__code__in=tags)
    industries = list(campaign.scope_industries.values_list("code", flat=True))
    if industries:
        units = units.filter(industry_id__in=industries)
    return units.distinct()


@transaction.atomic
def campaign_launch(
    *, campaign: Campaign, by: Any, expected_version: int | None = None, at: dt.datetime | None = None
) -> Campaign:
    """启动: freeze the target list — every unit the scope selects now. Refused when it selects none.
    ``at`` dates a launch recorded after the fact (historical data)."""
    current = workflow.lock(
        campaign,
        by=by,
        action="launch",
        allowed=(S.DRAFT,),
        verb=_("启动"),
        expected_version=expected_version,
    )
    unit_ids = list(scope_units(current).values_list("pk", flat=True))
    if not unit_ids:
        raise DomainError(_("整治范围内没有选中任何单位，请调整范围后再启动。"), field="scope")
    now = at or timezone.now()
    CampaignTarget.objects.bulk_create(
        [CampaignTarget(campaign=current, unit_id=pk, added_at=now, added_by=_actor(by)) for pk in unit_ids]
    )
    current.launched_at = now
    return workflow.advance(current, to=S.LAUNCHED, by=by, at=now, data={"targets": len(unit_ids)})


@transaction.atomic
def campaign_close(
    *,
    campaign: Campaign,
    by: Any,
    reason: str = "",
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> Campaign:
    """结束: the campaign is over; its progress stays as counted. ``at`` dates a close recorded afterwards."""
    return workflow.transition(
        campaign, by=by, to=S.CLOSED, allowed=(S.LAUNCHED,), verb=_("结束"), expected_version=expected_version,
        action="launch", reason=reason, at=at,
    )  # fmt: skip


@transaction.atomic
def target_add(*, campaign: Campaign, unit: Unit, by: Any, reason: str) -> CampaignTarget:
    """补充整治对象: add one unit to a launched campaign's frozen list, with the reason (audited)."""
    ensure_in_scope(campaign, by=by, action="change")
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)  # the status as it is now
    if campaign.status != S.LAUNCHED:
        raise DomainError(_("只能向进行中的专项整治补充整治对象。"), field="unit")
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("请填写补充理由。"), field="reason")
    if not unit.region_id.startswith(campaign.region_id):
        raise DomainError(_("该单位不在组织单位的辖区内。"), field="unit")
    if by is not None and not Unit.objects.visible_to(by).filter(pk=unit.pk).exists():
        raise OutOfScope(_("该单位不在您的管辖范围内。"))
    if CampaignTarget.objects.filter(campaign=campaign, unit=unit).exists():
        raise DomainError(_("该单位已在整治对象名单中。"), field="unit")
    target = CampaignTarget.objects.create(
        campaign=campaign, unit=unit, origin=TargetOrigin.ADDED, reason=reason, added_by=_actor(by)
    )
    audit.record(audit.AuditAction.CREATE, by=by, obj=target, changes=audit.snapshot(target), reason=reason)
    return target


@transaction.atomic
def assignment_add(
    *, campaign: Campaign, assignee: Organization, by: Any, task: str = "", due_on: dt.date | None = None
) -> CampaignAssignment:
    """任务分工: give a brigade, township or department the campaign's work in its jurisdiction."""
    ensure_in_scope(campaign, by=by, action="change")
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status == S.CLOSED:
        raise DomainError(_("专项整治已结束。"), field="assignee")
    if not assignee.region_id.startswith(campaign.region_id):
        raise DomainError(_("责任单位不在组织单位的辖区内。"), field="assignee")
    if CampaignAssignment.objects.filter(campaign=campaign, assignee=assignee).exists():
        raise DomainError(_("该单位已有分工。"), field="assignee")
    if due_on is not None and not campaign.starts_on <= due_on <= campaign.ends_on:
        raise DomainError(_("完成期限应在整治期限之内。"), field="due_on")
    assignment = CampaignAssignment.objects.create(
        campaign=campaign, assignee=assignee, task=(task or "").strip(), due_on=due_on, created_by=_actor(by)
    )
    audit.record(audit.AuditAction.CREATE, by=by, obj=assignment, changes=audit.snapshot(assignment))
    return assignment
