"""Reads of the working-day calendar for pages."""

from __future__ import annotations

from flameblue.workdays.choices import DaySource
from flameblue.workdays.models import WorkingDay

__all__ = ["special_days"]


def special_days(year: int) -> list[WorkingDay]:
    """The days of ``year`` that differ from Monday–Friday, plus any an administrator touched (≤ 366 rows)."""
    rows = WorkingDay.objects.filter(date__year=year).select_related("updated_by")
    return [day for day in rows if not day.is_standard or day.source == DaySource.MANUAL]
