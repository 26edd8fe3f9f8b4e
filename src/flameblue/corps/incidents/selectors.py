"""Reads of incidents: counts by type and by county (for the statistics page, the API and reports)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import Substr

from flameblue.corps.incidents.choices import IncidentKind
from flameblue.geo.models import Region

__all__ = ["IncidentCounts", "incident_counts"]


@dataclass
class IncidentCounts:
    """Counts of a set of incidents: per type, per county (region code → name) and per (county, type)."""

    total: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    by_county: dict[str, int] = field(default_factory=dict)
    table: dict[str, dict[str, int]] = field(default_factory=dict)
    county_names: dict[str, str] = field(default_factory=dict)
    rescued: int = 0
    deaths: int = 0
    injuries: int = 0

    def kind_rows(self) -> list[tuple[str, str, int]]:
        return [(k, str(label), self.by_kind.get(k, 0)) for k, label in IncidentKind.choices]

    def county_rows(self) -> list[dict[str, object]]:
        return [
            {"code": code, "name": self.county_names.get(code, code), "total": n,
             "kinds": [self.table.get(code, {}).get(k, 0) for k in IncidentKind.values]}
            for code, n in sorted(self.by_county.items())
        ]  # fmt: skip


def incident_counts(incidents: QuerySet) -> IncidentCounts:
    """Counts of ``incidents`` (already scoped and filtered by the caller): two GROUP BY queries."""
    rows = (
        incidents.order_by()
        .annotate(county=Substr("region_id", 1, 6))
        .values("county", "kind")
        .annotate(n=Count("id"))
    )
    counts = IncidentCounts()
    for row in rows:
        county, kind, n = row["county"], row["kind"], row["n"]
        counts.total += n
        counts.by_kind[kind] = counts.by_kind.get(kind, 0) + n
        counts.by_county[county] = counts.by_county.get(county, 0) + n
        counts.table.setdefault(county, {})[kind] = n
    sums = incidents.order_by().aggregate(r=Sum("rescued"), d=Sum("deaths"), i=Sum("injuries"))
    counts.rescued, counts.deaths, counts.injuries = sums["r"] or 0, sums["d"] or 0, sums["i"] or 0
    counts.county_names = dict(
        Region.objects.filter(code__in=list(counts.by_county)).values_list("code", "name")
    )
    return counts
