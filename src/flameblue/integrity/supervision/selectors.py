"""Reads of the supervision sub-domain: the "三个必到" due list with each member's compliance, and a
finding's evidence and timeline."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from flameblue.integrity.models import LiaisonPoint, LiaisonVisit
from flameblue.integrity.supervision.models import MustAttendOccasion
from flameblue.integrity.supervision.policy import Occasion, must_attend_policy

__all__ = ["MustAttendRow", "must_attend_compliance", "must_attend_due"]

MET, MISSED, PENDING = "met", "missed", "pending"


@dataclass(frozen=True)
class MustAttendRow:
    """One liaison point against one occasion: the window in which its member had to go, and the visit."""

    point: LiaisonPoint
    occasion: Occasion
    title: str
    occurred_on: dt.date
    window_start: dt.date
    window_end: dt.date
    visited_on: dt.date | None
    today: dt.date

    @property
    def state(self) -> str:
        if self.visited_on is not None:
            return MET
        return MISSED if self.window_end < self.today else PENDING


def _occurrences(points: list[LiaisonPoint], year: int, on: dt.date, recorded) -> list[tuple[Any, ...]]:
    """(point, occasion, title, occurred_on) for the year's occasions up to ``on``."""
    policy = must_attend_policy()
    found: list[tuple[Any, ...]] = []
    by_org: dict[int, list[LiaisonPoint]] = defaultdict(list)
    for point in points:
        by_org[point.organization_id].append(point)
    for rule in policy.occasions:
        if rule.trigger != "calendar":
            continue
        for name, day in sorted(rule.dates.get(year, {}).items(), key=lambda kv: kv[1]):
            if rule.window(day)[0] <= on:
                found.extend((p, rule, name, day) for p in points if p.since <= day)
    for occ in recorded:
        rule = policy.get(occ.occasion)
        if rule is None:
            continue
        found.extend((p, rule, occ.description[:60], occ.occurred_on) for p in by_org[occ.organization_id]
                     if p.since <= occ.occurred_on)  # fmt: skip
    return found


def must_attend_due(points, occasions, *, on: dt.date) -> list[MustAttendRow]:
    """Every active point (of ``points``, scoped) against every occasion of the year of ``on`` that had
    started by ``on``: the festivals of the rule file and the recorded occasions (of ``occasions``, scoped)
    at the point's station or brigade. A visit to the point inside the occasion's window is attendance."""
    active = list(points.filter(active=True).select_related("member", "organization"))
    recorded = occasions.filter(occurred_on__year=on.year, occurred_on__lte=on)
    found = _occurrences(active, on.year, on, recorded)
    visits: dict[int, list[dt.date]] = defaultdict(list)
    rows_visits = LiaisonVisit.objects.filter(
        point__in=[p.pk for p in active], visited_on__gte=dt.date(on.year, 1, 1) - dt.timedelta(days=7)
    ).values_list("point_id", "visited_on")
    for point_id, day in rows_visits:
        visits[point_id].append(day)
    rows = []
    for point, rule, title, day in found:
        start, end = rule.window(day)
        hit = min((v for v in visits[point.pk] if start <= v <= end), default=None)
        rows.append(MustAttendRow(point, rule, title, day, start, end, hit, on))
    order = {MISSED: 0, PENDING: 1, MET: 2}
    rows.sort(key=lambda r: (order[r.state], r.point.member.name, r.occurred_on, r.point.organization.name))
    return rows


def must_attend_compliance(rows: list[MustAttendRow]) -> list[dict[str, Any]]:
    """Per member: occasions met, missed and still open, and the rate over those decided."""
    summary: dict[int, dict[str, Any]] = {}
    for row in rows:
        entry = summary.setdefault(
            row.point.member_id, {"member": row.point.member, MET: 0, MISSED: 0, PENDING: 0}
        )
        entry[row.state] += 1
    for entry in summary.values():
        decided = entry[MET] + entry[MISSED]
        entry["rate"] = round(100 * entry[MET] / decided) if decided else None
    return sorted(summary.values(), key=lambda e: (-e[MISSED], e["member"].name))


def occasions_of(user: Any):
    return MustAttendOccasion.objects.visible_to(user, "view").select_related("organization")
