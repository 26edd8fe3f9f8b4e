"""The action-item sweep: an unanswered item past its feedback date is flagged overdue from the next day and
escalated one level at a time (rules/action-items.yaml: level 1 at once, level 2 after 5 days, level 3 after
10 days, to the government above); running twice sends nothing twice; answered items are left alone."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.core.notify_models import Notification
from flameblue.governance import services
from flameblue.governance.models import ActionItem
from flameblue.governance.sweep import sweep_action_items
from tests.factories import persona

pytestmark = pytest.mark.django_db

FEEDBACK_DUE = dt.date(2026, 3, 25)


def test_item_is_not_overdue_on_its_feedback_date(edu_item):
    result = sweep_action_items(today=FEEDBACK_DUE)
    edu_item.refresh_from_db()
    assert (result.flagged, edu_item.overdue_since, edu_item.escalation_level) == (0, None, 0)


def test_overdue_item_is_flagged_and_the_owner_and_committee_are_told(edu_item, people, gov):
    result = sweep_action_items(today=dt.date(2026, 3, 26))
    edu_item.refresh_from_db()
    assert edu_item.overdue_since == dt.date(2026, 3, 26)
    assert edu_item.escalation_level == 1
    assert result.flagged == 2 and result.sent[1] == 2  # the education and the health bureau's items
    told = set(
        Notification.objects.filter(subject__contains="督办事项逾期").values_list("recipient", flat=True)
    )
    assert {people.edu.pk, gov.office.pk, gov.qiaocheng_leader.pk} <= told


def test_levels_are_reached_by_days_overdue(edu_item):
    sweep_action_items(today=dt.date(2026, 3, 30))  # 5 days overdue: level 1 only
    assert ActionItem.objects.get(pk=edu_item.pk).escalation_level == 1
    sweep_action_items(today=dt.date(2026, 3, 31))  # 6th day: level 2
    assert ActionItem.objects.get(pk=edu_item.pk).escalation_level == 2


def test_top_level_reaches_the_government_above(edu_item, orgs):
    city_leader = persona("city_leader_2", orgs.city_gov, "government_leader")
    sweep_action_items(today=dt.date(2026, 4, 4))  # 10 days overdue: level 2
    assert not Notification.objects.filter(recipient=city_leader).exists()
    sweep_action_items(today=dt.date(2026, 4, 5))  # 11 days: level 3
    assert ActionItem.objects.get(pk=edu_item.pk).escalation_level == 3
    assert Notification.objects.filter(recipient=city_leader, subject__contains="第3级").exists()


def test_a_late_sweep_catches_up_every_level_once(edu_item, people):
    result = sweep_action_items(today=dt.date(2026, 4, 30))
    assert result.sent == {1: 2, 2: 2, 3: 2}
    assert Notification.objects.filter(recipient=people.edu).count() == 3


def test_running_the_sweep_twice_sends_nothing_twice(edu_item):
    sweep_action_items(today=dt.date(2026, 4, 30))
    before = Notification.objects.count()
    again = sweep_action_items(today=dt.date(2026, 4, 30))
    assert again.flagged == 0 and not again.sent
    assert Notification.objects.count() == before


def test_answered_item_is_not_escalated(edu_item, people):
    services.action_item_answer(item=edu_item, by=people.edu, answer="已完成")
    sweep_action_items(today=dt.date(2026, 4, 30))
    edu_item.refresh_from_db()
    assert (edu_item.overdue_since, edu_item.escalation_level) == (None, 0)


def test_flameblue_sweep_runs_the_action_item_job_as_of_a_given_day(edu_item):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("sweep", "--only", "action_items", "--today", "2026-03-26", stdout=out)
    assert "flagged 2" in out.getvalue()
