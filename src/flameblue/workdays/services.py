"""Working-day arithmetic (工作日计算) on the editable calendar, and the calendar's audited edits.

Deadlines counted in working days (a tip checked within 3 working days, a listing decision within 7) are
computed here. Lookups are served from a per-process cache holding, for each year, only the days that differ
from a plain Monday–Friday week (holidays on weekdays, make-up working days on weekends), so counting a
deadline costs no query once a year is loaded. An edit clears the cache at once in its own process and, via
a generation key in Django's shared cache, in every other process within ``GENERATION_CHECK_SECONDS``.

A date in a year the calendar does not fully know falls back to Monday–Friday (plus any single days an
administrator entered) and the result carries a warning, which is also logged for the administrator.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any, Literal

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import audit
from flameblue.core.errors import ConcurrencyError, DomainError, PermissionDeniedError
from flameblue.core.scoping import has_action
from flameblue.workdays.choices import DaySource
from flameblue.workdays.models import WorkingDay

__all__ = [
    "Deadline",
    "add_calendar_days",
    "add_working_days",
    "calendar_year_create",
    "due_date",
    "invalidate_cache",
    "is_working_day",
    "known_years",
    "outside_calendar_warning",
    "working_day_set",
    "working_days_between",
]

logger = logging.getLogger("flameblue.workdays")

GENERATION_KEY = "flameblue:workdays:generation"
GENERATION_CHECK_SECONDS = 30.0

Unit = Literal["working", "calendar"]


@dataclass(frozen=True)
class Deadline:
    """A computed due date; ``warning`` is set when the calendar did not know a day it had to count."""

    date: dt.date
    warning: str | None = None


class _CalendarCache:
    """Per-process cache: the set of fully known years and, per year, the non-standard days."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.clear()

    def clear(self) -> None:
        self.warned: set[int] = set()
        self.known: frozenset[int] | None = None
        self.years: dict[int, dict[dt.date, bool]] = {}
        self.generation: Any = None
        self.checked_at = 0.0

    def _check_generation(self) -> None:
        now = time.monotonic()
        if now - self.checked_at < GENERATION_CHECK_SECONDS:
            return
        try:
            generation = cache.get(GENERATION_KEY)
        except Exception:  # a missing cache table must not stop deadline arithmetic; fall back to local
            logger.exception("working-day calendar: shared cache unreadable")
            generation = self.generation
        if generation != self.generation:
            self.known, self.years = None, {}
            self.generation = generation
        self.checked_at = now

    def known_years(self) -> frozenset[int]:
        with self.lock:
            self._check_generation()
            if self.known is None:
                counts = (
                    WorkingDay.objects.annotate(year=ExtractYear("date"))
                    .values("year")
                    .annotate(days=Count("date"))
                    .values_list("year", "days")
                )
                self.known = frozenset(year for year, days in counts if days == _days_in_year(year))
            return self.known

    def first_warning(self, year: int) -> bool:
        """True the first time a missing ``year`` is reported in this process (since the last edit)."""
        with self.lock:
            first = year not in self.warned
            self.warned.add(year)
            return first

    def exceptions(self, year: int) -> dict[dt.date, bool]:
        with self.lock:
            self._check_generation()
            found = self.years.get(year)
            if found is None:
                rows = WorkingDay.objects.filter(date__year=year).values_list("date", "is_working_day")
                found = {day: working for day, working in rows if working != (day.weekday() < 5)}
                self.years[year] = found
            return found


_cache = _CalendarCache()


def _days_in_year(year: int) -> int:
    return (dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days


def invalidate_cache() -> None:
    """Forget cached days here now and, through the shared generation key, in every other process."""
    _cache.clear()
    try:
        cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:  # other processes then refresh only when restarted; say so loudly
        logger.exception("working-day calendar: could not publish the edit to other processes")


def known_years() -> frozenset[int]:
    """Years whose every day is in the calendar table."""
    return _cache.known_years()


def outside_calendar_warning(day: dt.date) -> str | None:
    """The warning for a date the calendar does not know, or None. Logged for the administrator once per
    year and process (a seeding run or a sweep counts hundreds of deadlines into the same year)."""
    if day.year in known_years():
        return None
    message = _(
        "工作日历里还没有 %(year)s 年的放假安排，%(date)s 前后的期限暂按周一至周五计算。"
        "国务院公布 %(year)s 年放假安排后，请管理员在“工作日历”中补充。"
    ) % {"date": day.isoformat(), "year": day.year}
    if _cache.first_warning(day.year):
        logger.warning("working-day calendar: %s", message)
    return message


def is_working_day(day: dt.date) -> bool:
    """Whether ``day`` is a working day (Monday–Friday outside the known calendar)."""
    day = _as_date(day)
    return _cache.exceptions(day.year).get(day, day.weekday() < 5)


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def add_working_days(start: dt.date | dt.datetime, n: int) -> Deadline:
    """The date ``n`` working days after ``start`` (``start`` itself not counted); negative ``n`` goes back."""
    day = _as_date(start)
    step = 1 if n >= 0 else -1
    remaining = abs(n)
    warning = None
    while remaining:
        day += dt.timedelta(days=step)
        if warning is None:
            warning = outside_calendar_warning(day)
        if is_working_day(day):
            remaining -= 1
    return Deadline(day, warning)


def add_calendar_days(start: dt.date | dt.datetime, n: int) -> Deadline:
    """The date ``n`` calendar days after ``start``."""
    return Deadline(_as_date(start) + dt.timedelta(days=n), None)


def _weekdays_through(day: dt.date) -> int:
    """Monday–Friday days from 0001-01-01 (a Monday) through ``day``."""
    weeks, rest = divmod(day.toordinal(), 7)
    return weeks * 5 + min(rest, 5)


def working_days_between(a: dt.date | dt.datetime, b: dt.date | dt.datetime) -> int:
    """Working days after ``a`` up to and including ``b`` (negative when ``b`` is before ``a``), so that
    ``working_days_between(a, add_working_days(a, n).date) == n``. Costs one dict walk per year, not per day."""
    a, b = _as_date(a), _as_date(b)
    if b < a:
        return -working_days_between(b, a)
    count = _weekdays_through(b) - _weekdays_through(a)
    for year in range(a.year, b.year + 1):
        first_counted = max(a + dt.timedelta(days=1), dt.date(year, 1, 1))
        if first_counted <= b:
            outside_calendar_warning(first_counted)
        for day, working in _cache.exceptions(year).items():
            if a < day <= b:
                count += 1 if working else -1
    return count


def due_date(start: dt.date | dt.datetime, amount: int, unit: Unit | str) -> Deadline:
    """A deadline ``amount`` days after ``start`` in ``unit`` ("working" or "calendar")."""
    if unit == "working":
        return add_working_days(start, amount)
    if unit == "calendar":
        return add_calendar_days(start, amount)
    raise DomainError(
        _("期限单位须为“working”（工作日）或“calendar”（自然日），收到 %(unit)s。") % {"unit": unit},
        field="unit",
    )


def _require_change(by: Any) -> None:
    if by is not None and not has_action(by, WorkingDay, "change"):
        raise PermissionDeniedError(_("您没有修改工作日历的权限。"))


def _after_edit() -> None:
    _cache.clear()
    transaction.on_commit(invalidate_cache)


@transaction.atomic
def working_day_set(
    *,
    date: dt.date,
    is_working: bool,
    note: str = "",
    by: Any,
    reason: str = "",
    expected_version: int | None = None,
) -> WorkingDay:
    """Mark ``date`` as a working or rest day (an administrator's correction, audited)."""
    _require_change(by)
    actor = by if getattr(by, "pk", None) else None
    current = WorkingDay.objects.select_for_update().filter(date=date).first()
    if current is None:
        current = WorkingDay(date=date, created_by=actor)
        before: dict[str, Any] = {}
    else:
        if expected_version is not None and current.version != expected_version:
            raise ConcurrencyError(_("该日期已被其他管理员修改，请刷新后重新编辑。"))
        before = audit.snapshot(current)
        current.version += 1
    current.is_working_day = is_working
    current.note = note.strip()
    current.source = DaySource.MANUAL
    current.updated_by = actor
    current.updated_at = timezone.now()
    current.full_clean()
    current.save()
    action = audit.AuditAction.UPDATE if before else audit.AuditAction.CREATE
    audit.record(
        action, by=by, obj=current, changes=audit.diff(before, audit.snapshot(current)), reason=reason
    )
    _after_edit()
    return current


@transaction.atomic
def calendar_year_create(*, year: int, by: Any) -> int:
    """Fill the missing days of ``year`` as Monday–Friday so an administrator can then mark its holidays
    (for a year the chinese-calendar package does not know yet). Returns the number of days created."""
    _require_change(by)
    if not 1900 <= year <= 2200:
        raise DomainError(_("年份须在 1900–2200 之间。"), field="year")
    actor = by if getattr(by, "pk", None) else None
    existing = set(WorkingDay.objects.filter(date__year=year).values_list("date", flat=True))
    day, new = dt.date(year, 1, 1), []
    while day.year == year:
        if day not in existing:
            new.append(
                WorkingDay(
                    date=day,
                    is_working_day=day.weekday() < 5,
                    source=DaySource.WEEKDAY_DEFAULT,
                    created_by=actor,
                    updated_by=actor,
                )
            )
        day += dt.timedelta(days=1)
    WorkingDay.objects.bulk_create(new)
    audit.record(
        audit.AuditAction.CREATE,
        by=by,
        object_type="workdays.workingday",
        object_id=str(year),
        object_repr=_("%(year)s 年工作日历") % {"year": year},
        changes={"created_days": len(new)},
    )
    _after_edit()
    return len(new)
