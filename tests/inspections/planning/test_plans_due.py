"""Supervision due dates from each unit's risk (rules/supervision-cycles.yaml) and its last supervision."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from flameblue.inspections.models import SupervisionDue
from flameblue.inspections.planning.services import (
    cycle_for,
    cycle_rules,
    supervision_due_refresh,
    supervision_due_refresh_unit,
)
from tests.inspections.planning.fixtures import submitted

pytestmark = pytest.mark.date_sensitive


@pytest.mark.parametrize(
    ("key", "category", "tags", "days", "code"),
    [
        (True, "school", [], 365, "crowded_key_unit"),
        (True, "other", ["crowded"], 365, "crowded_key_unit"),
        (True, "archive", [], 730, "key_unit"),
        (False, "other", ["high_rise"], 730, "high_risk"),
        (False, "other", ["three_in_one"], 730, "high_risk"),
        (False, "shop", [], None, "by_draw"),
        (False, "other", ["small_place"], None, "by_draw"),
    ],
)
def test_cycle_follows_the_first_matching_rule(key, category, tags, days, code):
    cycle = cycle_for(is_key_unit=key, category=category, tags=tags)
    assert (cycle.days, cycle.code) == (days, code)


def test_refresh_stores_due_dates_from_the_last_supervision(plan_units):
    last = dt.date(2025, 3, 1)
    submitted(plan_units.school, "supervision", last)
    submitted(plan_units.school, "supervision", dt.date(2024, 3, 1))
    submitted(plan_units.organ, "spot_check", last)
    submitted(plan_units.tower, "grid_patrol", last)  # not a supervision: does not reset the cycle

    counts = supervision_due_refresh()

    assert counts["created"] == 5
    due = {row.unit_id: row for row in SupervisionDue.objects.all()}
    assert due[plan_units.school.pk].next_due_on == last + dt.timedelta(days=365)
    assert due[plan_units.school.pk].last_inspected_on == last
    assert due[plan_units.organ.pk].next_due_on == last + dt.timedelta(days=730)
    # never supervised: due since registration
    assert due[plan_units.tower.pk].next_due_on == timezone.localdate(plan_units.tower.created_at)
    assert due[plan_units.tower.pk].cycle_days == 730
    assert due[plan_units.shop.pk].next_due_on is None and "双随机" in due[plan_units.shop.pk].basis
    assert due[plan_units.school.pk].rules_version == str(cycle_rules()["version"])
    assert due[plan_units.hospital.pk].region_id == "341622101"


def test_second_refresh_changes_nothing_and_one_unit_refresh_picks_up_a_new_inspection(plan_units):
    supervision_due_refresh()
    assert supervision_due_refresh() == {"created": 0, "updated": 0}

    submitted(plan_units.hospital, "supervision", dt.date(2026, 2, 1))
    row = supervision_due_refresh_unit(plan_units.hospital)

    assert row.next_due_on == dt.date(2027, 2, 1)


def test_closed_units_are_not_planned(plan_units):
    plan_units.school.status = "closed"
    plan_units.school.save()
    supervision_due_refresh()
    assert SupervisionDue.objects.get(unit=plan_units.school).next_due_on is None
