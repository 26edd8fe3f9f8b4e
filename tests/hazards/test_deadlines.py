"""Rectification and re-inspection deadlines in working days across the Spring Festival."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.core.errors import DomainError
from flameblue.hazards import deadlines
from flameblue.workdays.services import add_working_days
from tests.hazards.lifecycle_helpers import confirm, report

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]

SPRING_FESTIVAL_EVE = dt.date(2025, 1, 27)  # Monday; 28 Jan – 4 Feb 2025 off, Saturday 8 Feb worked


def test_general_hazard_default_is_fifteen_working_days_across_spring_festival(units, people):
    hazard = confirm(report(units.school, people.qiaocheng), people.qiaocheng, today=SPRING_FESTIVAL_EVE)

    # 5 6 7 8(Sat, make-up) 10 11 12 13 14 17 18 19 20 21 24 February
    assert hazard.deadline == dt.date(2025, 2, 24)
    assert hazard.deadline_unit == "working"
    assert hazard.recheck_due == dt.date(2025, 2, 27)  # three working days after the deadline


def test_three_working_days_from_spring_festival_eve():
    assert deadlines.recheck_due(SPRING_FESTIVAL_EVE).date == dt.date(2025, 2, 7)


def test_calendar_days_ignore_the_holiday():
    deadline, period = deadlines.rectification_deadline(SPRING_FESTIVAL_EVE, grade="prominent")
    assert deadline.date == SPRING_FESTIVAL_EVE + dt.timedelta(days=30) and period.unit == "calendar"


def test_deadline_outside_the_known_calendar_warns(units, people):
    start = dt.date(2099, 3, 2)
    deadline, _ = deadlines.rectification_deadline(start, grade="general")
    assert deadline.warning and "2099" in deadline.warning
    assert deadline.date == add_working_days(start, 15).date


@pytest.mark.parametrize("amount", [0, -1, 366])
def test_deadline_amount_out_of_range_is_refused(amount):
    with pytest.raises(DomainError) as exc:
        deadlines.rectification_deadline(SPRING_FESTIVAL_EVE, grade="general", amount=amount)
    assert exc.value.field == "deadline_amount"


def test_every_grade_has_a_default_and_the_rules_carry_a_version():
    rules = deadlines.policy()
    assert set(rules.rectification) == {"general", "prominent", "major"}
    assert rules.version and rules.recheck_within.amount == 3
