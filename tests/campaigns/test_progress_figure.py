"""The campaigns' progress figure counts the targets checked: a target of a launched campaign with a submitted
inspection dated inside both the campaign's period and the figure's period (a month of the monthly
statistics, or a year); an inspection before the campaign or in another month does not count."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.campaigns import services
from flameblue.core.figures import FigurePeriod, figure, figure_value
from flameblue.inspections.choices import InspectionKind
from tests.campaigns.conftest import DAY
from tests.dates import frozen_on
from tests.inspections.planning.fixtures import submitted

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(DAY)]


def checked(period: FigurePeriod) -> int:
    return figure_value(figure("campaigns.targets_checked"), period).value


def test_targets_checked_in_the_campaign_and_the_period(campaign, estates, people, orgs):
    services.assignment_add(campaign=campaign, assignee=orgs.huaxilou_gov, by=people.qiaocheng)
    submitted(estates.lanting, InspectionKind.CAMPAIGN, DAY)  # no campaign launched yet: still counts once
    assert checked(FigurePeriod.year(DAY.year)) == 0  # a campaign in preparation has no progress
    services.campaign_launch(campaign=campaign, by=people.qiaocheng)
    submitted(estates.xinhua, InspectionKind.SUPERVISION, dt.date(2026, 3, 20))  # before the campaign
    submitted(estates.suburb, InspectionKind.CAMPAIGN, dt.date(2026, 6, 2))

    assert checked(FigurePeriod.year(DAY.year)) == 2
    assert checked(FigurePeriod.month(DAY.year, DAY.month)) == 1
    assert checked(FigurePeriod.month(2026, 6)) == 1
    assert checked(FigurePeriod.month(2026, 3)) == 0
    assert checked(FigurePeriod.year(DAY.year, "341602100")) == 1  # 古井镇 only
