"""The statistics endpoint behind the detachment's chart, and the dashboards' query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.dates import frozen_on
from tests.hazards.lifecycle_helpers import rectifying, report
from tests.hazards.supervision.helpers import requested_case
from tests.hazards.tips.helpers import make_tip
from tests.ui.dashboard_helpers import units_fixture  # noqa: F401 (the ``units`` fixture)

# The hazards are confirmed on lifecycle_helpers.DAY (2 March 2026); frozen in June their deadlines have passed,
# whatever the day the suite runs.
pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(dt.date(2026, 6, 15))]

STATS = reverse("core:dashboard-stats")


@pytest.fixture
def hazards(people, units):
    return [
        rectifying(units.school, people.qiaocheng),
        report(units.mall, people.qiaocheng, grade="major"),
        rectifying(units.hospital, people.mengcheng),
    ]


def test_detachment_gets_statistics_by_county(login, people, hazards):
    data = login(people.detachment).get(STATS, {"region": "3416"}).json()
    assert data["region"] == {"code": "3416", "name": "亳州市"}
    rows = {row["name"]: row for row in data["rows"]}
    assert rows["谯城区"]["open"] == 2 and rows["谯城区"]["major"] == 1 and rows["谯城区"]["overdue"] == 1
    assert rows["蒙城县"]["open"] == 1 and rows["利辛县"]["open"] == 0
    assert data["labels"]["overdue"] == "逾期隐患"


def test_county_inspector_defaults_to_their_county_by_township(login, people, hazards):
    data = login(people.qiaocheng).get(STATS).json()
    assert data["region"]["code"] == "341602"
    assert all(row["code"].startswith("341602") for row in data["rows"])
    assert sum(row["open"] for row in data["rows"]) == 2  # 蒙城's hospital is not counted


def test_region_outside_the_jurisdiction_is_not_found(login, people, hazards):
    assert login(people.qiaocheng).get(STATS, {"region": "341622"}).status_code == 404
    assert login(people.qiaocheng).get(STATS, {"region": "3416"}).status_code == 404  # wider than 谯城
    assert login(people.qiaocheng).get(STATS, {"region": "x' or 1=1"}).status_code == 404


def test_roles_without_hazard_access_are_refused(login, people):
    assert login(people.auditor).get(STATS).status_code == 403
    assert login(people.outsider).get(STATS).status_code == 403


def test_department_statistics_are_its_industry_only(login, people, hazards):
    data = login(people.edu).get(STATS).json()
    assert sum(row["open"] for row in data["rows"]) == 1  # the school, not the mall
    assert sum(row["units"] for row in data["rows"]) == 1


# --- Query counts: aggregate queries, not one per row ------------------------------------------------------


def _count_queries(client) -> int:
    """Queries of a page view that computes every figure (the per-scope summaries cleared first)."""
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("core:dashboard")).status_code == 200
    return len(ctx.captured_queries)


def _more_data(people, units):
    for _ in range(5):
        rectifying(units.school, people.qiaocheng)
        report(units.mall, people.qiaocheng)
        rectifying(units.hospital, people.mengcheng)
        make_tip()


def test_inspector_dashboard_query_count_is_pinned(
    login, people, units, hazards, django_assert_max_num_queries
):
    client = login(people.qiaocheng)
    client.get(reverse("core:dashboard"))  # warm the per-process caches (rules files, calendar)
    with django_assert_max_num_queries(24):
        client.get(reverse("core:dashboard"))
    before = _count_queries(client)
    _more_data(people, units)
    assert _count_queries(client) == before


def test_government_dashboard_query_count_is_pinned(
    login, people, orgs, units, hazards, django_assert_max_num_queries
):
    requested_case(units.mall, people.qiaocheng, orgs.city_gov)
    client = login(people.city_leader)
    client.get(reverse("core:dashboard"))
    with django_assert_max_num_queries(22):
        client.get(reverse("core:dashboard"))
    before = _count_queries(client)
    _more_data(people, units)
    requested_case(units.school, people.qiaocheng, orgs.city_gov)
    requested_case(units.hospital, people.mengcheng, orgs.city_gov)
    government = client.get(reverse("core:dashboard")).context["blocks"][0]
    assert government["name"] == "government" and len(government["data"]["awaiting"]) == 3
    assert _count_queries(client) == before


def test_detachment_dashboard_query_count_does_not_grow(login, people, units, hazards):
    client = login(people.detachment)
    client.get(reverse("core:dashboard"))
    before = _count_queries(client)
    _more_data(people, units)
    assert _count_queries(client) == before
