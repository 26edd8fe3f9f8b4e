"""Campaigns demo data for Bozhou (``flameblue seed-demo``): the five special campaigns the detachment ran in
2019 (防风险保平安迎大庆, 电气火灾综合治理, 电动自行车, 大型商业综合体, 博物馆和文物建筑), each with its phases
and scope, assigned to the county brigades and launched on its start date, so the target list is frozen from
the demo unit registry and progress is counted from the demo inspections and hazards of 2019. Each campaign
has its own checklist version (the published one of its place type) and, where its kind defines them, extra
check items and facts recorded per target (电动自行车: stairwell parking/charging, 飞线充电, charging points,
commitment letters). A second run finds the first campaign and changes nothing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from typing import Any

from django.utils import timezone

from flameblue.campaigns import services
from flameblue.campaigns.kinds import KindRule, kind_rule
from flameblue.campaigns.models import Campaign, CampaignRecord
from flameblue.core.errors import DomainError
from flameblue.core.scoping import in_region
from flameblue.inspections.choices import ChecklistKind, ChecklistStatus
from flameblue.inspections.models import Checklist
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization
from flameblue.units.models import PlaceType, RiskTag

__all__ = ["CAMPAIGNS", "seed"]

CITY = "3416"
D = dt.date

#: (name, period, place types, risk tags, targets to check, hazards to rectify, kind (rules/kinds/), the place
#: type whose published checklist is the campaign's own ("" for the unit's own place checklist))
CAMPAIGNS: list[dict[str, Any]] = [
    {"name": "防风险保平安迎大庆消防安全执法检查专项行动", "period": (D(2019, 4, 20), D(2019, 10, 10)),
     "place_types": [], "risk_tags": ["crowded"], "target_checked": 300, "target_rectified": 500,
     "kind": "", "checklist": ""},
    {"name": "电气火灾综合治理", "period": (D(2019, 3, 1), D(2019, 12, 31)),
     "place_types": ["small_places", "labour_intensive"], "risk_tags": [], "target_checked": 200,
     "target_rectified": 300, "kind": "electrical", "checklist": "small_places"},
    {"name": "电动自行车消防安全综合治理", "period": (D(2019, 5, 1), D(2019, 12, 31)),
     "place_types": ["high_rise"], "risk_tags": [], "target_checked": 150, "target_rectified": 200,
     "kind": "ebike", "checklist": "high_rise"},
    {"name": "大型商业综合体消防安全专项整治", "period": (D(2019, 4, 1), D(2019, 11, 30)),
     "place_types": [], "risk_tags": ["large_complex"], "target_checked": 20, "target_rectified": 40,
     "kind": "", "checklist": "mall"},
    {"name": "博物馆和文物建筑消防安全专项治理", "period": (D(2019, 5, 1), D(2019, 9, 30)),
     "place_types": ["heritage"], "risk_tags": [], "target_checked": 30, "target_rectified": 30,
     "kind": "heritage", "checklist": "heritage"},
]  # fmt: skip


def _checklist(place_type: str) -> Checklist | None:
    if not place_type:
        return None
    published = Checklist.objects.filter(
        kind=ChecklistKind.PLACE, place_type=place_type, status=ChecklistStatus.PUBLISHED
    )
    return published.order_by("-effective_from", "-pk").first()


def _facts(rule: KindRule, unit_id: int) -> dict[str, int | bool]:
    """Plausible facts of one target, the same on every run (derived from the unit's id)."""
    facts: dict[str, int | bool] = {}
    for n, field in enumerate(rule.fields):
        seed = (unit_id * 7919 + n * 104729) % 97
        facts[field.code] = seed % 3 == 0 if field.type == "flag" else seed % 9
    for field in rule.fields:
        if field.not_above:
            facts[field.code] = min(facts[field.code], facts[field.not_above])
    if "letters_signed" in facts:
        facts["letters_signed"] = 20 + (unit_id % 140)  # one letter per household or shop signed
    return facts


def _seed_records(campaign: Campaign) -> int:
    """The kind's facts for every target (bulk: the demo stays fast)."""
    rule = kind_rule(campaign.kind)
    if rule is None:
        return 0
    targets = campaign.targets.values_list("pk", "unit_id")
    records = [
        CampaignRecord(target_id=pk, facts=_facts(rule, unit_id), rules_version=rule.version,
                       checks={"0": "pass" if unit_id % 4 else "fail"} if campaign.extra_items else {})
        for pk, unit_id in targets
    ]  # fmt: skip
    CampaignRecord.objects.bulk_create(records)
    return len(records)


def _launch_at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9)))


def seed(stdout) -> Mapping[str, int]:
    if Campaign.objects.filter(name=CAMPAIGNS[0]["name"]).exists():
        stdout.write("campaigns: 演示专项整治已存在，未作改动。\n")
        return {}
    detachment = Organization.objects.filter(kind=OrgKind.DETACHMENT, region_id=CITY).first()
    if detachment is None:
        return {}
    brigades = list(Organization.objects.filter(in_region(CITY), kind=OrgKind.BRIGADE).order_by("region_id"))
    counts: Counter = Counter()
    for spec in CAMPAIGNS:
        start, end = spec["period"]
        campaign = services.campaign_create(
            by=None, organiser=detachment, name=spec["name"], level="city", starts_on=start, ends_on=end,
            target_checked=spec["target_checked"], target_rectified=spec["target_rectified"],
            place_types=PlaceType.objects.filter(code__in=spec["place_types"]),
            risk_tags=RiskTag.objects.filter(code__in=spec["risk_tags"]), phases=services.standard_phases(start, end),
            kind=spec["kind"], checklist=_checklist(spec["checklist"]),
        )  # fmt: skip
        for brigade in brigades:
            services.assignment_add(campaign=campaign, assignee=brigade, by=None, task="辖区排查整治")
        try:
            services.campaign_launch(campaign=campaign, by=None, at=_launch_at(start))
        except DomainError:
            continue  # the registry has no unit in scope (a small demo): it stays in preparation
        counts["targets"] += campaign.targets.count()
        counts["records"] += _seed_records(campaign)
        if end < timezone.localdate():
            services.campaign_close(campaign=campaign, by=None, reason="总结验收完成", at=_launch_at(end))
        counts["campaigns"] += 1
    stdout.write(
        f"campaigns: 专项整治 {len(CAMPAIGNS)} 项，整治对象 {counts['targets']} 家，整治情况登记 {counts['records']} 条。\n"
    )
    return {"campaigns": len(CAMPAIGNS), "targets": counts["targets"], "records": counts["records"]}


#: The scenarios this module takes part in (``flameblue seed-demo --scenario``): its whole seed.
SCENARIOS = {"bozhou-2019": seed}
