"""The calendar page: an administrator sees a year's holidays and corrects a day."""

import datetime as dt

import pytest
from django.urls import reverse

from flameblue.workdays.models import WorkingDay

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


def test_the_page_lists_spring_festival_and_make_up_days(login, people):
    response = login(people.detachment).get(reverse("workdays:calendar"), {"year": 2025})
    body = response.content.decode()
    assert response.status_code == 200
    assert "2025-01-28" in body and "春节" in body
    assert "2025-01-26" in body and "春节调休上班" in body
    assert "2025-03-03" not in body  # an ordinary Monday is not listed


def test_the_page_warns_about_a_year_the_calendar_does_not_know(login, people):
    body = login(people.detachment).get(reverse("workdays:calendar"), {"year": 2040}).content.decode()
    assert "2040 年日历不完整" in body


def test_an_administrator_marks_a_day_from_the_page(login, people):
    client = login(people.detachment)
    response = client.post(
        reverse("workdays:calendar"),
        {"date": "2025-02-05", "is_working": "0", "note": "延长假期", "reason": "通知"},
    )
    assert response.status_code == 302 and response["Location"].endswith("?year=2025")
    day = WorkingDay.objects.get(date=dt.date(2025, 2, 5))
    assert not day.is_working_day and day.note == "延长假期"


def test_a_bad_date_is_refused_with_a_message_on_the_field(login, people):
    response = login(people.detachment).post(
        reverse("workdays:calendar"), {"date": "2025-02-30", "is_working": "0"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["date"]


def test_filling_a_year_from_the_page(login, people):
    response = login(people.sysadmin).post(reverse("workdays:year-create"), {"year": 2041})
    assert response.status_code == 302
    assert WorkingDay.objects.filter(date__year=2041).count() == 365
