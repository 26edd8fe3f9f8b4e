"""The due list and planning a week from it; starting an inspection from a plan item."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from flameblue.inspections.models import InspectionPlan
from flameblue.inspections.planning.services import supervision_due_refresh

pytestmark = pytest.mark.date_sensitive


def test_the_due_list_shows_the_brigades_due_units_only(login, people, plan_units):
    supervision_due_refresh()
    page = login(people.qiaocheng).get(reverse("inspections:due-list")).content.decode()

    assert plan_units.school.name in page and plan_units.tower.name in page
    assert plan_units.shop.name not in page  # by draw only: no due date
    assert plan_units.hospital.name not in page  # 蒙城县: another brigade


def test_a_brigade_plans_a_week_from_its_due_units(login, orgs, people, plan_units, brigade_team):
    supervision_due_refresh()
    client = login(people.qiaocheng)
    monday = dt.date(2026, 6, 1)
    response = client.post(reverse("inspections:plan-create"), {
        "brigade": orgs.qiaocheng_brigade.pk, "title": "6月第1周监督检查计划", "starts_on": monday,
        "ends_on": monday + dt.timedelta(days=6), "weekdays": [0, 2], "per_unit": 2,
        "units": [plan_units.school.pk, plan_units.organ.pk, plan_units.tower.pk],
        "inspectors": [u.pk for u in brigade_team[:3]],
    })  # fmt: skip

    assert response.status_code == 302
    plan = InspectionPlan.objects.get()
    items = list(plan.items.order_by("planned_on", "unit_id"))
    assert [i.planned_on.weekday() for i in items] == [0, 0, 2]
    assert all(i.inspectors.count() == 2 for i in items)

    page = client.get(reverse("inspections:plan-detail", kwargs={"pk": plan.pk})).content.decode()
    assert f"kind=supervision&amp;plan_item={items[0].pk}" in page


def test_planning_refuses_units_outside_the_due_list_and_empty_days(
    login, orgs, people, plan_units, brigade_team
):
    supervision_due_refresh()
    response = login(people.qiaocheng).post(reverse("inspections:plan-create"), {
        "brigade": orgs.qiaocheng_brigade.pk, "title": "计划", "starts_on": "2026-06-06", "ends_on": "2026-06-07",
        "weekdays": [0], "per_unit": 1, "units": [plan_units.hospital.pk], "inspectors": [people.qiaocheng.pk],
    })  # fmt: skip

    assert response.status_code == 200
    assert "请从到期清单中选择单位" in response.content.decode()
    assert not InspectionPlan.objects.exists()
