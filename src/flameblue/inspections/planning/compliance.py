"""Unit self-inspection compliance (单位消防安全自查落实情况, 公安部令第61号 Art. 25–26).

The obligations are data (``rules/self-inspection.yaml``): key units patrol daily (kind ``self_patrol``),
all units check monthly (``self_monthly``). For one unit and a period: which days and months were due, done
and missed; a unit manager's to-do for today; and the rates (done / due) of many units grouped by township
or industry, computed in the database with one grouped query per obligation — never a query per unit.

Only finished days and months count towards rates: today's patrol and this month's check are to-dos, not
gaps, until the day or month is over."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.db.models import Case, CharField, Count, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Cast, Concat, TruncMonth
from django.urls import reverse
from django.utils import timezone

from flameblue.inspections.choices import InspectionStatus
from flameblue.inspections.models import Inspection
from flameblue.units.models import Unit

__all__ = [
    "Obligation",
    "Period",
    "SelfInspectionTodo",
    "TodoItem",
    "UnitCompliance",
    "compliance_rates",
    "obligations",
    "obligations_for",
    "self_inspection_rules",
    "self_inspection_todo",
    "unit_compliance",
    "units_with_gaps",
]

RULES_FILE = Path(__file__).resolve().parent.parent / "rules" / "self-inspection.yaml"


@lru_cache(maxsize=1)
def self_inspection_rules() -> dict[str, Any]:
    with RULES_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@dataclass(frozen=True)
class Obligation:
    code: str
    name: str
    kind: str
    applies_to: str  # key_units | all_units
    every: str  # day | month
    basis: str

    def applies(self, unit: Unit) -> bool:
        if unit.status not in self_inspection_rules()["statuses"]:
            return False
        return self.applies_to == "all_units" or bool(unit.is_key_unit)

    def unit_filter(self) -> Q:
        q = Q(status__in=self_inspection_rules()["statuses"])
        return q & Q(is_key_unit=True) if self.applies_to == "key_units" else q


def obligations() -> list[Obligation]:
    return [
        Obligation(o["code"], o["name"], o["kind"], o["applies_to"], o["every"], o.get("basis", ""))
        for o in self_inspection_rules()["obligations"]
    ]


def obligations_for(unit: Unit) -> list[Obligation]:
    return [o for o in obligations() if o.applies(unit)]


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


@dataclass(frozen=True)
class Period:
    """The finished days and months between ``start`` and ``end`` (nothing after yesterday counts)."""

    start: dt.date
    end: dt.date
    today: dt.date

    @property
    def last_day(self) -> dt.date:
        return min(self.end, self.today - dt.timedelta(days=1))

    def days(self) -> list[dt.date]:
        count = (self.last_day - self.start).days + 1
        return [self.start + dt.timedelta(days=i) for i in range(max(count, 0))]

    def months(self) -> list[dt.date]:
        """First days of the months that ended inside the period."""
        months, cursor = [], _month_start(self.start)
        while cursor <= self.last_day:
            if self.start <= _month_end(cursor) <= self.last_day:
                months.append(cursor)
            cursor = _month_end(cursor) + dt.timedelta(days=1)
        return months

    def bounds(self, every: str) -> tuple[dt.date, dt.date] | None:
        """The date range an obligation's inspections are counted in, or None when nothing is due."""
        if every == "day":
            return (self.start, self.last_day) if self.days() else None
        months = self.months()
        return (months[0], _month_end(months[-1])) if months else None

    def due_count(self, every: str) -> int:
        return len(self.days()) if every == "day" else len(self.months())


def _done_inspections(kind: str, start: dt.date, end: dt.date) -> QuerySet:
    return Inspection.objects.filter(
        kind=kind, status=InspectionStatus.SUBMITTED, inspected_on__gte=start, inspected_on__lte=end
    )


# --- One unit --------------------------------------------------------------------------------------------


@dataclass
class ObligationStatus:
    obligation: Obligation
    due: list[dt.date] = field(default_factory=list)
    done: list[dt.date] = field(default_factory=list)
    missing: list[dt.date] = field(default_factory=list)

    @property
    def rate(self) -> float | None:
        return len(self.done) / len(self.due) if self.due else None


@dataclass
class UnitCompliance:
    unit: Unit
    period: Period
    obligations: list[ObligationStatus]


def unit_compliance(
    unit: Unit, *, start: dt.date, end: dt.date, today: dt.date | None = None
) -> UnitCompliance:
    """Which patrol days and check months of ``unit`` were due in the period, done, and missing."""
    period = Period(start=start, end=end, today=today or timezone.localdate())
    statuses = []
    for obligation in obligations_for(unit):
        due = period.days() if obligation.every == "day" else period.months()
        bounds = period.bounds(obligation.every)
        done_dates: set[dt.date] = set()
        if bounds:
            dates = (
                _done_inspections(obligation.kind, *bounds)
                .filter(unit=unit)
                .values_list("inspected_on", flat=True)
            )
            done_dates = {d if obligation.every == "day" else _month_start(d) for d in dates}
        statuses.append(
            ObligationStatus(
                obligation=obligation,
                due=due,
                done=[d for d in due if d in done_dates],
                missing=[d for d in due if d not in done_dates],
            )
        )
    return UnitCompliance(unit=unit, period=period, obligations=statuses)


@dataclass(frozen=True)
class TodoItem:
    code: str
    name: str
    kind: str
    period_label: str
    done: bool
    start_url: str


@dataclass(frozen=True)
class SelfInspectionTodo:
    """A unit manager's to-do: today's patrol and this month's check, and the patrol days missed lately."""

    unit: Unit
    items: list[TodoItem]
    missed_patrol_days: list[dt.date]


def self_inspection_todo(
    unit: Unit, today: dt.date | None = None, *, look_back_days: int = 7
) -> SelfInspectionTodo:
    today = today or timezone.localdate()
    items: list[TodoItem] = []
    missed: list[dt.date] = []
    for obligation in obligations_for(unit):
        if obligation.every == "day":
            start, label = today, today.strftime("%Y-%m-%d")
        else:
            start, label = _month_start(today), f"{today.year}-{today.month:02d}"
        done = _done_inspections(obligation.kind, start, today).filter(unit=unit).exists()
        url = f"{reverse('inspections:inspection-new')}?unit={unit.pk}&kind={obligation.kind}"
        items.append(TodoItem(obligation.code, obligation.name, obligation.kind, label, done, url))
        if obligation.every == "day":
            recent = unit_compliance(
                unit, start=today - dt.timedelta(days=look_back_days), end=today, today=today
            )
            missed = next(s.missing for s in recent.obligations if s.obligation.code == obligation.code)
    return SelfInspectionTodo(unit=unit, items=items, missed_patrol_days=missed)


# --- Many units ------------------------------------------------------------------------------------------


def _done_count(
    obligation: Obligation, bounds: tuple[dt.date, dt.date], *, via: str = "inspections__"
) -> Count:
    """Distinct done days (or months) of an obligation, counted over a join from units to inspections."""
    day = f"{via}inspected_on"
    counted = day if obligation.every == "day" else TruncMonth(day)
    done = Q(**{f"{via}kind": obligation.kind, f"{via}status": InspectionStatus.SUBMITTED,
                f"{day}__gte": bounds[0], f"{day}__lte": bounds[1]})  # fmt: skip
    return Count(counted, filter=done, distinct=True)


GROUPS = {"township": ("region_id", "region__name"), "industry": ("industry_id", "industry__name")}


def _done_by_group(
    units: QuerySet, obligation: Obligation, bounds: tuple[dt.date, dt.date], key: str
) -> dict:
    """Done (unit, day) or (unit, month) pairs per group, counted from the inspections side in one query."""
    counted = F("inspected_on") if obligation.every == "day" else TruncMonth("inspected_on")
    pair = Concat(
        Cast("unit_id", CharField()), Value(":"), Cast(counted, CharField()), output_field=CharField()
    )
    rows = (
        _done_inspections(obligation.kind, *bounds)
        .filter(unit__in=units.filter(obligation.unit_filter()).values("pk"))
        .order_by()
        .values(f"unit__{key}")
        .annotate(done=Count(pair, distinct=True))
    )
    return {row[f"unit__{key}"]: row["done"] for row in rows}


def compliance_rates(units: QuerySet, *, start: dt.date, end: dt.date, group_by: str = "township",
                     today: dt.date | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """Rates per township (or industry) of ``units``: for each obligation, units bound, due, done, rate.
    Two grouped queries per obligation (units bound, done pairs), whatever the number of units."""
    period = Period(start=start, end=end, today=today or timezone.localdate())
    key, label = GROUPS[group_by]
    table: dict[Any, dict[str, Any]] = {}
    for obligation in obligations():
        due_each = period.due_count(obligation.every)
        bounds = period.bounds(obligation.every)
        done = _done_by_group(units, obligation, bounds, key) if bounds else {}
        bound = units.filter(obligation.unit_filter()).order_by().values(key, label).annotate(n=Count("pk"))
        for row in bound:
            entry = table.setdefault(row[key], {"key": row[key], "label": row[label] or "—"})
            due, finished = row["n"] * due_each, done.get(row[key], 0)
            entry[obligation.code] = {
                "units": row["n"], "due": due, "done": finished, "rate": finished / due if due else None,
            }  # fmt: skip
    for entry in table.values():
        for obligation in obligations():
            entry.setdefault(obligation.code, {"units": 0, "due": 0, "done": 0, "rate": None})
    return sorted(table.values(), key=lambda e: str(e["key"] or ""))


def units_with_gaps(
    units: QuerySet, *, start: dt.date, end: dt.date, today: dt.date | None = None
) -> QuerySet:
    """``units`` annotated with done counts per obligation (``<code>_done``) and due counts
    (``<code>_due``), limited to those that missed something in the period (one grouped query)."""
    period = Period(start=start, end=end, today=today or timezone.localdate())
    gaps = Q(pk__in=[])
    qs = units
    for obligation in obligations():
        bounds = period.bounds(obligation.every)
        due_each = period.due_count(obligation.every)
        applies = obligation.unit_filter()
        done = _done_count(obligation, bounds) if bounds else Value(0, output_field=IntegerField())
        qs = qs.annotate(**{
            f"{obligation.code}_done": done,
            f"{obligation.code}_due": Case(When(applies, then=Value(due_each)), default=Value(0),
                                           output_field=IntegerField()),
        })  # fmt: skip
        if due_each:
            gaps |= applies & Q(**{f"{obligation.code}_done__lt": due_each})
    return qs.filter(gaps)
