"""Reads of the monthly assessment: each station's per-item scores, total and rank, computed from the
recorded results (never stored by hand)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count

from flameblue.corps.choices import PlanStatus
from flameblue.corps.models import AssessmentItem, AssessmentPlan, AssessmentResult

__all__ = ["StationStanding", "StationTrend", "published_plans", "ranking", "station_trends", "weakest_items"]


@dataclass
class StationStanding:
    """One station's line of the month's table: score per item (the mean of its members' or crews'
    scores; a missing item counts 0), total (the mean over the plan's items), and rank."""

    station_id: int
    name: str
    item_scores: dict[int, Decimal | None] = field(default_factory=dict)
    total: Decimal = Decimal(0)
    rank: int = 0


def published_plans():
    """The months on the public 公示 page (open to anyone, no scoping: a 公示 is public)."""
    return AssessmentPlan.objects.filter(status=PlanStatus.PUBLISHED).order_by("-month")


def ranking(plan: AssessmentPlan, results=None) -> tuple[list[AssessmentItem], list[StationStanding]]:
    """The plan's items and its stations ranked by total (ties share a rank)."""
    items = list(plan.items.order_by("order", "code"))
    results = (results if results is not None else AssessmentResult.objects.filter(plan=plan)).filter(
        superseded_by__isnull=True
    )
    means = {
        (row["station_id"], row["item_id"]): row["mean"]
        for row in results.values("station_id", "item_id").annotate(mean=Avg("score"))
    }
    standings = []
    for station in plan.stations.order_by("name"):
        scores = {i.pk: means.get((station.pk, i.pk)) for i in items}
        known = [Decimal(s) for s in scores.values() if s is not None]
        total = (sum(known, Decimal(0)) / len(items)).quantize(Decimal("0.01")) if items else Decimal(0)
        standings.append(
            StationStanding(
                station.pk,
                station.short_name or station.name,
                {
                    k: (Decimal(v).quantize(Decimal("0.1")) if v is not None else None)
                    for k, v in scores.items()
                },
                total,
            )
        )
    standings.sort(key=lambda s: (-s.total, s.name))
    for index, standing in enumerate(standings):
        previous = standings[index - 1] if index else None
        standing.rank = previous.rank if previous and previous.total == standing.total else index + 1
    return items, standings


@dataclass
class StationTrend:
    """One station's totals over the published months (None: not assessed that month)."""

    name: str
    totals: list[Decimal | None]


def station_trends(plans: list[AssessmentPlan]) -> tuple[list[AssessmentPlan], list[StationTrend]]:
    """Each station's total month over month across ``plans`` (oldest first)."""
    plans = sorted(plans, key=lambda p: p.month)
    lines: dict[int, StationTrend] = {}
    for index, plan in enumerate(plans):
        _items, standings = ranking(plan)
        for standing in standings:
            line = lines.setdefault(standing.station_id, StationTrend(standing.name, [None] * len(plans)))
            line.totals[index] = standing.total
    return plans, sorted(lines.values(), key=lambda t: t.name)


def weakest_items(plans: list[AssessmentPlan], limit: int = 5) -> list[dict[str, object]]:
    """The detachment's weakest items over ``plans``: mean score and how many results, lowest first."""
    rows = (
        AssessmentResult.objects.filter(plan__in=plans, superseded_by__isnull=True)
        .values("item__code", "item__title")
        .annotate(mean=Avg("score"), n=Count("id"))
        .order_by("mean", "item__code")[:limit]
    )
    return [
        {
            "code": r["item__code"],
            "title": r["item__title"],
            "mean": Decimal(r["mean"]).quantize(Decimal("0.1")),
            "n": r["n"],
        }
        for r in rows
    ]
