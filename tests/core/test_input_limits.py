"""Free text has a length limit and dates a plausible range, each refused with a message that says the
limit: a 5 MB hazard description, a reason of a novel's length, 9999-12-31 or 0001-01-01 as a date, on the
pages and in the API alike."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from django.core.exceptions import ValidationError
from rest_framework import serializers
from rest_framework.test import APIClient

from flameblue.core.forms import DESCRIPTION_MAX_CHARS, REASON_MAX_CHARS
from flameblue.hazards.forms import HazardReportForm, ReasonForm
from tests.units.factories import make_unit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01"])
@pytest.mark.parametrize("field", [forms.DateField, forms.DateTimeField])
def test_every_form_date_refuses_an_implausible_day(field, day):
    with pytest.raises(ValidationError) as caught:
        field().clean(day)
    assert "超出合理范围" in str(caught.value)


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
@pytest.mark.parametrize("field", [serializers.DateField, serializers.DateTimeField])
def test_every_api_date_refuses_an_implausible_day(field, day):
    with pytest.raises(serializers.ValidationError) as caught:
        field().run_validation(day)
    assert "超出合理范围" in str(caught.value.detail)


def test_plausible_dates_pass():
    assert forms.DateField().clean("2026-12-04") == dt.date(2026, 12, 4)
    assert serializers.DateField().run_validation("1950-01-01") == dt.date(1950, 1, 1)


def test_a_date_filter_refuses_an_absurd_day_by_name(people):
    client = APIClient()
    client.force_login(people.auditor)
    response = client.get("/api/v1/audit-events/", {"since": "9999-12-31"})
    assert response.status_code == 400 and "超出合理范围" in str(response.json()["since"])


def test_the_hazard_form_refuses_an_overlong_description(orgs):
    form = HazardReportForm(data={"description": "烟" * (DESCRIPTION_MAX_CHARS + 1), "source": "inspection"})
    assert not form.is_valid()
    assert f"最多 {DESCRIPTION_MAX_CHARS} 个字" in str(form.errors["description"])


def test_a_reason_has_a_limit():
    form = ReasonForm(data={"reason": "因" * (REASON_MAX_CHARS + 1), "version": 1})
    assert not form.is_valid()
    assert f"最多 {REASON_MAX_CHARS} 个字" in str(form.errors["reason"])


def test_the_api_refuses_a_five_megabyte_description(people, orgs):
    unit = make_unit(orgs.mall)
    client = APIClient()
    client.force_login(people.qiaocheng)
    response = client.post(
        "/api/v1/hazards/",
        {"unit": unit.pk, "description": "x" * 5_000_000, "source": "inspection"},
        format="json",
    )
    assert response.status_code == 400
    assert f"最多 {DESCRIPTION_MAX_CHARS} 个字" in str(response.json()["description"])
