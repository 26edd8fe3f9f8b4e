"""Reads of the monthly assessment: each station's per-item scores, total and rank, computed from the
recorded results (never stored by hand)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg

from flameblue.corps.models import AssessmentItem, AssessmentPlan, AssessmentResult

__all__ = ["StationStanding", "ranking"]


@dataclass
class StationStanding:
    """One station's line of the month's table: score per item (the mean of its members' or crews'
    scores; a missing item counts 0), total (the mean over the plan's items), and rank."""

    station_id: int
    name: str
    item_scores: dict[int, Decimal | None] = field(default_factory=dict)
    total: Decimal = Decimal(0)
    rank: int = 0


def ranking(plan: AssessmentPlan, results=None) -> tuple[list[AssessmentItem], list[StationStanding]]:
    """The plan's items and its stations ranked by total (ties share a rank)."""
    items = list(plan.items.order_by("order", "code"))
    results = results if results is not None else AssessmentResult.objects.filter(plan=plan)
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
