"""A government or a department runs its own sector campaign (行业系统火灾防控) in its jurisdiction: a
department's campaign carries its industry and reaches only its industry's units in its region; a county
government's reaches its county only; neither can organise or launch one elsewhere."""

from __future__ import annotations

import pytest

from flameblue.campaigns import services
from flameblue.campaigns.models import Campaign
from flameblue.core.errors import DomainError, OutOfScope
from flameblue.org.choices import OrgKind
from flameblue.org.models import Industry
from tests.campaigns.conftest import prepare
from tests.factories import org, persona
from tests.units.factories import make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def schools(orgs, estates):
    return {
        "kindergarten": make_unit(org("花戏楼幼儿园", OrgKind.SOCIAL_UNIT, "341602001", industry="education"),
                                  place_type_id="school"),
        "mengcheng": make_unit(org("蒙城县第一中学", OrgKind.SOCIAL_UNIT, "341622101", industry="education"),
                               place_type_id="school"),
    }  # fmt: skip


def test_department_runs_its_sector_campaign_over_its_own_industry_only(orgs, people, schools, estates):
    campaign = prepare(orgs.qiaocheng_edu, people.edu, name="教育系统火灾防控专项行动", place_types=[])
    assert campaign.industry_id == "education"
    services.campaign_launch(campaign=campaign, by=people.edu)
    names = set(campaign.targets.values_list("unit__name", flat=True))
    assert "花戏楼幼儿园" in names
    assert "蒙城县第一中学" not in names, "another county's school"
    assert not names & {"兰亭小区", "新华苑", estates.mall.name}, "other industries' units"
    assert Campaign.objects.visible_to(people.edu, "launch").filter(pk=campaign.pk).exists()


def test_department_may_not_widen_its_campaign_to_another_industry(orgs, people):
    with pytest.raises(DomainError) as refused:
        prepare(
            orgs.qiaocheng_edu, people.edu, place_types=[], industries=[Industry.objects.get(code="housing")]
        )
    assert refused.value.field == "industries"
    with pytest.raises(DomainError):
        prepare(orgs.qiaocheng_edu, people.edu, place_types=[],
                units=[make_unit(org("兰亭物业", OrgKind.SOCIAL_UNIT, "341602001", industry="housing"))])  # fmt: skip


def test_department_may_not_organise_in_another_county(orgs, people):
    with pytest.raises(OutOfScope):
        prepare(orgs.mengcheng_edu, people.edu, place_types=[])
    assert not Campaign.objects.exists()


def test_department_cannot_launch_the_brigades_campaign(orgs, people, estates):
    campaign = prepare(orgs.qiaocheng_brigade, people.qiaocheng)
    assert not Campaign.objects.visible_to(people.edu, "launch").filter(pk=campaign.pk).exists()
    with pytest.raises((OutOfScope, DomainError)):
        services.campaign_launch(campaign=campaign, by=people.edu)


def test_county_government_runs_a_campaign_in_its_county_only(orgs, people, estates):
    leader = persona("qiaocheng_leader", orgs.qiaocheng_gov, "government_leader")
    campaign = prepare(orgs.qiaocheng_gov, leader, name="谯城区住宅小区火灾防控专项行动")
    services.campaign_launch(campaign=campaign, by=leader)
    assert set(campaign.targets.values_list("unit__name", flat=True)) == {"兰亭小区", "新华苑", "古井花园"}
    with pytest.raises(OutOfScope):
        prepare(orgs.mengcheng_gov, leader)
    mengcheng = prepare(orgs.mengcheng_brigade, people.mengcheng)
    with pytest.raises(OutOfScope):
        services.campaign_launch(campaign=mengcheng, by=leader)
