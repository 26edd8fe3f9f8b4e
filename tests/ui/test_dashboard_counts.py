"""The dashboards' counts are the user's jurisdiction only: 谯城's inspector never counts 蒙城's hazards."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.dates import frozen_on
from tests.factories import persona
from tests.hazards.lifecycle_helpers import DAY, rectifying, report
from tests.hazards.supervision.helpers import requested_case
from tests.hazards.tips.helpers import GUJING, HUAXILOU, at, make_tip
from tests.ui.dashboard_helpers import units_fixture  # noqa: F401 (the ``units`` fixture)

# The hazards are confirmed on lifecycle_helpers.DAY (2 March 2026); frozen in June their deadlines have passed,
# whatever the day the suite runs.
pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(dt.date(2026, 6, 15))]

MENGCHENG_TOWNSHIP = "341622101"


@pytest.fixture
def world(people, units):
    """Overdue hazards in 谯城 (the school) and 蒙城 (the hospital), one unconfirmed hazard at the mall, tips
    in two 谯城 townships (one overdue) and in 蒙城."""
    return SimpleNamespace(
        school=rectifying(units.school, people.qiaocheng),
        mall=report(units.mall, people.qiaocheng),
        hospital=rectifying(units.hospital, people.mengcheng),
        old_tip=make_tip(now=at(timezone.localdate() - dt.timedelta(days=20)), region=HUAXILOU),
        new_tip=make_tip(region=GUJING, category="blocked_exit"),
        mengcheng_tip=make_tip(region=MENGCHENG_TOWNSHIP),
    )


def block(client, name: str):
    response = client.get(reverse("core:dashboard"))
    return next(b["data"] for b in response.context["blocks"] if b["name"] == name)


def queue(client) -> dict[str, int]:
    return {str(row.label): row.count for row in block(client, "work_queue")["rows"]}


def test_inspector_queue_counts_only_their_county(login, people, world):
    q = queue(login(people.qiaocheng))
    assert q["逾期未整改隐患"] == 1  # the school's, not the hospital's in 蒙城
    assert q["待确认隐患"] == 1
    assert q["待核查举报"] == 2 and q["逾期未核查举报"] == 1
    m = queue(login(people.mengcheng))
    assert m["逾期未整改隐患"] == 1 and m["待确认隐患"] == 0 and m["待核查举报"] == 1


def test_queue_rows_link_to_the_filtered_lists(login, people, world):
    rows = {str(row.label): row for row in block(login(people.qiaocheng), "work_queue")["rows"]}
    assert rows["逾期未整改隐患"].url == f"{reverse('hazards:hazard-list')}?overdue=yes"
    assert rows["逾期未整改隐患"].warning
    assert rows["待确认隐患"].url == f"{reverse('hazards:hazard-list')}?status=found"
    assert rows["逾期未核查举报"].url == f"{reverse('hazards:tip-list')}?overdue=yes"
    assert rows["重点单位待复核"].url == f"{reverse('units:unit-list')}?key_unit=review"
    # The linked list shows the same number the row counts.
    listed = login(people.qiaocheng).get(rows["逾期未整改隐患"].url).context["paginator"].count
    assert listed == rows["逾期未整改隐患"].count


def test_overdue_rechecks_are_listed_for_the_inspector(login, people, world):
    data = block(login(people.qiaocheng), "work_queue")
    assert [h.pk for h in data["recheck"]] == [world.school.pk]
    assert data["recheck_count"] == 1


def test_station_commander_sees_the_queue_without_planning_rows(login, orgs, world):
    station = persona("tejin", orgs.qiaocheng_brigade, "station_commander")
    q = queue(login(station))
    assert q["逾期未整改隐患"] == 1
    assert "本周检查计划" not in q and "重点单位待复核" not in q


def test_grid_officer_counts_their_township_only(login, people, world):
    data = block(login(people.grid), "grid")
    assert data["hazards"]["open"] == 2 and data["hazards"]["overdue"] == 1
    tips = {str(row.label): row.count for row in data["tips"]}
    assert tips["待核查举报"] == 1  # 花戏楼's tip, not 古井镇's
    assert data["patrols"] == {"total": 0, "submitted": 0}


def test_department_counts_its_industry_only(login, people, world):
    data = block(login(people.edu), "department")
    assert data["units"] == {"total": 1, "key": 0}  # the school, not the mall
    assert data["hazards"]["open"] == 1 and data["hazards"]["overdue"] == 1


def test_unit_manager_sees_own_hazards_with_deadlines(login, people, world):
    client = login(people.unit_manager)
    data = block(client, "unit")
    assert [h.pk for h in data["hazards"]] == [world.school.pk]
    assert [n.pk for n in data["notices"]] == [world.school.notice_id]
    html = client.get(reverse("core:dashboard")).content.decode()
    assert reverse("hazards:my-unit-hazards") in html and "已逾期" in html
    assert reverse("hazards:hazard-detail", args=[world.school.pk]) in html
    assert reverse("hazards:hazard-detail", args=[world.mall.pk]) not in html


def test_government_overview_by_county_and_by_grade(login, people, world):
    data = block(login(people.city_leader), "hazard_overview")
    overdue = {row["name"]: row["overdue"] for row in data["rows"]}
    assert overdue["谯城区"] == 1 and overdue["蒙城县"] == 1 and overdue["涡阳县"] == 0
    general = next(g for g in data["grades"] if g["label"] == "一般隐患")
    assert general["total"] == 3
    qiaocheng = next(row for row in data["rows"] if row["name"] == "谯城区")
    assert qiaocheng["overdue_url"] == f"{reverse('hazards:hazard-list')}?overdue=yes&region=341602"


def test_county_scope_groups_by_township(login, orgs, world):
    leader = persona("qiaocheng_leader", orgs.qiaocheng_gov, "government_leader")
    rows = block(login(leader), "hazard_overview")["rows"]
    assert all(row["code"].startswith("341602") and len(row["code"]) == 9 for row in rows)
    assert {row["code"]: row["open"] for row in rows if row["open"]} == {HUAXILOU: 2}


def test_government_sees_listing_requests_awaiting_its_decision(login, people, orgs, units):
    case = requested_case(units.mall, people.qiaocheng, orgs.city_gov, today=timezone.localdate())
    client = login(people.city_leader)
    data = block(client, "government")
    assert [c.pk for c in data["awaiting"]] == [case.pk]
    assert data["awaiting"][0].days_left == 7 and not data["awaiting"][0].is_late
    assert case.case_number in client.get(reverse("core:dashboard")).content.decode()
    assert block(login(people.mengcheng), "work_queue")  # 蒙城 sees its queue …
    mengcheng_leader = persona("mengcheng_leader", orgs.mengcheng_gov, "government_leader")
    assert block(login(mengcheng_leader), "government")["awaiting"] == []  # … but not 谯城's case


def test_late_listing_decision_is_flagged(login, people, orgs, units):
    case = requested_case(units.mall, people.qiaocheng, orgs.city_gov, today=DAY)
    data = block(login(people.city_leader), "government")
    assert [c.pk for c in data["awaiting"]] == [case.pk] and data["awaiting"][0].is_late


def test_detachment_statistics_cover_every_county(login, people, world):
    data = block(login(people.detachment), "command")
    rows = {row["name"]: row for row in data["rows"]}
    assert {"谯城区", "涡阳县", "蒙城县", "利辛县"} <= set(rows)
    assert rows["谯城区"]["units"] == 2 and rows["谯城区"]["open"] == 2 and rows["谯城区"]["overdue"] == 1
    assert rows["蒙城县"]["units"] == 1 and rows["蒙城县"]["overdue"] == 1
    assert data["totals"]["open"] == 3
