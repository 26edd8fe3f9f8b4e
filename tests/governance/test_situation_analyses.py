"""Situation analyses due (形势研判): county committees monthly by the 25th, the city committee quarterly; an
analysis meeting recorded in a period meets it, a period past its due date without one is flagged overdue
by the sweep and told once to the committee's government and the brigade; the due list shows each period's
state to the people of the committee's region only."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from flameblue.core.notify_models import Notification
from flameblue.core.sweep import run_sweep
from flameblue.governance import analysis
from flameblue.governance.models import AnalysisDue
from tests.dates import SHANGHAI
from tests.governance.conftest import make_meeting

pytestmark = [pytest.mark.date_sensitive, pytest.mark.django_db]


def on(day: dt.date):
    return time_machine.travel(dt.datetime.combine(day, dt.time(9, 0), tzinfo=SHANGHAI), tick=False)


def test_periods_follow_the_schedule_data():
    county, city = analysis.schedules()
    months = analysis.periods(county, 2026, until=dt.date(2026, 3, 20))
    assert [p.label for p in months] == ["2026年1月", "2026年2月", "2026年3月"]
    assert [p.due_on for p in months] == [dt.date(2026, 1, 25), dt.date(2026, 2, 25), dt.date(2026, 3, 25)]
    quarters = analysis.periods(city, 2026, until=dt.date(2026, 7, 1))
    assert [(p.label, p.due_on) for p in quarters] == [
        ("2026年第1季度", dt.date(2026, 3, 25)),
        ("2026年第2季度", dt.date(2026, 6, 25)),
        ("2026年第3季度", dt.date(2026, 9, 25)),
    ]


def inbox(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).order_by("pk").values_list("subject", flat=True))


def test_the_sweep_flags_a_missed_month_once_and_a_meeting_meets_its_period(orgs, gov, people):
    with on(dt.date(2026, 2, 10)):
        make_meeting(gov.qiaocheng_committee, held_on=dt.date(2026, 1, 20))  # January met
    with on(dt.date(2026, 3, 20)):
        run_sweep(only="situation_analyses")
        dues = {d.period_label: d for d in AnalysisDue.objects.filter(committee=gov.qiaocheng_committee)}
        assert set(dues) == {"2026年1月", "2026年2月", "2026年3月"}
        assert dues["2026年1月"].meeting is not None and dues["2026年1月"].overdue_since is None
        assert dues["2026年2月"].overdue_since == dt.date(2026, 2, 26)
        assert dues["2026年3月"].overdue_since is None  # due on the 25th: not yet
        told = inbox(gov.qiaocheng_leader)
        assert any("形势研判逾期" in s and "2026年2月" in s for s in told)
        run_sweep(only="situation_analyses")  # twice: nothing told twice
        assert inbox(gov.qiaocheng_leader) == told
        make_meeting(gov.qiaocheng_committee, held_on=dt.date(2026, 3, 18), title="三月研判会")
        assert AnalysisDue.objects.get(pk=dues["2026年3月"].pk).meeting.title == "三月研判会"
    assert AnalysisDue.objects.filter(committee=gov.mengcheng_committee).count() == 3  # every county


def test_the_due_list_shows_each_periods_state_in_the_users_region(orgs, gov, people, login):
    with on(dt.date(2026, 3, 20)):
        make_meeting(gov.qiaocheng_committee, held_on=dt.date(2026, 3, 2), title="三月研判会")
        analysis.refresh_dues(dt.date(2026, 3, 20))
        page = login(gov.qiaocheng_leader).get(reverse("governance:analysis-list")).content.decode()
        assert "谯城区消防安全委员会" in page and "蒙城县消防安全委员会" not in page
        assert "逾期未研判" in page and "三月研判会" in page
        overdue = login(gov.qiaocheng_leader).get(reverse("governance:analysis-list") + "?state=overdue")
        assert overdue.content.decode().count("逾期未研判") >= 2  # January and February rows
        api = login(gov.qiaocheng_leader).get("/api/v1/situation-analyses/?state=done").json()
        assert [r["period_label"] for r in api["results"]] == ["2026年3月"]
        assert api["results"][0]["state"] == "done"
