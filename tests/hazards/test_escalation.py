"""The escalation rule file and who is chosen at each level."""

from __future__ import annotations

import pytest

from flameblue.hazards.escalation import Target, levels_due, policy, recipients
from flameblue.org.models import Membership

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


def test_levels_follow_the_working_days_overdue():
    assert [lv.level for lv in levels_due(0)] == [0]
    assert [lv.level for lv in levels_due(2)] == [0]
    assert [lv.level for lv in levels_due(3)] == [0, 1]
    assert [lv.level for lv in levels_due(9)] == [0, 1]
    assert [lv.level for lv in levels_due(10)] == [0, 1, 2]
    assert policy().version and policy().interval_minutes == 5


def test_level_zero_for_a_unit_goes_to_its_manager_brigade_and_township(people, leaders):
    target = Target("341602001", unit_org_id=people.unit_manager.person.organization_id)
    chosen = set(recipients(policy().levels[0], target))
    assert chosen == {people.unit_manager, people.qiaocheng, leaders.township}


def test_local_government_falls_back_to_the_county_when_the_township_has_none(people, leaders):
    chosen = set(recipients(policy().levels[0], Target("341602100", brigade_responsible=True)))
    assert chosen == {people.qiaocheng, leaders.county}


def test_top_level_reaches_the_city_and_the_detachment_but_not_its_administrators(people, leaders):
    chosen = set(recipients(policy().levels[2], Target("341602001")))
    assert chosen == {people.city_leader, people.detachment}
    assert people.auditor not in chosen and people.sysadmin not in chosen


def test_ended_memberships_and_inactive_users_are_left_out(people, leaders):
    leaders.county.is_active = False
    leaders.county.save()
    Membership.objects.filter(person=people.city_leader.person).update(is_active=False)
    assert recipients(policy().levels[1], Target("341602001")) == []
    assert people.city_leader not in recipients(policy().levels[2], Target("341602001"))
