"""Preparing a campaign (phases inside the period, scope inside the organiser's region) and launching it:
the scope selects the target units from the registry and the list is frozen; later additions are explicit,
carry a reason and are audited."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.campaigns import services
from flameblue.campaigns.choices import CampaignStatus, TargetOrigin
from flameblue.campaigns.models import Campaign, CampaignTarget
from flameblue.core.errors import DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.models import AuditEvent
from flameblue.core.workflow import IllegalTransition
from flameblue.geo.models import Region
from tests.campaigns.conftest import PHASES, estate, prepare

pytestmark = pytest.mark.django_db


def test_prepared_campaign_keeps_its_phases_in_order_and_is_audited(campaign):
    assert campaign.status == CampaignStatus.DRAFT
    assert campaign.region_id == "341602"
    assert [p.name for p in campaign.phases.all()] == ["动员部署", "排查整治", "督导检查", "总结验收"]
    assert AuditEvent.objects.filter(object_type="campaigns.campaign", object_id=str(campaign.pk)).exists()
    assert campaign.transitions.get().to_status == CampaignStatus.DRAFT


def test_overlapping_phases_are_refused_and_nothing_saved(orgs, people):
    phases = [PHASES[0], {**PHASES[1], "starts_on": dt.date(2026, 4, 5)}]
    with pytest.raises(DomainError) as exc:
        prepare(orgs.qiaocheng_brigade, people.qiaocheng, phases=phases)
    assert exc.value.field == "phases"
    assert not Campaign.objects.exists()


def test_phase_outside_the_period_is_refused(orgs, people):
    with pytest.raises(DomainError):
        prepare(orgs.qiaocheng_brigade, people.qiaocheng, ends_on=dt.date(2026, 5, 1))


def test_scope_region_outside_the_organisers_region_is_refused(orgs, people):
    with pytest.raises(DomainError) as exc:
        prepare(orgs.qiaocheng_brigade, people.qiaocheng, regions=[Region.objects.get(code="341622")])
    assert exc.value.field == "regions"


def test_brigade_cannot_organise_a_campaign_for_another_county(orgs, people):
    with pytest.raises(OutOfScope):
        prepare(orgs.qiaocheng_brigade, people.mengcheng)
    assert not Campaign.objects.exists()


def test_department_may_not_prepare_a_campaign_in_the_brigades_name(orgs, people):
    with pytest.raises(OutOfScope):
        prepare(orgs.qiaocheng_brigade, people.edu)
    assert not Campaign.objects.exists()


def test_grid_officer_may_not_prepare_campaigns(orgs, people):
    with pytest.raises(PermissionDeniedError):
        prepare(orgs.huaxilou_gov, people.grid)


def test_launch_selects_the_residential_units_of_the_district_and_freezes_them(campaign, estates, people):
    services.campaign_launch(campaign=campaign, by=people.qiaocheng, expected_version=campaign.version)
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.LAUNCHED
    assert set(campaign.targets.values_list("unit__name", flat=True)) == {"兰亭小区", "新华苑", "古井花园"}
    estate("后来登记的小区")
    assert campaign.targets.count() == 3, "a unit registered after launch is not added by itself"


def test_scope_regions_narrow_the_targets_to_a_township(orgs, people, estates):
    campaign = prepare(
        orgs.qiaocheng_brigade, people.qiaocheng, regions=[Region.objects.get(code="341602001")]
    )
    services.campaign_launch(campaign=campaign, by=people.qiaocheng)
    assert set(campaign.targets.values_list("unit__name", flat=True)) == {"兰亭小区", "新华苑"}


def test_launch_selecting_no_unit_is_refused_and_leaves_the_campaign_in_preparation(orgs, people, estates):
    campaign = prepare(orgs.qiaocheng_brigade, people.qiaocheng, place_types=["heritage"])
    with pytest.raises(DomainError) as exc:
        services.campaign_launch(campaign=campaign, by=people.qiaocheng)
    assert exc.value.field == "scope"
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.DRAFT
    assert not CampaignTarget.objects.exists()


def test_a_campaign_is_launched_once(campaign, people):
    services.campaign_launch(campaign=campaign, by=people.qiaocheng)
    with pytest.raises(IllegalTransition):
        services.campaign_launch(campaign=campaign, by=people.qiaocheng)


def test_target_added_after_launch_needs_a_reason_and_is_audited(campaign, estates, people):
    services.campaign_launch(campaign=campaign, by=people.qiaocheng)
    with pytest.raises(DomainError) as exc:
        services.target_add(campaign=campaign, unit=estates.mall, by=people.qiaocheng, reason=" ")
    assert exc.value.field == "reason"
    target = services.target_add(
        campaign=campaign, unit=estates.mall, by=people.qiaocheng, reason="地下车库充电"
    )
    assert target.origin == TargetOrigin.ADDED
    event = AuditEvent.objects.get(object_type="campaigns.campaigntarget", object_id=str(target.pk))
    assert event.reason == "地下车库充电"


def test_unit_of_another_county_cannot_be_added(campaign, estates, people):
    services.campaign_launch(campaign=campaign, by=people.qiaocheng)
    with pytest.raises(DomainError):
        services.target_add(campaign=campaign, unit=estates.mengcheng, by=people.qiaocheng, reason="补充")


def test_work_is_assigned_to_a_township_in_the_campaigns_region(campaign, orgs, people):
    services.assignment_add(
        campaign=campaign, assignee=orgs.huaxilou_gov, by=people.qiaocheng, task="入户排查"
    )
    with pytest.raises(DomainError):
        services.assignment_add(campaign=campaign, assignee=orgs.mengcheng_gov, by=people.qiaocheng)
    with pytest.raises(DomainError):
        services.assignment_add(campaign=campaign, assignee=orgs.huaxilou_gov, by=people.qiaocheng)


def _edit(campaign, by, **kw):
    data = {"name": campaign.name, "level": campaign.level, "starts_on": campaign.starts_on,
            "ends_on": campaign.ends_on, "phases": PHASES, "expected_version": campaign.version, **kw}  # fmt: skip
    return services.campaign_update(campaign, by=by, **data)


def test_campaign_in_preparation_is_edited_with_its_scope_changes_audited(campaign, people):
    township = Region.objects.get(code="341602001")
    edited = _edit(campaign, people.qiaocheng, regions=[township], phases=PHASES[:2])
    assert list(edited.scope_regions.all()) == [township]
    assert edited.phases.count() == 2
    event = AuditEvent.objects.filter(object_type="campaigns.campaign", object_id=str(campaign.pk)).first()
    assert event.changes["scope"][1]["regions"] == ["341602001"]


def test_stale_edit_is_refused(campaign, people):
    from flameblue.core.errors import ConcurrencyError

    _edit(campaign, people.qiaocheng, name="新名称")
    with pytest.raises(ConcurrencyError):
        _edit(campaign, people.qiaocheng, name="另一个名称")


def test_launched_campaign_can_no_longer_be_edited(campaign, people):
    services.campaign_launch(campaign=campaign, by=people.qiaocheng)
    campaign.refresh_from_db()
    with pytest.raises(IllegalTransition):
        _edit(campaign, people.qiaocheng, name="扩大范围")
