"""The campaigns' sweep reminds an assignee once when its due date has passed with unchecked targets in its
share, and once when a phase named in rules/sweep.yaml has ended with unchecked targets; a second run sends
nothing, and an assignee whose targets are all checked hears nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.campaigns import services
from flameblue.campaigns.models import CampaignAssignment
from flameblue.campaigns.sweep import sweep_campaigns
from flameblue.core.notify_models import Notification
from flameblue.core.sweep import run_sweep
from flameblue.inspections.choices import InspectionKind
from tests.campaigns.conftest import DAY, prepare
from tests.dates import frozen_on
from tests.inspections.planning.fixtures import submitted

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(DAY)]


@pytest.fixture
def running(orgs, people, estates):
    campaign = prepare(orgs.qiaocheng_brigade, people.qiaocheng)
    services.assignment_add(campaign=campaign, assignee=orgs.huaxilou_gov, by=people.qiaocheng,
                            due_on=dt.date(2026, 5, 10))  # fmt: skip
    return services.campaign_launch(campaign=campaign, by=people.qiaocheng)


def _inbox(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("subject", flat=True))


def test_nothing_before_the_due_date_or_a_phase_end(running, people):
    result = sweep_campaigns(today=dt.date(2026, 5, 10))
    assert (result.due_reminders, result.phase_reminders) == (0, 0) and _inbox(people.grid) == []


def test_past_the_due_date_the_assignee_is_reminded_once(running, people):
    first = sweep_campaigns(today=dt.date(2026, 5, 11))
    assert first.due_reminders == 1
    assert _inbox(people.grid) == ["【专项整治逾期】电动自行车消防安全专项整治"]
    again = sweep_campaigns(today=dt.date(2026, 5, 12))
    assert again.due_reminders == 0 and len(_inbox(people.grid)) == 1
    assert CampaignAssignment.objects.get().overdue_reminded_on == dt.date(2026, 5, 11)


def test_after_the_checking_phase_ends_the_assignee_is_reminded_once(running, people):
    # 排查整治 ends on 31 May (rules/sweep.yaml names it); 动员部署 ending is not a reminder.
    assert sweep_campaigns(today=dt.date(2026, 4, 12)).phase_reminders == 0
    result = sweep_campaigns(today=dt.date(2026, 6, 1))
    assert result.phase_reminders == 1
    assert "【专项整治阶段结束】电动自行车消防安全专项整治：排查整治" in _inbox(people.grid)
    assert sweep_campaigns(today=dt.date(2026, 6, 2)).phase_reminders == 0
    assert CampaignAssignment.objects.get().phase_reminded == 2


def test_an_assignee_with_every_target_checked_hears_nothing(running, estates, people):
    submitted(estates.lanting, InspectionKind.CAMPAIGN, DAY)
    submitted(estates.xinhua, InspectionKind.CAMPAIGN, DAY)
    result = sweep_campaigns(today=dt.date(2026, 6, 1))
    assert (result.due_reminders, result.phase_reminders) == (0, 0) and _inbox(people.grid) == []


def test_the_registered_job_runs_from_the_sweep(running):
    assert dict(run_sweep(today=dt.date(2026, 5, 11), only="campaigns"))["campaigns"].startswith(
        "campaign sweep 2026-05-11 — past due date 1"
    )
