"""Campaigns demo data for Bozhou (``flameblue seed-demo``): the five special campaigns the detachment ran in
2019 (防风险保平安迎大庆, 电气火灾综合治理, 电动自行车, 大型商业综合体, 博物馆和文物建筑), each with its phases
and scope, assigned to the county brigades and launched on its start date, so the target list is frozen from
the demo unit registry and progress is counted from the demo inspections and hazards of 2019. A second run
finds the first campaign and changes nothing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from typing import Any

from django.utils import timezone

from flameblue.campaigns import services
from flameblue.campaigns.models import Campaign
from flameblue.core.errors import DomainError
from flameblue.core.scoping import in_region
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization
from flameblue.units.models import PlaceType, RiskTag

__all__ = ["CAMPAIGNS", "seed"]

CITY = "3416"
D = dt.date

#: (name, period, place types, risk tags, targets to check, hazards to rectify)
CAMPAIGNS: list[dict[str, Any]] = [
    {"name": "防风险保平安迎大庆消防安全执法检查专项行动", "period": (D(2019, 4, 20), D(2019, 10, 10)),
     "place_types": [], "risk_tags": ["crowded"], "target_checked": 300, "target_rectified": 500},
    {"name": "电气火灾综合治理", "period": (D(2019, 3, 1), D(2019, 12, 31)),
     "place_types": ["small_places", "labour_intensive"], "risk_tags": [], "target_checked": 200,
     "target_rectified": 300},
    {"name": "电动自行车消防安全综合治理", "period": (D(2019, 5, 1), D(2019, 12, 31)),
     "place_types": ["high_rise"], "risk_tags": [], "target_checked": 150, "target_rectified": 200},
    {"name": "大型商业综合体消防安全专项整治", "period": (D(2019, 4, 1), D(2019, 11, 30)),
     "place_types": [], "risk_tags": ["large_complex"], "target_checked": 20, "target_rectified": 40},
    {"name": "博物馆和文物建筑消防安全专项治理", "period": (D(2019, 5, 1), D(2019, 9, 30)),
     "place_types": ["heritage"], "risk_tags": [], "target_checked": 30, "target_rectified": 30},
]  # fmt: skip


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
        )  # fmt: skip
        for brigade in brigades:
            services.assignment_add(campaign=campaign, assignee=brigade, by=None, task="辖区排查整治")
        try:
            services.campaign_launch(campaign=campaign, by=None, at=_launch_at(start))
        except DomainError:
            continue  # the registry has no unit in scope (a small demo): it stays in preparation
        counts["targets"] += campaign.targets.count()
        if end < timezone.localdate():
            services.campaign_close(campaign=campaign, by=None, reason="总结验收完成", at=_launch_at(end))
        counts["campaigns"] += 1
    stdout.write(f"campaigns: 专项整治 {len(CAMPAIGNS)} 项，整治对象 {counts['targets']} 家。\n")
    return {"campaigns": len(CAMPAIGNS), "targets": counts["targets"]}
