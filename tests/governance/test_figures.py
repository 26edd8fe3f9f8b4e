"""The responsibility system's figures count the committees' meetings by mechanism and the governments'
deliberations from their records: one more analysis meeting moves both the total and the 研判 figure."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.core.figures import FigurePeriod, figure, figure_value
from tests.governance.conftest import make_meeting

pytestmark = pytest.mark.django_db

YEAR = FigurePeriod.year(2025)


def value(code, period=YEAR, user=None):
    return figure_value(figure(code), period, user=user).value


def test_meetings_are_counted_in_total_and_by_mechanism(gov, frozen, people):
    make_meeting(gov.qiaocheng_committee, held_on=dt.date(2025, 3, 10), kind="analysis")
    make_meeting(gov.mengcheng_committee, held_on=dt.date(2025, 6, 2), kind="coordination", title="协调会")
    make_meeting(gov.qiaocheng_committee, held_on=dt.date(2024, 12, 30), kind="analysis", title="上年研判")
    assert value("governance.meetings") == 2
    assert value("governance.meetings.analysis") == 1 and value("governance.meetings.coordination") == 1
    assert value("governance.meetings", FigurePeriod.year(2025, "341602")) == 1
    assert value("governance.meetings", user=people.qiaocheng) == 1  # a brigade reads its county's

    make_meeting(gov.qiaocheng_committee, held_on=dt.date(2025, 9, 20), kind="analysis", title="三季度研判")
    assert value("governance.meetings") == 3 and value("governance.meetings.analysis") == 2
