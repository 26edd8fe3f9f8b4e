"""Reads of honours: the honours roll (per year, per station) and the counts a year's report quotes.

For the annual report: ``honour_summary(year=2019)`` answers an :class:`HonourSummary` whose
``sentence()`` is e.g. "5名同志荣立个人三等功，52名指战员受到总队级以上表彰" — computed from the records,
never typed. Pass ``honours=Honour.objects.visible_to(user)`` to count within a user's scope (the default
counts every record: the report is the detachment's). Counted: distinct people per individual grade;
distinct people with an individual honour (any grade) at 总队 level or above (应急管理部/国家消防救援局,
总队); collective honours by grade with the units' names."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet

from flameblue.corps.honours.choices import CORPS_OR_ABOVE, HonourCategory, HonourGrade
from flameblue.corps.honours.models import Honour

__all__ = ["HonourSummary", "honour_roll", "honour_summary"]


@dataclass
class HonourSummary:
    year: int
    people_by_grade: dict[str, int] = field(default_factory=dict)
    commended_corps_or_above: int = 0
    collective: list[tuple[str, str, str]] = field(default_factory=list)  # (unit, grade label, title)
    activity_awards: int = 0

    @property
    def third_class_merits(self) -> int:
        return self.people_by_grade.get(HonourGrade.MERIT_3, 0)

    def sentence(self) -> str:
        """The report's sentence, e.g. "5名同志荣立个人三等功，52名指战员受到总队级以上表彰"."""
        parts = []
        for grade, label in ((HonourGrade.MERIT_1, "一等功"), (HonourGrade.MERIT_2, "二等功"),
                             (HonourGrade.MERIT_3, "三等功")):  # fmt: skip
            if self.people_by_grade.get(grade):
                parts.append(f"{self.people_by_grade[grade]}名同志荣立个人{label}")
        parts.append(f"{self.commended_corps_or_above}名指战员受到总队级以上表彰")
        return "，".join(parts)


def _year(honours: QuerySet, year: int) -> QuerySet:
    return honours.filter(awarded_on__gte=dt.date(year, 1, 1), awarded_on__lt=dt.date(year + 1, 1, 1))


def honour_summary(*, year: int, honours: QuerySet | None = None) -> HonourSummary:
    """The counts of ``year``'s honours (see the module docstring); three queries."""
    base = _year(honours if honours is not None else Honour.objects.all(), year).order_by()
    individual = base.filter(category=HonourCategory.INDIVIDUAL, person__isnull=False)
    summary = HonourSummary(year=year)
    for row in individual.values("grade").annotate(n=Count("person", distinct=True)):
        summary.people_by_grade[row["grade"]] = row["n"]
    summary.commended_corps_or_above = (
        individual.filter(level__in=CORPS_OR_ABOVE).values("person").distinct().count()
    )
    collective = (
        base.filter(category=HonourCategory.COLLECTIVE).select_related("unit").order_by("awarded_on", "id")
    )
    summary.collective = [
        (h.unit.short_name or h.unit.name, h.get_grade_display(), h.title) for h in collective
    ]
    summary.activity_awards = base.filter(category=HonourCategory.ACTIVITY).count()
    return summary


def honour_roll(honours: QuerySet, *, year: int) -> list[tuple[str, list[Honour]]]:
    """``year``'s honours grouped by unit (station or office), units by name, honours by date."""
    rows = _year(honours, year).select_related("unit", "person").order_by("unit__name", "awarded_on", "id")
    roll: dict[str, list[Honour]] = {}
    for honour in rows:
        roll.setdefault(honour.unit.short_name or honour.unit.name, []).append(honour)
    return list(roll.items())
