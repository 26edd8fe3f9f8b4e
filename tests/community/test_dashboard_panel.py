"""The political office's 双拥 panel on the corps home: this quarter's gaps, open (and overdue) opinions and
this year's volunteer hours; nothing for a station commander."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from flameblue.community import services, volunteers
from flameblue.community.dashboard import community_panel
from flameblue.community.models import Holiday
from flameblue.community.visits import services as visits
from flameblue.community.visits.sweep import sweep_opinions
from tests.dates import frozen_on

TODAY = dt.date(2026, 5, 20)
pytestmark = [pytest.mark.date_sensitive, frozen_on(TODAY)]


def test_panel_counts_gaps_open_opinions_and_hours(world):
    plan = services.plan_create(by=None, partner=world.partner, year=2026, goals="计划")
    services.quarter_arrange(by=None, plan=plan, quarter=2, content="二季度安排")
    visit = visits.visit_record(by=None, organization=world.stations.qiaocheng, holiday=Holiday.objects.get(code="spring_festival"),
                                visited_on=dt.date(2026, 1, 20), visitee_kind="resident", visitee="驻地群众")  # fmt: skip
    for due in (dt.date(2026, 2, 1), dt.date(2026, 6, 1)):
        visits.opinion_add(by=None, visit=visit, content="意见", owner=world.stations.qiaocheng, due_on=due)
    sweep_opinions(today=TODAY)
    team = volunteers.team_create(by=None, name="服务队", station=world.stations.qiaocheng, leader_name="李",
                                  founded_on=dt.date(2015, 3, 5))  # fmt: skip
    member = volunteers.member_add(by=None, team=team, name="刘芳", joined_on=dt.date(2020, 1, 1))
    volunteers.service_record(
        by=None, team=team, served_on=dt.date(2026, 3, 1), title="劳动", hours=[(member, Decimal("4.5"))]
    )
    data = community_panel(world.people.political, TODAY)
    assert (data["quarter"], data["unarranged"], data["unplanned"]) == (2, 1, 1)  # the far partner
    assert data["agenda_gaps"] > 0  # no meeting at all this quarter
    assert (data["open_opinions"], data["overdue_opinions"], data["hours"]) == (2, 1, Decimal("4.5"))
    assert community_panel(world.people.station, TODAY) is None
