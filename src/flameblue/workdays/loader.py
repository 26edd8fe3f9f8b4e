"""Seeding the working-day calendar from the ``chinese-calendar`` package (the State Council's published
holiday arrangements). Rows an administrator changed by hand are never overwritten."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.db import transaction

__all__ = ["HOLIDAY_NAMES", "calendar_rows", "load_calendar", "package_years"]

#: chinese-calendar names its holidays in English; the calendar shows the official Chinese names.
HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


def package_years() -> range:
    """The years the installed chinese-calendar knows (e.g. 2004–2026 for version 1.11)."""
    from chinese_calendar.constants import holidays, workdays

    known = list(holidays) + list(workdays)
    return range(min(known).year, max(known).year + 1)


def _day(date: dt.date) -> dict[str, Any]:
    import chinese_calendar

    is_working = chinese_calendar.is_workday(date)
    _is_holiday, name = chinese_calendar.get_holiday_detail(date)
    note = ""
    if name:
        label = HOLIDAY_NAMES.get(str(name), str(name))
        note = f"{label}调休上班" if is_working else label
    return {"date": date, "is_working_day": is_working, "note": note}


def calendar_rows(years: range | None = None) -> Iterator[dict[str, Any]]:
    """One dict per date of ``years`` (default: every year the package knows)."""
    for year in years or package_years():
        day = dt.date(year, 1, 1)
        while day.year == year:
            yield _day(day)
            day += dt.timedelta(days=1)


@transaction.atomic
def load_calendar(model=None, *, years: range | None = None) -> tuple[int, int]:
    """Create missing days and refresh package-sourced ones; returns (created, updated)."""
    if model is None:
        from flameblue.workdays.models import WorkingDay as model  # noqa: N813
    from flameblue.workdays.choices import DaySource

    rows = list(calendar_rows(years))
    existing = {
        row["date"]: row
        for row in model.objects.filter(date__gte=rows[0]["date"], date__lte=rows[-1]["date"]).values(
            "date", "is_working_day", "note", "source"
        )
    }
    new, changed = [], []
    for row in rows:
        old = existing.get(row["date"])
        if old is None:
            new.append(model(source=DaySource.CHINESE_CALENDAR, **row))
        elif old["source"] != DaySource.MANUAL and (old["is_working_day"], old["note"]) != (
            row["is_working_day"],
            row["note"],
        ):
            changed.append(model(source=DaySource.CHINESE_CALENDAR, **row))
    model.objects.bulk_create(new, batch_size=1000)
    if changed:
        model.objects.bulk_update(changed, ["is_working_day", "note", "source"], batch_size=1000)
    return len(new), len(changed)
