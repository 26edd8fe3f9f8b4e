"""The statistics page lists the figures a reader may read with their values for a year and region; each
value opens the records behind it; a wrong year or region is named, not a server error."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from tests.hazards.lifecycle_helpers import report

pytestmark = pytest.mark.django_db

WHEN = dt.datetime(2019, 6, 3, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_the_page_shows_values_that_open_their_records(login, units, people):
    mall = report(units.mall, people.qiaocheng, found_at=WHEN, description="疏散通道堆放纸箱")
    report(units.hospital, people.mengcheng, found_at=WHEN)  # another brigade's
    client = login(people.qiaocheng)
    page = client.get(reverse("reports:figure-list"), {"year": 2019}).content.decode()
    assert "发现火灾隐患" in page and 'data-figure="hazards.found"' in page
    records = client.get(reverse("reports:figure-records", kwargs={"code": "hazards.found"}), {"year": 2019})
    html = records.content.decode()
    assert records.status_code == 200
    assert "发现火灾隐患：1 处" in html and reverse("hazards:hazard-detail", kwargs={"pk": mall.pk}) in html
    assert units.hospital.name not in html


def test_a_reader_without_the_records_does_not_see_the_figure(login, people):
    page = login(people.auditor).get(reverse("reports:figure-list")).content.decode()
    assert "hazards.found" not in page


def test_an_unknown_figure_is_404_and_a_bad_year_is_named(login, people):
    client = login(people.qiaocheng)
    assert client.get(reverse("reports:figure-records", kwargs={"code": "no.such"})).status_code == 404
    page = client.get(reverse("reports:figure-list"), {"year": "twenty", "region": "99"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "年份须为四位数字" in html and "没有代码为“99”的行政区划" in html
