"""A campaign's scope may be an industry (行业: the units' recorded industry) or a hand-picked list of units;
a hand-picked list is the whole scope and may not be mixed with criteria."""

from __future__ import annotations

import pytest

from flameblue.campaigns import services
from flameblue.core.errors import DomainError
from flameblue.org.choices import OrgKind
from flameblue.org.models import Industry
from tests.campaigns.conftest import estate, prepare
from tests.factories import org
from tests.units.factories import make_unit

pytestmark = pytest.mark.django_db


def _targets(campaign) -> set[str]:
    return set(campaign.targets.values_list("unit__name", flat=True))


def test_industry_scope_selects_the_units_of_that_industry(orgs, people, estates):
    kindergarten = make_unit(org("花戏楼幼儿园", OrgKind.SOCIAL_UNIT, "341602001", industry="education"))
    campaign = prepare(orgs.qiaocheng_brigade, people.qiaocheng, name="教育系统消防安全专项整治", place_types=[],
                       industries=[Industry.objects.get(code="education")])  # fmt: skip
    services.campaign_launch(campaign=campaign, by=people.qiaocheng)
    assert kindergarten.name in _targets(campaign)
    assert not _targets(campaign) & {"兰亭小区", "新华苑"}, "housing units are not in the education sector"


def test_hand_picked_list_is_exactly_the_targets(orgs, people, estates):
    campaign = prepare(orgs.qiaocheng_brigade, people.qiaocheng, place_types=[],
                       units=[estates.lanting, estates.mall])  # fmt: skip
    services.campaign_launch(campaign=campaign, by=people.qiaocheng)
    assert _targets(campaign) == {"兰亭小区", estates.mall.name}
    assert sorted(services.scope_units(campaign).values_list("pk", flat=True)) == sorted(
        [estates.lanting.pk, estates.mall.pk]
    )


def test_hand_picked_list_with_criteria_is_refused(orgs, people, estates):
    with pytest.raises(DomainError) as refused:
        prepare(orgs.qiaocheng_brigade, people.qiaocheng, units=[estates.lanting])
    assert refused.value.field == "units" and "只选其一" in refused.value.message


def test_hand_picked_unit_outside_the_organisers_region_is_refused(orgs, people, estates):
    with pytest.raises(DomainError) as refused:
        prepare(orgs.qiaocheng_brigade, people.qiaocheng, place_types=[], units=[estates.mengcheng])
    assert refused.value.field == "units" and "蒙城县锦绣小区" in refused.value.message


def test_editing_the_scope_is_audited_with_industries_and_units(orgs, people, estates):
    campaign = prepare(orgs.qiaocheng_brigade, people.qiaocheng)
    updated = services.campaign_update(
        campaign, by=people.qiaocheng, expected_version=campaign.version, name=campaign.name, level="county",
        starts_on=campaign.starts_on, ends_on=campaign.ends_on, units=[estate("新登记的小区")],
    )  # fmt: skip
    assert set(updated.scope_units.values_list("name", flat=True)) == {"新登记的小区"}
    assert not updated.scope_place_types.exists()
