"""A supervision inspection plan sends at least two inspectors to every unit (《消防监督检查规定》第十四条), as
draws and submitted inspections already must: a plan that leaves one inspector alone at a unit is refused,
naming the unit and the rule, and nothing is saved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from flameblue.inspections.models import InspectionPlan
from flameblue.inspections.planning.services import PlanEntry, plan_create, supervision_due_refresh

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


def _plan(orgs, plan_units, lead, entries):
    return plan_create(
        brigade=orgs.qiaocheng_brigade, title="6月第2周监督检查计划", starts_on=dt.date(2026, 6, 8),
        ends_on=dt.date(2026, 6, 12), by=lead, entries=entries,
    )  # fmt: skip


def test_a_unit_with_one_inspector_is_refused_naming_unit_and_rule(orgs, plan_units, brigade_team):
    lead, first, second, *_ = brigade_team
    with pytest.raises(ValidationError) as refused:
        _plan(orgs, plan_units, lead, [
            PlanEntry(unit=plan_units.school, planned_on=dt.date(2026, 6, 9), inspectors=[lead, first]),
            PlanEntry(unit=plan_units.tower, planned_on=dt.date(2026, 6, 10), inspectors=[second]),
        ])  # fmt: skip
    [message] = refused.value.message_dict["inspectors"]
    assert str(plan_units.tower) in message and "至少须 2 名" in message and "第十四条" in message
    assert not InspectionPlan.objects.exists()


def test_the_same_inspector_twice_does_not_count_as_two(orgs, plan_units, brigade_team):
    lead, first, *_ = brigade_team
    with pytest.raises(ValidationError):
        _plan(orgs, plan_units, lead, [
            PlanEntry(unit=plan_units.school, planned_on=dt.date(2026, 6, 9), inspectors=[first, first]),
        ])  # fmt: skip


def test_two_inspectors_per_unit_make_a_plan(orgs, plan_units, brigade_team):
    lead, first, second, *_ = brigade_team
    plan = _plan(orgs, plan_units, lead, [
        PlanEntry(unit=plan_units.school, planned_on=dt.date(2026, 6, 9), inspectors=[lead, first]),
        PlanEntry(unit=plan_units.tower, planned_on=dt.date(2026, 6, 10), inspectors=[first, second]),
    ])  # fmt: skip
    assert plan.items.count() == 2
    assert all(item.inspectors.count() == 2 for item in plan.items.all())


def test_the_plan_page_refuses_one_inspector_per_unit(login, orgs, people, plan_units, brigade_team):
    supervision_due_refresh()
    response = login(people.qiaocheng).post(reverse("inspections:plan-create"), {
        "brigade": orgs.qiaocheng_brigade.pk, "title": "6月第1周监督检查计划", "starts_on": "2026-06-01",
        "ends_on": "2026-06-05", "weekdays": [0, 2], "per_unit": 1,
        "units": [plan_units.school.pk], "inspectors": [u.pk for u in brigade_team[:2]],
    })  # fmt: skip

    assert response.status_code == 200
    assert "至少须 2 名" in response.content.decode()
    assert not InspectionPlan.objects.exists()
