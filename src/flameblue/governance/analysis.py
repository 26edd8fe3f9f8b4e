"""Situation analyses due (消防安全形势研判到期): each committee at the levels of
``rules/situation-analysis.yaml`` is due to hold one analysis meeting (会议类型“研判”) per period — a county
committee monthly by the 25th, the city committee quarterly by the 25th of the quarter's last month. The
sweep makes the rows of the year's periods up to today, links analysis meetings recorded in a period, flags
the periods past their due date without one as overdue and tells the committee's government, the committee
office and the fire organization that prepares the analysis — once per period (claimed with a conditional
update and a deduplicated notification, so the sweep may run twice)."""

from __future__ import annotations

import calendar
import datetime as dt
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from flameblue.core.notify import Message, notify
from flameblue.governance.choices import MeetingKind
from flameblue.governance.models import AnalysisDue, Committee, Meeting
from flameblue.governance.services import organization_users
from flameblue.org.models import Organization

__all__ = [
    "AnalysisSweep",
    "Schedule",
    "analysis_rules",
    "link_meeting",
    "periods",
    "refresh_dues",
    "schedules",
    "sweep_situation_analyses",
]

logger = logging.getLogger("flameblue.sweep")
RULES_FILE = Path(__file__).resolve().parent / "rules" / "situation-analysis.yaml"


@lru_cache(maxsize=1)
def analysis_rules() -> dict[str, Any]:
    with RULES_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@dataclass(frozen=True)
class Schedule:
    code: str
    name: str
    level: str
    every: str  # month | quarter
    due_day: int
    prepared_by: str


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    label: str
    due_on: dt.date


def schedules() -> list[Schedule]:
    return [
        Schedule(s["code"], s["name"], s["level"], s["every"], int(s["due_day"]), s["prepared_by"])
        for s in analysis_rules()["schedules"]
    ]


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def periods(schedule: Schedule, year: int, *, until: dt.date) -> list[Period]:
    """The schedule's periods of ``year`` that have begun by ``until``."""
    step = 1 if schedule.every == "month" else 3
    found = []
    for first_month in range(1, 13, step):
        start = dt.date(year, first_month, 1)
        if start > until:
            break
        last_month = first_month + step - 1
        end = _last_day(year, last_month)
        due = dt.date(year, last_month, min(schedule.due_day, end.day))
        if schedule.every == "month":
            label = _("%(y)d年%(m)d月") % {"y": year, "m": first_month}
        else:
            label = _("%(y)d年第%(q)d季度") % {"y": year, "q": (first_month - 1) // 3 + 1}
        found.append(Period(start, end, label, due))
    return found


def _committees(schedule: Schedule):
    return Committee.objects.filter(is_active=True, region__level=schedule.level).order_by("region_id")


def _analysis_meeting(committee_id: int, start: dt.date, end: dt.date) -> Meeting | None:
    return (
        Meeting.objects.filter(
            committee_id=committee_id, kind=MeetingKind.ANALYSIS, held_on__gte=start, held_on__lte=end
        )
        .order_by("held_on", "pk")
        .first()
    )


def refresh_dues(today: dt.date) -> int:
    """Make the rows of this year's periods begun by ``today`` for every committee a schedule covers, and
    link the analysis meetings already recorded; returns how many rows were made."""
    version = str(analysis_rules()["version"])
    made = 0
    for schedule in schedules():
        spans = periods(schedule, today.year, until=today)
        for committee in _committees(schedule):
            existing = set(
                AnalysisDue.objects.filter(committee=committee, schedule=schedule.code).values_list(
                    "period_start", flat=True
                )
            )
            rows = []
            for period in spans:
                if period.start in existing:
                    continue
                meeting = _analysis_meeting(committee.pk, period.start, period.end)
                rows.append(
                    AnalysisDue(
                        committee=committee,
                        region_id=committee.region_id,
                        schedule=schedule.code,
                        name=schedule.name,
                        period_start=period.start,
                        period_end=period.end,
                        period_label=period.label,
                        due_on=period.due_on,
                        meeting=meeting,
                        rules_version=version,
                    )  # fmt: skip
                )
            AnalysisDue.objects.bulk_create(rows, ignore_conflicts=True)
            made += len(rows)
    return made


def link_meeting(meeting: Meeting) -> int:
    """An analysis meeting just recorded meets its committee's open period (called by ``meeting_create``)."""
    if meeting.kind != MeetingKind.ANALYSIS:
        return 0
    return AnalysisDue.objects.filter(
        committee_id=meeting.committee_id,
        meeting__isnull=True,
        period_start__lte=meeting.held_on,
        period_end__gte=meeting.held_on,
    ).update(meeting=meeting)


def status_of(due: AnalysisDue, today: dt.date) -> str:
    if due.meeting_id:
        return "late" if due.meeting and due.meeting.held_on > due.due_on else "done"
    return "overdue" if due.due_on < today else "due"


@dataclass
class AnalysisSweep:
    today: dt.date
    made: int = 0
    flagged: int = 0

    def summary(self) -> str:
        return (
            f"situation-analysis sweep {self.today.isoformat()} — periods made {self.made}; "
            f"overdue flagged {self.flagged}"
        )


def _recipients(due: AnalysisDue, schedule: Schedule | None) -> list:
    committee = due.committee
    org_ids = [committee.pk] + ([committee.parent_id] if committee.parent_id else [])
    if schedule is not None:
        org_ids += list(
            Organization.objects.filter(
                kind=schedule.prepared_by, region_id=committee.region_id, is_active=True
            ).values_list("pk", flat=True)
        )
    return organization_users(org_ids, analysis_rules()["recipient_roles"])


def _message(due: AnalysisDue) -> Message:
    subject = _("【形势研判逾期】%(c)s %(p)s%(n)s") % {
        "c": due.committee.name, "p": due.period_label, "n": due.name,
    }  # fmt: skip
    body = _("截止日期：%(due)s；至今未登记研判会议，请尽快组织研判并登记会议纪要。") % {
        "due": date_format(due.due_on, "Y-m-d")
    }
    return Message(
        subject, body, reverse("governance:analysis-list") + f"?committee={due.committee_id}", "danger"
    )


def sweep_situation_analyses(*, today: dt.date | None = None) -> AnalysisSweep:
    """Make this year's periods, flag the ones past their due date without an analysis, tell once."""
    today = today or timezone.localdate()
    result = AnalysisSweep(today=today, made=refresh_dues(today))
    by_code = {s.code: s for s in schedules()}
    late = AnalysisDue.objects.filter(meeting__isnull=True, overdue_since__isnull=True, due_on__lt=today)
    for due in late.select_related("committee").order_by("due_on", "pk"):
        meeting = _analysis_meeting(due.committee_id, due.period_start, due.period_end)
        if meeting is not None:  # recorded before this sweep, not linked yet
            AnalysisDue.objects.filter(pk=due.pk, meeting__isnull=True).update(meeting=meeting)
            continue
        with transaction.atomic():
            claimed = AnalysisDue.objects.filter(
                pk=due.pk, meeting__isnull=True, overdue_since__isnull=True
            ).update(overdue_since=due.due_on + dt.timedelta(days=1))
            if not claimed:
                continue
            notify(
                _recipients(due, by_code.get(due.schedule)),
                _message(due),
                dedupe_key=f"governance:analysis:{due.pk}",
            )
        result.flagged += 1
    logger.info(result.summary())
    return result
