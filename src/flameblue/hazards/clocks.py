"""The three clocks of 《消防监督检查规定》 on the due lists and in the sweep:

- 第十九条: 责令限期改正通知书 within three working days of the inspection (``Hazard.notice_due``);
- 第二十一条: the handling opinion within seven working days of the inspection
  (``MajorHazardProcedure.opinion_due``) and the 重大火灾隐患整改通知书 within three working days of the
  determination (``MajorHazardProcedure.notice_due``), ten more with an expert panel.

Each sweep job first brings the procedure clocks in line with the determinations, then claims every late
row once with a conditional update of its ``*_late_at`` column and tells the brigade: running it twice, in
parallel or after an outage reminds once per row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from flameblue.core.notify import Message, notify
from flameblue.hazards.choices import HazardStatus
from flameblue.hazards.models import Hazard, MajorHazardProcedure
from flameblue.hazards.notifications import _brigades, people_who_may
from flameblue.hazards.procedure import procedure_sync

__all__ = ["CLOCKS", "Clock", "clock_counts", "late", "pending", "run_clocks"]


@dataclass(frozen=True)
class Clock:
    key: str
    label: Any
    model: type
    due_field: str
    late_field: str
    pending: Q
    title: Any


CLOCKS: dict[str, Clock] = {
    "notice": Clock(
        "notice", gettext_lazy("待送达整改通知书（第十九条，3个工作日）"), Hazard, "notice_due", "notice_late_at",
        Q(notice__isnull=True, status=HazardStatus.FOUND, notice_due__isnull=False),
        gettext_lazy("%(unit)s 的火灾隐患逾期未送达责令限期改正通知书"),
    ),
    "opinion": Clock(
        "opinion", gettext_lazy("待提出重大隐患处理意见（第二十一条，7个工作日）"), MajorHazardProcedure,
        "opinion_due", "opinion_late_at", Q(opinion_at__isnull=True),
        gettext_lazy("%(unit)s 的重大火灾隐患逾期未提出处理意见、报告政府"),
    ),
    "major_notice": Clock(
        "major_notice", gettext_lazy("待送达重大火灾隐患整改通知书（第二十一条，3个工作日）"),
        MajorHazardProcedure, "notice_due", "notice_late_at",
        Q(notice_issued_at__isnull=True, notice_due__isnull=False),
        gettext_lazy("%(unit)s 的重大火灾隐患逾期未送达重大火灾隐患整改通知书"),
    ),
}  # fmt: skip


def pending(key: str, queryset: QuerySet | None = None) -> QuerySet:
    """Rows whose clock ``key`` runs (not yet done), optionally narrowed from a scoped queryset."""
    clock = CLOCKS[key]
    qs = clock.model.objects.all() if queryset is None else queryset
    if clock.model is MajorHazardProcedure:
        qs = qs.exclude(
            hazard__status__in=(HazardStatus.CLOSED, HazardStatus.WITHDRAWN, HazardStatus.DISMISSED)
        )
    return qs.filter(clock.pending)


def late(key: str, today: dt.date, queryset: QuerySet | None = None) -> QuerySet:
    clock = CLOCKS[key]
    return pending(key, queryset).filter(**{f"{clock.due_field}__lt": today})


def clock_counts(user: Any, today: dt.date) -> dict[str, tuple[int, int]]:
    """(running, late) per clock within the user's scope — for the work queue."""
    counts = {}
    for key, clock in CLOCKS.items():
        scoped = clock.model.objects.visible_to(user, "view")
        found = pending(key, scoped).aggregate(
            running=Count("pk"), late=Count("pk", filter=Q(**{f"{clock.due_field}__lt": today}))
        )
        counts[key] = (found["running"], found["late"])
    return counts


def _hazard(row: Any) -> Hazard:
    return row if isinstance(row, Hazard) else row.hazard


@dataclass
class ClockResult:
    key: str
    today: dt.date
    synced: int = 0
    reminded: int = 0

    def summary(self) -> str:
        return f"{self.key} {self.today.isoformat()} — {self.reminded} late reminders, {self.synced} clocks updated"


def _remind(clock: Clock, row: Any) -> None:
    hazard = _hazard(row)
    due = getattr(row, clock.due_field)
    users = people_who_may(_brigades(hazard.region_id), "hazards.hazard.confirm", hazard)
    title = _("【程序时限】") + clock.title % {"unit": hazard.unit.name}
    body = _("期限：%(due)s。") % {"due": date_format(due, "Y-m-d")}
    link = reverse("hazards:hazard-detail", kwargs={"pk": hazard.pk})
    notify(users, Message(title, body, link, "warning"), dedupe_key=f"order120:{clock.key}:{row.pk}:{due}")


def run_clocks(key: str, *, today: dt.date | None = None) -> ClockResult:
    """Remind once for every row of clock ``key`` that ran out before ``today``."""
    today = today or timezone.localdate()
    clock = CLOCKS[key]
    result = ClockResult(key, today)
    if clock.model is MajorHazardProcedure:
        result.synced = procedure_sync(today=today)
    candidates = late(key, today).filter(**{f"{clock.late_field}__isnull": True})
    for pk in list(candidates.values_list("pk", flat=True)[:5000]):
        claimed = clock.model.objects.filter(pk=pk, **{f"{clock.late_field}__isnull": True}).update(
            **{clock.late_field: timezone.now()}
        )
        if claimed:
            row = clock.model.objects.select_related(
                *(["unit"] if clock.model is Hazard else ["hazard__unit"])
            ).get(pk=pk)
            _remind(clock, row)
            result.reminded += 1
    return result


def sweep_job(key: str) -> Callable[..., ClockResult]:
    def run(*, today: dt.date | None = None) -> ClockResult:
        return run_clocks(key, today=today)

    return run
