"""The checklist list and detail pages and the read-only API, as a township grid officer sees them."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from flameblue.inspections.models import Checklist

pytestmark = pytest.mark.django_db


def test_list_filters_by_place_type_and_kind(login, people):
    client = login(people.grid)
    page = client.get(reverse("inspections:checklist-list"), {"place_type": "hotel"}).content.decode()
    assert "宾馆饭店、民宿消防安全检查表" in page and "商场市场、商业综合体消防安全检查表" not in page
    page = client.get(reverse("inspections:checklist-list"), {"kind": "patrol"}).content.decode()
    assert "每日防火巡查记录表" in page and "宾馆饭店、民宿消防安全检查表" not in page


def test_list_query_count_does_not_grow_with_checklists(login, people):
    client = login(people.grid)
    client.get(reverse("inspections:checklist-list"))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("inspections:checklist-list"))
    assert response.status_code == 200
    assert len(queries) <= 12


def test_detail_shows_basis_grade_element_and_measurement(login, people):
    checklist = Checklist.objects.get(code="mall", edition="2026.1")
    page = login(people.grid).get(reverse("inspections:checklist-detail", kwargs={"pk": checklist.pk}))
    text = page.content.decode()
    assert "MALL-011" in text
    assert "GB 50016-2014（2018年版）5.5.17" in text
    assert "GB 35181-2017 7.3.5" in text and "GB 35181-2025 6.3.5" in text
    assert "营业厅内实测疏散距离（米） ÷ 规范规定的疏散距离（米） &gt; 125%" in text
    assert "突出隐患" in text


def test_api_lists_checklists_with_items_nested(client, people):
    client.force_login(people.unit_manager)
    response = client.get(reverse("api:checklist-list"), {"kind": "monthly_check"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["code"] for r in results] == ["monthly-check"]
    assert results[0]["edition"] == "2026.1"
    assert results[0]["items"][0]["code"] == "MCHK-001"


def test_api_is_read_only(client, people):
    client.force_login(people.detachment)
    checklist = Checklist.objects.get(code="mall", edition="2026.1")
    url = reverse("api:checklist-detail", kwargs={"pk": checklist.pk})
    assert client.patch(url, {"title": "x"}, content_type="application/json").status_code == 405
    assert client.get(url).json()["items"][0]["legal_basis"].startswith("《消防法》")
