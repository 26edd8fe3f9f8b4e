"""Self-inspection compliance: days and months due, done and missing; to-dos; rates by township/industry."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.inspections.planning.compliance import (
    compliance_rates,
    self_inspection_todo,
    unit_compliance,
    units_with_gaps,
)
from flameblue.units.models import Unit
from tests.inspections.planning.fixtures import submitted

pytestmark = pytest.mark.date_sensitive


TODAY = dt.date(2026, 5, 15)
START = dt.date(2026, 4, 15)  # 30 finished days: 04-15 … 05-14
MISSED = {dt.date(2026, 4, 20), dt.date(2026, 5, 1), dt.date(2026, 5, 9)}


def _patrols(unit, start=START, days=30, missed=MISSED):
    for i in range(days):
        day = start + dt.timedelta(days=i)
        if day not in missed:
            submitted(unit, "self_patrol", day)


def test_thirty_days_with_three_missing_patrols_is_27_of_30(plan_units):
    _patrols(plan_units.school)
    submitted(
        plan_units.school, "self_patrol", dt.date(2026, 4, 16)
    )  # a second patrol the same day counts once
    submitted(plan_units.school, "self_monthly", dt.date(2026, 4, 28))

    result = unit_compliance(plan_units.school, start=START, end=TODAY, today=TODAY)
    patrol, monthly = result.obligations

    assert (len(patrol.due), len(patrol.done)) == (30, 27)
    assert set(patrol.missing) == MISSED
    assert patrol.rate == pytest.approx(0.9)
    assert monthly.due == [dt.date(2026, 4, 1)] and monthly.done == [dt.date(2026, 4, 1)]


def test_a_non_key_unit_only_owes_the_monthly_check(plan_units):
    result = unit_compliance(plan_units.shop, start=dt.date(2026, 1, 1), end=TODAY, today=TODAY)
    assert [s.obligation.code for s in result.obligations] == ["monthly"]
    assert len(result.obligations[0].missing) == 4  # January to April


def test_the_unit_managers_todo_shows_today_and_this_month(plan_units):
    _patrols(plan_units.school)
    todo = self_inspection_todo(plan_units.school, TODAY)
    patrol, monthly = todo.items
    assert (patrol.kind, patrol.done, monthly.done) == ("self_patrol", False, False)
    assert f"unit={plan_units.school.pk}&kind=self_patrol" in patrol.start_url
    assert todo.missed_patrol_days == [dt.date(2026, 5, 9)]

    submitted(plan_units.school, "self_patrol", TODAY)
    submitted(plan_units.school, "self_monthly", dt.date(2026, 5, 3))
    assert all(item.done for item in self_inspection_todo(plan_units.school, TODAY).items)


def test_rates_by_township_and_industry(plan_units):
    _patrols(plan_units.school)  # 27 / 30
    _patrols(plan_units.organ, missed=set())  # 30 / 30
    for unit in (plan_units.school, plan_units.tower):
        submitted(unit, "self_monthly", dt.date(2026, 4, 3))
    submitted(plan_units.hospital, "self_patrol", dt.date(2026, 5, 1))

    rows = {r["key"]: r for r in compliance_rates(Unit.objects.all(), start=START, end=TODAY, today=TODAY)}

    huaxilou = rows["341602001"]
    assert huaxilou["label"] == "花戏楼街道"
    assert huaxilou["patrol"] == {"units": 2, "due": 60, "done": 57, "rate": pytest.approx(0.95)}
    assert (
        huaxilou["monthly"]["units"] == 4
        and huaxilou["monthly"]["due"] == 4
        and huaxilou["monthly"]["done"] == 2
    )
    assert rows["341622101"]["patrol"]["done"] == 1

    by_industry = {r["key"]: r for r in compliance_rates(
        Unit.objects.filter(region_id="341602001"), start=START, end=TODAY, group_by="industry", today=TODAY
    )}  # fmt: skip
    assert by_industry["education"]["patrol"]["done"] == 27


def test_units_with_gaps_lists_only_units_that_missed_something(plan_units):
    _patrols(plan_units.organ, missed=set())
    for unit in (plan_units.organ, plan_units.tower, plan_units.shop, plan_units.hospital):
        submitted(unit, "self_monthly", dt.date(2026, 4, 3))

    gaps = units_with_gaps(Unit.objects.all(), start=START, end=TODAY, today=TODAY)
    names = {u.pk: u for u in gaps}

    assert set(names) == {plan_units.school.pk, plan_units.hospital.pk}
    assert names[plan_units.school.pk].patrol_done == 0 and names[plan_units.school.pk].patrol_due == 30
    assert names[plan_units.hospital.pk].monthly_done == 1
