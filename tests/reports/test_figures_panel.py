"""The dashboard's year figures (本年度工作数据): the key figures for the reader's scope, and charts whose
data (``reports:figure-chart``) are scoped and whose bars link to the records for that month or region."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from flameblue.reports.dashboard import figures_panel
from tests.hazards.lifecycle_helpers import report

pytestmark = pytest.mark.django_db

ZONE = ZoneInfo("Asia/Shanghai")
TODAY = dt.date(2019, 8, 20)


@pytest.fixture
def hazards(units, people):
    report(units.mall, people.qiaocheng, found_at=dt.datetime(2019, 5, 5, 9, 0, tzinfo=ZONE))
    report(units.school, people.qiaocheng, found_at=dt.datetime(2019, 6, 5, 9, 0, tzinfo=ZONE))
    report(units.hospital, people.mengcheng, found_at=dt.datetime(2019, 5, 6, 9, 0, tzinfo=ZONE))


def _row(data, code):
    return next(r for r in data["rows"] if r["figure"].code == code)


def test_the_panel_counts_the_readers_scope(hazards, people):
    city = figures_panel(people.detachment, TODAY)
    assert city["region"].code == "3416" and _row(city, "hazards.found")["value"] == 3
    county = figures_panel(people.qiaocheng, TODAY)
    assert county["region"].code == "341602" and _row(county, "hazards.found")["value"] == 2
    assert _row(county, "hazards.found")["url"] == "/reports/figures/hazards.found/?year=2019&region=341602"
    assert figures_panel(people.auditor, TODAY) is None


def test_the_dashboard_shows_the_panel_and_loads_its_charts(login, hazards, people):
    with time_machine.travel(dt.datetime(2019, 8, 20, 10, 0, tzinfo=ZONE), tick=False):
        html = login(people.detachment).get(reverse("core:dashboard")).content.decode()
    assert 'data-testid="figures-panel"' in html and "亳州市2019年工作数据" in html
    assert html.count("echarts.min.js") == 1 and "js/figure-charts.js" in html
    chart_url = (
        reverse("reports:figure-chart", kwargs={"code": "hazards.found"}) + "?year=2019&amp;region=3416"
    )
    assert f'data-chart-url="{chart_url}"' in html
    assert "<script>" not in html  # charts under the CSP: no inline script


def test_chart_data_drill_into_month_and_county(login, hazards, people):
    url = reverse("reports:figure-chart", kwargs={"code": "hazards.found"})
    data = login(people.detachment).get(url, {"year": 2019, "region": "3416"}).json()
    may = data["months"][4]
    assert may["value"] == 2 and may["url"] == "/reports/figures/hazards.found/?year=2019&month=5&region=3416"
    counties = {r["label"]: r for r in data["regions"]}
    assert counties["谯城区"]["value"] == 2 and counties["蒙城县"]["value"] == 1
    assert counties["蒙城县"]["url"] == "/reports/figures/hazards.found/?year=2019&region=341622"
    assert data["titles"]["regions"] == "亳州市各县（区）"


def test_a_county_reader_gets_their_townships_only(login, hazards, people):
    client = login(people.qiaocheng)
    url = reverse("reports:figure-chart", kwargs={"code": "hazards.found"})
    data = client.get(url, {"year": 2019, "region": "341602"}).json()
    assert data["regions"] and all(r["key"].startswith("341602") for r in data["regions"])
    assert sum(r["value"] for r in data["regions"]) == 2 and sum(m["value"] for m in data["months"]) == 2
    assert client.get(url, {"year": 2019, "region": "3416"}).status_code == 404
    assert client.get(url, {"year": 2019, "region": "341622"}).status_code == 404
    assert client.get(url, {"year": "x"}).status_code == 400
