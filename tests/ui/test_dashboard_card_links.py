"""Every dashboard card has a "more" link, and the list behind it shows as many rows as the card counts."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from django.utils import timezone

from flameblue.inspections.models import InspectionPlan, SupervisionDue
from tests.ui.dashboard_helpers import units_fixture  # noqa: F401 (the ``units`` fixture)
from tests.ui.test_dashboard_counts import block, world  # noqa: F401 (fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def listed(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.context["paginator"].count


def test_each_work_queue_count_equals_its_lists_rows(login, orgs, people, units, world):  # noqa: F811
    today = timezone.localdate()
    last = today.replace(day=calendar.monthrange(today.year, today.month)[1])
    # Due this month, due early next month (still on the due list's window), and overdue.
    for unit, due in ((units.school, last), (units.mall, last + dt.timedelta(days=1))):
        SupervisionDue.objects.create(unit=unit, region_id=unit.region_id, next_due_on=due)
    monday = today - dt.timedelta(days=today.weekday())
    plan = InspectionPlan.objects.create(
        brigade=orgs.qiaocheng_brigade, region_id="341602", title="本周计划", starts_on=monday,
        ends_on=monday + dt.timedelta(days=6),
    )  # fmt: skip
    for unit in (units.school, units.mall):  # two units, one plan: the card counts the plan the list shows
        plan.items.create(unit=unit, planned_on=monday)
    client = login(people.qiaocheng)
    data = block(client, "work_queue")
    rows = data["rows"]
    assert [r.count for r in rows if str(r.label) == "本月到期监督检查"] == [1]
    assert [r.count for r in rows if str(r.label) == "本周检查计划"] == [1]
    for row in rows:
        assert listed(client, row.url) == row.count, (str(row.label), row.url)
    assert listed(client, data["recheck_url"]) == data["recheck_count"] == 1


def test_the_yearly_grade_and_status_cells_count_what_their_list_shows(login, people, world):  # noqa: F811
    client = login(people.city_leader)
    for grade in block(client, "hazard_overview")["grades"]:
        for cell in grade["cells"]:
            assert "year=" in cell["url"]
            assert listed(client, cell["url"]) == cell["count"], cell["url"]


def test_the_unit_managers_notice_card_links_to_the_open_notices(login, people, world):  # noqa: F811
    client = login(people.unit_manager)
    data = block(client, "unit")
    assert listed(client, data["notices_url"]) == len(data["notices"])
    assert data["notices_url"] in client.get("/").content.decode().replace("&amp;", "&")


def test_every_number_of_the_command_table_links_to_a_list_of_as_many_rows(login, people, world):  # noqa: F811
    client = login(people.detachment)
    rows = block(client, "command")["rows"]
    assert any(row["units"] for row in rows)
    for row in rows:
        for key, url in row["urls"].items():
            assert listed(client, url) == row[key], (row["name"], key, url)
