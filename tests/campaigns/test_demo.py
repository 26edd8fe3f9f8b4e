"""The campaigns demo seed on the persona org tree: the five campaigns of 2019 with their four phases,
assigned to the county brigades, launched over the units their scope selects and closed after their end; a
second run changes nothing."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from flameblue.campaigns import demo
from flameblue.campaigns.choices import CampaignStatus
from flameblue.campaigns.models import Campaign
from tests.campaigns.conftest import estate
from tests.dates import frozen_on

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(dt.date(2026, 12, 4))]


def test_demo_seeds_the_five_campaigns_of_2019_once(orgs):
    estate("兰亭小区")
    created = demo.seed(io.StringIO())
    assert created["campaigns"] == 5
    assert Campaign.objects.count() == 5
    bicycles = Campaign.objects.get(name="电动自行车消防安全综合治理")
    assert bicycles.status == CampaignStatus.CLOSED
    assert list(bicycles.targets.values_list("unit__name", flat=True)) == ["兰亭小区"]
    assert [p.name for p in bicycles.phases.all()] == ["动员部署", "排查整治", "督导检查", "总结验收"]
    assert bicycles.phases.last().ends_on == bicycles.ends_on
    assert bicycles.assignments.count() == 2
    assert bicycles.kind == "ebike" and bicycles.checklist.place_type == "high_rise"
    assert len(bicycles.extra_items) == 4
    facts = bicycles.targets.get().record.facts
    assert set(facts) == {"stairwell_found", "flying_lead_cases", "flying_lead_fixed", "charging_points_built",
                          "letters_signed"}  # fmt: skip
    assert facts["flying_lead_fixed"] <= facts["flying_lead_cases"] and facts["letters_signed"] >= 20
    assert Campaign.objects.get(name="博物馆和文物建筑消防安全专项治理").checklist.place_type == "heritage"
    assert demo.seed(io.StringIO()) == {}
    assert Campaign.objects.count() == 5
