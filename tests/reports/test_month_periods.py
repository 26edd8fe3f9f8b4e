"""``?month=`` narrows every figure page and the API to one calendar month; a wrong month is named in
Chinese, and the records page says which month it shows."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from flameblue.core.figures import FigurePeriod
from flameblue.reports.periods import period_from
from tests.hazards.lifecycle_helpers import report

pytestmark = pytest.mark.django_db

ZONE = ZoneInfo("Asia/Shanghai")


def test_a_month_is_the_whole_calendar_month():
    period = period_from({"year": "2020", "month": "2", "region": "3416"})
    assert period == FigurePeriod(dt.date(2020, 2, 1), dt.date(2020, 2, 29), "3416")
    assert period.single_month == 2
    assert FigurePeriod.year(2019).single_month is None
    assert period_from({"year": "2019"}) == FigurePeriod.year(2019)


@pytest.mark.parametrize("month", ["0", "13", "三月", "2.5"])
def test_a_wrong_month_is_named(month):
    with pytest.raises(ValidationError) as caught:
        period_from({"year": "2019", "month": month})
    assert caught.value.message_dict["month"] == ["月份须为 1 至 12 之间的整数，例如 3 表示三月。"]


def test_a_wrong_month_and_year_are_both_named():
    with pytest.raises(ValidationError) as caught:
        period_from({"year": "abc", "month": "13"})
    assert set(caught.value.message_dict) == {"year", "month"}


def test_the_records_page_counts_and_names_the_month(login, units, people):
    march = report(units.mall, people.qiaocheng, found_at=dt.datetime(2019, 3, 31, 23, 30, tzinfo=ZONE))
    april = report(units.school, people.qiaocheng, found_at=dt.datetime(2019, 4, 1, 0, 10, tzinfo=ZONE))
    client = login(people.qiaocheng)
    url = reverse("reports:figure-records", kwargs={"code": "hazards.found"})
    html = client.get(url, {"year": 2019, "month": 3}).content.decode()
    assert "发现火灾隐患：1 处" in html and 'data-testid="period-month"' in html and "2019年3月" in html
    assert reverse("hazards:hazard-detail", kwargs={"pk": march.pk}) in html
    assert reverse("hazards:hazard-detail", kwargs={"pk": april.pk}) not in html
    assert "2019-03-01" in html and "2019-03-31" in html
    whole_year = client.get(url, {"year": 2019}).content.decode()
    assert "发现火灾隐患：2 处" in whole_year and 'data-testid="period-month"' not in whole_year


def test_the_pages_and_the_api_name_a_wrong_month(login, people):
    client = login(people.qiaocheng)
    page = client.get(reverse("reports:figure-list"), {"year": 2019, "month": "13"})
    assert page.status_code == 200 and "月份须为 1 至 12 之间的整数" in page.content.decode()
    api = client.get("/api/v1/figures/hazards.found/", {"year": 2019, "month": "0"})
    assert api.status_code == 400 and "月份须为" in api.json()["month"][0]


def test_the_api_counts_one_month(login, units, people):
    report(units.mall, people.qiaocheng, found_at=dt.datetime(2019, 6, 3, 10, 0, tzinfo=ZONE))
    client = login(people.qiaocheng)
    june = client.get("/api/v1/figures/hazards.found/", {"year": 2019, "month": 6}).json()
    assert june["value"] == 1 and june["start"] == "2019-06-01" and june["end"] == "2019-06-30"
    july = client.get("/api/v1/figures/hazards.found/", {"year": 2019, "month": 7}).json()
    assert july["value"] == 0
