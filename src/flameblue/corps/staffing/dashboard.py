"""The corps' part of the home page: this month's station assessment (planned, results entered, published)
and the latest published ranking, limited to the user's part of the corps chain (the detachment all, a
brigade its stations, a station itself). Registered in ``CorpsConfig.ready()`` through ``setup.py``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse

from flameblue.core.dashboard import register_panel
from flameblue.core.scoping import has_action
from flameblue.corps.choices import PlanStatus
from flameblue.corps.models import AssessmentPlan, AssessmentResult
from flameblue.corps.selectors import ranking
from flameblue.corps.staffing.chain import STATION_KINDS, chain_q
from flameblue.org.models import Organization

__all__ = ["assessment_panel", "register"]


def _stations(user: Any):
    """The stations whose results ``user`` may see along the chain."""
    q = chain_q(user, AssessmentResult, "view", station="id", region="region_id")
    stations = Organization.objects.filter(kind__in=STATION_KINDS)
    return stations if q is None else stations.filter(q)


def _plan_link(user: Any, plan: AssessmentPlan) -> str:
    if AssessmentPlan.objects.visible_to(user).filter(pk=plan.pk).exists():
        return reverse("corps:plan-detail", kwargs={"pk": plan.pk})
    return reverse("corps:public-plan-detail", kwargs={"pk": plan.pk}) if plan.published_at else ""


def _this_month(user: Any, today: dt.date, station_ids: set[int]) -> dict[str, Any] | None:
    plan = (
        AssessmentPlan.objects.filter(month=today.replace(day=1), stations__in=station_ids)
        .distinct()
        .order_by("id")
        .first()
    )
    if plan is None:
        return None
    results = AssessmentResult.objects.visible_to(user).filter(
        plan=plan, station_id__in=station_ids, superseded_by__isnull=True
    )
    in_scope = plan.stations.filter(pk__in=station_ids).count()
    return {
        "plan": plan,
        "stations": in_scope,
        "results": results.count(),
        "stations_entered": results.values("station_id").distinct().count(),
        "published": plan.status == PlanStatus.PUBLISHED,
        "url": _plan_link(user, plan),
    }


def _latest_ranking(user: Any, station_ids: set[int]) -> dict[str, Any] | None:
    plan = (
        AssessmentPlan.objects.filter(status=PlanStatus.PUBLISHED, stations__in=station_ids)
        .distinct()
        .order_by("-month", "-id")
        .first()
    )
    if plan is None:
        return None
    _items, standings = ranking(plan)
    mine = [s for s in standings if s.station_id in station_ids]
    return {"plan": plan, "rows": mine[:8], "of": len(standings), "url": _plan_link(user, plan)}


def assessment_panel(user: Any, today: dt.date) -> dict[str, Any] | None:
    if not has_action(user, AssessmentResult, "view"):
        return None
    station_ids = set(_stations(user).values_list("pk", flat=True))
    if not station_ids:
        return None
    return {"month": _this_month(user, today, station_ids), "latest": _latest_ranking(user, station_ids),
            "today": today}  # fmt: skip


def register() -> None:
    register_panel(
        "corps_assessment", assessment_panel, homes=["command", "inspector", "station", "corps"], order=45,
        template="corps/staffing/_panel.html",
    )  # fmt: skip
