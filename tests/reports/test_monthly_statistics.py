"""The monthly statistics (月度统计): figures × months and the year total for the reader's scope, each number
linked to its records for that month and region, and the same table as an Excel workbook."""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.hazards.lifecycle_helpers import report

pytestmark = pytest.mark.django_db

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def hazards(units, people):
    report(units.mall, people.qiaocheng, found_at=dt.datetime(2019, 3, 5, 9, 0, tzinfo=ZONE))
    report(units.school, people.qiaocheng, found_at=dt.datetime(2019, 3, 6, 9, 0, tzinfo=ZONE))
    report(units.mall, people.qiaocheng, found_at=dt.datetime(2019, 11, 6, 9, 0, tzinfo=ZONE))
    report(units.hospital, people.mengcheng, found_at=dt.datetime(2019, 3, 6, 9, 0, tzinfo=ZONE))


def test_the_table_links_each_month_to_its_records(login, hazards, people):
    client = login(people.qiaocheng)
    html = client.get(reverse("reports:monthly"), {"year": 2019}).content.decode()
    assert "2019年月度统计" in html and 'data-figure="hazards.found"' in html
    records = reverse("reports:figure-records", kwargs={"code": "hazards.found"})
    assert f'href="{records}?year=2019&amp;month=3" data-month="3">2<' in html
    assert f'href="{records}?year=2019&amp;month=11" data-month="11">1<' in html
    assert f'href="{records}?year=2019" data-testid="year-total">3<' in html
    march = client.get(records, {"year": 2019, "month": 3}).content.decode()
    assert "发现火灾隐患：2 处" in march


def test_the_city_sees_both_counties_and_a_region_narrows_it(login, hazards, people):
    client = login(people.detachment)
    records = reverse("reports:figure-records", kwargs={"code": "hazards.found"})
    html = client.get(reverse("reports:monthly"), {"year": 2019}).content.decode()
    assert f'href="{records}?year=2019" data-testid="year-total">4<' in html
    mengcheng = client.get(reverse("reports:monthly"), {"year": 2019, "region": "341622"}).content.decode()
    assert f'href="{records}?year=2019&amp;region=341622" data-testid="year-total">1<' in mengcheng
    assert f'href="{records}?year=2019&amp;month=3&amp;region=341622" data-month="3">1<' in mengcheng


def test_the_workbook_holds_the_same_table(login, hazards, people):
    response = login(people.qiaocheng).get(
        reverse("reports:monthly-export"), {"year": 2019, "region": "341602"}
    )
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert "谯城区" in rows[0][0] and "2019年月度统计" in rows[0][0]
    assert rows[1][:3] == ("指标", "单位", "1月") and rows[1][-1] == "全年"
    found = next(r for r in rows[2:] if r[0] == "发现火灾隐患")
    assert found[1] == "处" and found[2 + 2] == 2 and found[2 + 10] == 1 and found[-1] == 3


def test_a_bad_year_is_named(login, people):
    client = login(people.qiaocheng)
    page = client.get(reverse("reports:monthly"), {"year": "1800"}).content.decode()
    assert "年份须在" in page
    export = client.get(reverse("reports:monthly-export"), {"year": "abc"})
    assert export.status_code == 400 and "年份须为四位数字" in export.content.decode()


def test_the_menu_offers_the_monthly_statistics(login, people):
    html = login(people.qiaocheng).get(reverse("reports:figure-list")).content.decode()
    assert reverse("reports:monthly") in html and "月度统计" in html
