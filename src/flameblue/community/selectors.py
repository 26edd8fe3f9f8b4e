"""Reads of the plan discipline "年有计划、季有安排、月有内容": for every pairing visible to a user and a year,
what is due by today and what is missing — no annual plan, a quarter without an arrangement, a month without
content, a finished month without an activity — computed in four queries, never stored."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.db.models.functions import ExtractMonth

from flameblue.community.models import Activity, AnnualPlan, MonthlyContent, Partner, QuarterArrangement

__all__ = [
    "BrigadeCompliance",
    "MonthCell",
    "PairingDiscipline",
    "brigade_compliance",
    "due_counts",
    "plan_discipline",
]

OK, NO_ACTIVITY, NO_CONTENT, NO_PLAN, NOT_DUE = "ok", "no_activity", "no_content", "no_plan", "not_due"


@dataclass(frozen=True)
class MonthCell:
    """One cell of the heat map (pairing × month): ``state`` is ok, no_activity, no_content, no_plan or
    not_due (a month still to come)."""

    month: int
    state: str
    activities: int


@dataclass
class PairingDiscipline:
    partner: Partner
    plan: AnnualPlan | None
    missing_quarters: list[int] = field(default_factory=list)
    months_without_content: list[int] = field(default_factory=list)
    months_without_activity: list[int] = field(default_factory=list)
    cells: list[MonthCell] = field(default_factory=list)

    @property
    def missing_plan(self) -> bool:
        return self.plan is None

    @property
    def compliant(self) -> bool:
        return not (
            self.missing_plan
            or self.missing_quarters
            or self.months_without_content
            or self.months_without_activity
        )


@dataclass(frozen=True)
class BrigadeCompliance:
    brigade: str
    pairings: int
    compliant: int

    @property
    def rate(self) -> float:
        return round(100 * self.compliant / self.pairings, 1) if self.pairings else 0.0


def due_counts(year: int, today: dt.date) -> tuple[int, int, int]:
    """(quarters due, months whose content is due, months whose activity is due) for ``year`` on ``today``:
    all of a past year; this year up to today's quarter and month (an activity once its month is over)."""
    if year < today.year:
        return 4, 12, 12
    if year > today.year:
        return 0, 0, 0
    return (today.month - 1) // 3 + 1, today.month, today.month - 1


def plan_discipline(partners: QuerySet[Partner], year: int, today: dt.date) -> list[PairingDiscipline]:
    """The discipline of every active partner in ``partners`` for ``year`` as of ``today``."""
    partners = list(
        partners.filter(active=True).select_related("station__parent").order_by("region_id", "name")
    )
    ids = [p.pk for p in partners]
    plans = {p.partner_id: p for p in AnnualPlan.objects.filter(partner_id__in=ids, year=year)}
    quarters: dict[int, set[int]] = defaultdict(set)
    for plan_id, quarter in QuarterArrangement.objects.filter(plan__in=plans.values()).values_list(
        "plan", "quarter"
    ):
        quarters[plan_id].add(quarter)
    months: dict[int, set[int]] = defaultdict(set)
    for plan_id, month in MonthlyContent.objects.filter(plan__in=plans.values()).values_list("plan", "month"):
        months[plan_id].add(month)
    done: dict[tuple[int, int], int] = defaultdict(int)
    rows = (
        Activity.objects.filter(partner_id__in=ids, held_on__year=year)
        .annotate(m=ExtractMonth("held_on"))
        .values_list("partner_id", "m")
    )
    for partner_id, month in rows:
        done[(partner_id, month)] += 1
    q_due, content_due, activity_due = due_counts(year, today)
    result = []
    for partner in partners:
        plan = plans.get(partner.pk)
        row = PairingDiscipline(partner=partner, plan=plan)
        planned = months[plan.pk] if plan else set()
        if plan is not None:
            row.missing_quarters = [q for q in range(1, q_due + 1) if q not in quarters[plan.pk]]
            row.months_without_content = [m for m in range(1, content_due + 1) if m not in planned]
        row.months_without_activity = [m for m in range(1, activity_due + 1) if not done[(partner.pk, m)]]
        for m in range(1, 13):
            count = done[(partner.pk, m)]
            if m > content_due:
                state = OK if count else NOT_DUE
            elif plan is None:
                state = NO_PLAN
            elif m not in planned:
                state = NO_CONTENT
            elif m <= activity_due and not count:
                state = NO_ACTIVITY
            else:
                state = OK
            row.cells.append(MonthCell(m, state, count))
        result.append(row)
    return result


def brigade_of(partner: Partner) -> str:
    station = partner.station
    if station.kind == "brigade" or station.parent is None:
        return station.name
    return station.parent.name


def brigade_compliance(rows: list[PairingDiscipline]) -> list[BrigadeCompliance]:
    """Compliance rates per brigade (a pairing is compliant when nothing due is missing)."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        entry = totals[brigade_of(row.partner)]
        entry[0] += 1
        entry[1] += int(row.compliant)
    return [BrigadeCompliance(name, n, ok) for name, (n, ok) in sorted(totals.items())]
