"""The home page's panel of campaigns in progress shows each running campaign's progress over the targets in
the user's own scope; a campaign in preparation is not on it, and a user who sees no target has no panel."""

from __future__ import annotations

import pytest
from django.urls import reverse

from flameblue.campaigns import services
from flameblue.campaigns.dashboard import campaigns_panel
from flameblue.inspections.choices import InspectionKind
from tests.campaigns.conftest import DAY, prepare
from tests.dates import frozen_on
from tests.inspections.planning.fixtures import submitted

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(DAY)]


@pytest.fixture
def running(orgs, people, estates):
    prepare(orgs.qiaocheng_brigade, people.qiaocheng, name="筹备中的整治")
    campaign = services.campaign_launch(campaign=prepare(orgs.qiaocheng_brigade, people.qiaocheng), by=None)
    submitted(estates.suburb, InspectionKind.CAMPAIGN, DAY)
    return campaign


def test_brigade_sees_the_whole_campaigns_progress_and_township_its_share(running, people):
    brigade = campaigns_panel(people.qiaocheng, DAY)
    assert [(r["campaign"].name, r["progress"].targets, r["progress"].checked) for r in brigade["rows"]] == [
        ("电动自行车消防安全专项整治", 3, 1)
    ]
    township = campaigns_panel(people.grid, DAY)
    assert [(r["progress"].targets, r["progress"].checked) for r in township["rows"]] == [(2, 0)]


def test_no_panel_for_a_user_outside_every_campaign(running, people):
    assert campaigns_panel(people.mengcheng, DAY) is None
    assert campaigns_panel(people.auditor, DAY) is None


def test_the_panel_is_on_the_inspectors_home_page(running, people, client):
    client.force_login(people.qiaocheng)
    page = client.get(reverse("core:dashboard")).content.decode()
    assert "进行中的专项整治" in page and "电动自行车消防安全专项整治" in page and "筹备中的整治" not in page
