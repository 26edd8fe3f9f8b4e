"""Deadlines counted in working days across Spring Festival, National Day and make-up working days."""

import datetime as dt
import logging

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flameblue.core.errors import DomainError
from flameblue.workdays.services import (
    Deadline,
    add_calendar_days,
    add_working_days,
    due_date,
    is_working_day,
    known_years,
    working_days_between,
)

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]

D = dt.date


def test_the_calendar_knows_every_year_the_package_ships():
    years = known_years()
    assert {2004, 2019, 2024, 2025} <= years


def test_three_working_days_from_the_eve_of_spring_festival_2025_land_after_the_holiday():
    # 2025-01-28 … 2025-02-04 is the Spring Festival holiday; work resumes Wednesday 5 February.
    assert add_working_days(D(2025, 1, 27), 3) == Deadline(D(2025, 2, 7), None)


def test_make_up_working_sundays_count_as_working_days():
    assert is_working_day(D(2025, 1, 26))  # Sunday, 春节调休上班
    assert is_working_day(D(2025, 2, 8))  # Saturday, 春节调休上班
    assert add_working_days(D(2025, 1, 24), 1).date == D(2025, 1, 26)
    assert add_working_days(D(2024, 2, 9), 1).date == D(2024, 2, 18)


def test_holidays_on_weekdays_are_rest_days():
    assert not is_working_day(D(2025, 1, 28))
    assert not is_working_day(D(2024, 2, 12))
    assert not is_working_day(D(2025, 10, 6))  # 中秋节 inside the 2025 National Day week


def test_national_day_week_is_skipped():
    assert add_working_days(D(2024, 9, 30), 1).date == D(2024, 10, 8)
    # 2025: 10-09, 10-10, 10-11 (Saturday make-up day), 10-13, 10-14, 10-15, 10-16.
    assert add_working_days(D(2025, 9, 30), 7).date == D(2025, 10, 16)


def test_start_day_is_not_counted_and_zero_days_is_the_start():
    assert add_working_days(D(2025, 3, 3), 1).date == D(2025, 3, 4)
    assert add_working_days(D(2025, 3, 3), 0).date == D(2025, 3, 3)


def test_negative_counts_go_back_over_the_holiday():
    assert add_working_days(D(2025, 2, 5), -1).date == D(2025, 1, 27)


def test_working_days_between_counts_after_start_through_end():
    assert working_days_between(D(2025, 1, 27), D(2025, 2, 7)) == 3
    assert working_days_between(D(2025, 2, 7), D(2025, 1, 27)) == -3
    assert working_days_between(D(2025, 1, 27), D(2025, 1, 27)) == 0
    assert working_days_between(D(2024, 12, 31), D(2025, 12, 31)) == 248  # the 2025 arrangement as published


def test_calendar_days_ignore_holidays():
    assert add_calendar_days(D(2025, 1, 27), 3) == Deadline(D(2025, 1, 30), None)


def test_due_date_dispatches_on_unit():
    assert due_date(D(2025, 1, 27), 3, "working").date == D(2025, 2, 7)
    assert due_date(D(2025, 1, 27), 3, "calendar").date == D(2025, 1, 30)
    with pytest.raises(DomainError) as exc:
        due_date(D(2025, 1, 27), 3, "weeks")
    assert exc.value.field == "unit"


def test_due_date_accepts_an_aware_datetime_as_its_local_day():
    from django.utils import timezone

    moment = timezone.make_aware(dt.datetime(2025, 1, 27, 23, 30))
    assert due_date(moment, 3, "working").date == D(2025, 2, 7)


def test_a_date_outside_the_known_calendar_falls_back_to_weekdays_and_warns(caplog):
    with caplog.at_level(logging.WARNING, logger="flameblue.workdays"):
        result = add_working_days(D(2040, 1, 5), 1)  # a Thursday
    assert result.date == D(2040, 1, 6)  # a Friday
    assert result.warning and "2040" in result.warning and "周一至周五" in result.warning
    assert any("2040" in r.getMessage() for r in caplog.records)


def test_a_deadline_running_into_an_unknown_year_warns():
    last = max(known_years())
    result = add_working_days(D(last, 12, 30), 5)
    assert result.date.year == last + 1
    assert result.warning is not None


def test_a_deadline_inside_the_known_calendar_has_no_warning():
    assert add_working_days(D(2019, 9, 27), 10).warning is None


@settings(max_examples=60, deadline=None)
@given(start=st.dates(min_value=D(2004, 1, 1), max_value=D(2025, 12, 1)), n=st.integers(0, 40))
def test_counting_back_what_was_added_gives_the_same_number(start, n):
    end = add_working_days(start, n).date
    assert working_days_between(start, end) == n
    assert n == 0 or is_working_day(end)


def test_an_unknown_year_is_logged_once_in_plain_words_however_many_deadlines_reach_it(caplog):
    with caplog.at_level(logging.WARNING, logger="flameblue.workdays"):
        for day in range(1, 20):
            assert add_working_days(D(2040, 3, day), 10).warning is not None
        working_days_between(D(2040, 5, 4), D(2040, 6, 1))
    logged = [r.getMessage() for r in caplog.records if "2040" in r.getMessage()]
    assert len(logged) == 1
    assert "还没有 2040 年的放假安排" in logged[0] and "周一至周五" in logged[0]


def test_counting_within_a_known_year_does_not_warn_about_the_next_one(caplog):
    last = max(known_years())
    with caplog.at_level(logging.WARNING, logger="flameblue.workdays"):
        working_days_between(D(last, 11, 2), D(last, 12, 31))
    assert caplog.records == []


def test_the_days_counted_in_an_unknown_year_are_named_not_its_first_of_january(caplog):
    last = max(known_years())
    with caplog.at_level(logging.WARNING, logger="flameblue.workdays"):
        working_days_between(D(last + 1, 3, 2), D(last + 1, 3, 20))
    assert f"{last + 1}-03-03" in caplog.records[0].getMessage()
