"""The home page's figures are per-scope summaries: a second page view does not count the hazards again, a
write changes the figure at once, and a summary is never shown to someone with another jurisdiction."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from flameblue.hazards import services
from flameblue.hazards.models import Hazard
from tests.dates import frozen_on
from tests.hazards.lifecycle_helpers import DAY, completion_reported, rectifying
from tests.ui.dashboard_helpers import units_fixture  # noqa: F401 (the ``units`` fixture)

# Hazards confirmed on DAY (2 March 2026) are overdue in June, whatever day the suite runs.
pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(dt.date(2026, 6, 15))]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def blocks(client) -> dict:
    response = client.get(reverse("core:dashboard"))
    return {b["name"]: b["data"] for b in response.context["blocks"]}


def overdue_in_queue(client) -> int:
    return next(r.count for r in blocks(client)["work_queue"]["rows"] if str(r.label) == "逾期未整改隐患")


def city_row(client, name: str) -> dict:
    return next(r for r in blocks(client)["command"]["rows"] if r["name"] == name)


def hazard_counts_in(queries) -> list[str]:
    return [q["sql"] for q in queries if "COUNT(" in q["sql"].upper() and '"hazards_hazard"' in q["sql"]]


def test_a_second_page_view_does_not_count_the_hazards_again(login, people, units):
    rectifying(units.school, people.qiaocheng)
    client = login(people.detachment)
    with CaptureQueriesContext(connection) as first:
        client.get(reverse("core:dashboard"))
    with CaptureQueriesContext(connection) as second:
        assert client.get(reverse("core:dashboard")).status_code == 200
    assert hazard_counts_in(first.captured_queries)
    assert hazard_counts_in(second.captured_queries) == []


def test_a_new_hazard_shows_on_the_next_page_view(login, people, units):
    rectifying(units.school, people.qiaocheng)
    inspector, city = login(people.qiaocheng), login(people.detachment)
    assert overdue_in_queue(inspector) == 1 and city_row(city, "谯城区")["open"] == 1
    rectifying(units.school, people.qiaocheng)
    assert overdue_in_queue(inspector) == 2
    assert city_row(city, "谯城区")["open"] == 2 and city_row(city, "谯城区")["overdue"] == 2


def test_a_rectified_hazard_leaves_the_open_figures(login, people, units):
    hazard = completion_reported(units.school, people.qiaocheng, people.unit_manager)
    city = login(people.detachment)
    assert city_row(city, "谯城区")["open"] == 1
    services.hazard_recheck(hazard=hazard, by=people.qiaocheng, passed=True, note="已整改", today=DAY)
    assert not Hazard.objects.get(pk=hazard.pk).is_open
    assert city_row(city, "谯城区")["open"] == 0


def test_a_write_in_another_county_keeps_this_countys_summary(login, people, units):
    rectifying(units.school, people.qiaocheng)
    inspector = login(people.qiaocheng)
    overdue_in_queue(inspector)
    rectifying(units.hospital, people.mengcheng)  # 蒙城: not in 谯城's scope
    with CaptureQueriesContext(connection) as again:
        assert overdue_in_queue(inspector) == 1
    assert hazard_counts_in(again.captured_queries) == []


def test_the_citys_summary_is_never_shown_to_a_county(login, people, units):
    rectifying(units.school, people.qiaocheng)
    rectifying(units.hospital, people.mengcheng)
    assert city_row(login(people.detachment), "蒙城县")["overdue"] == 1  # the city's figures, cached
    assert overdue_in_queue(login(people.detachment)) == 2
    assert overdue_in_queue(login(people.qiaocheng)) == 1
    assert overdue_in_queue(login(people.mengcheng)) == 1
