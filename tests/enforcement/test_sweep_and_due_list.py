"""The enforcement sweep reminds the handling brigade once per expired deadline (twice running sends nothing
twice; the next step's deadline is reminded again), and the due list shows each running clock with its
working days left to the users who may see the record."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.core.notify_models import Notification
from flameblue.core.sweep import run_sweep
from flameblue.enforcement import services
from flameblue.enforcement.selectors import due_list
from flameblue.enforcement.sweep import sweep_enforcement
from tests.dates import frozen_on
from tests.enforcement.conftest import DAY, TODAY, decide, propose

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(TODAY)]


def _notes(user):
    return list(Notification.objects.filter(recipient=user).values_list("subject", flat=True))


def test_nothing_is_reminded_on_the_due_day_itself(hazard, people):
    propose(hazard, people.qiaocheng)  # due Thursday 5 March
    assert sum(sweep_enforcement(today=dt.date(2026, 3, 5)).sent.values()) == 0


def test_an_expired_deadline_is_reminded_once_to_the_brigade(hazard, people, chiefs):
    propose(hazard, people.qiaocheng)
    first = sweep_enforcement(today=dt.date(2026, 3, 6))
    assert first.sent["sealing"] == 1
    again = sweep_enforcement(today=dt.date(2026, 3, 9))
    assert sum(again.sent.values()) == 0
    assert len(_notes(people.qiaocheng)) == 1 and "集体研究并送达决定书" in _notes(people.qiaocheng)[0]
    assert len(_notes(chiefs.qiaocheng)) == 1
    assert _notes(people.mengcheng) == [] and _notes(people.grid) == []


def test_the_next_steps_deadline_is_reminded_again(hazard, people, chiefs):
    sealing = propose(hazard, people.qiaocheng)
    sweep_enforcement(today=dt.date(2026, 3, 6))
    sealing = services.sealing_serve(decide(sealing, chiefs.qiaocheng), by=people.qiaocheng,
                                     served_on=dt.date(2026, 3, 6))  # fmt: skip
    assert sealing.due_on == dt.date(2026, 3, 9)
    assert sweep_enforcement(today=dt.date(2026, 3, 10)).sent["sealing"] == 1
    assert len(_notes(people.qiaocheng)) == 2


def test_the_job_is_registered_with_the_shared_sweep(hazard, people):
    propose(hazard, people.qiaocheng)
    results = dict(run_sweep(today=dt.date(2026, 3, 6), only="enforcement"))
    assert "overdue reminders sealing: 1" in results["enforcement"]


def test_the_due_list_shows_working_days_left_and_overdue_rows(hazard, people, units):
    propose(hazard, people.qiaocheng)
    services.event_apply(by=people.qiaocheng, unit=units.mall, event_name="端午龙舟赛", venue="涡河",
                         starts_on=dt.date(2026, 4, 10), ends_on=dt.date(2026, 4, 10), expected_attendance=3000,
                         applied_on=DAY)  # fmt: skip
    rows = due_list(people.qiaocheng, DAY)
    assert [(r.kind, r.due_on, r.days_left, r.overdue) for r in rows] == [
        ("sealing", dt.date(2026, 3, 5), 3, False),
        ("event", dt.date(2026, 4, 9), 27, False),  # 清明: Monday 6 April is off
    ]
    assert [r.overdue for r in due_list(people.qiaocheng, dt.date(2026, 3, 6))] == [True, False]
    assert due_list(people.mengcheng, DAY) == []
    assert len(due_list(people.qiaocheng, DAY, within=3)) == 1
