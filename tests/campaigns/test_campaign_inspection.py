"""开始检查 from the campaign page: the inspection of a target is a 专项整治检查 with the campaign's checklist,
carrying the campaign (context); the inspector lands on the form and a second click resumes their draft."""

from __future__ import annotations

import pytest
from django.urls import reverse

from flameblue.campaigns import services, work
from flameblue.core.errors import DomainError, OutOfScope
from flameblue.inspections.choices import ChecklistStatus, InspectionKind
from flameblue.inspections.models import Checklist, Inspection
from tests.campaigns.conftest import DAY, prepare
from tests.dates import frozen_on

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(DAY)]


def _checklist(code: str) -> Checklist:
    return Checklist.objects.filter(code=code, status=ChecklistStatus.PUBLISHED).latest("effective_from")


@pytest.fixture
def running(orgs, people, estates):
    campaign = prepare(
        orgs.qiaocheng_brigade, people.qiaocheng, kind="ebike", checklist=_checklist("small_places")
    )
    return services.campaign_launch(campaign=campaign, by=people.qiaocheng)


def _target(campaign, unit):
    return campaign.targets.get(unit=unit)


def test_inspection_started_from_the_campaign_uses_its_checklist_and_carries_it(running, estates, people):
    inspection = work.target_inspection_start(target=_target(running, estates.lanting), by=people.qiaocheng)
    assert inspection.kind == InspectionKind.CAMPAIGN
    assert inspection.checklist.code == "small_places", (
        "the campaign's checklist, not the unit's high-rise one"
    )
    assert (inspection.context_type, inspection.context_id) == ("campaigns.campaign", str(running.pk))
    assert list(work.campaign_inspections(running)) == [inspection]


def test_without_a_checklist_of_its_own_the_units_place_checklist_is_used(orgs, people, estates):
    campaign = services.campaign_launch(campaign=prepare(orgs.qiaocheng_brigade, people.qiaocheng), by=None)
    inspection = work.target_inspection_start(target=_target(campaign, estates.xinhua), by=people.qiaocheng)
    assert inspection.checklist.place_type == "high_rise"


def test_the_page_button_opens_the_form_and_a_second_click_resumes_the_draft(
    running, estates, people, client
):
    client.force_login(people.qiaocheng)
    url = reverse(
        "campaigns:target-inspect",
        kwargs={"pk": running.pk, "target_pk": _target(running, estates.lanting).pk},
    )
    first = client.post(url)
    inspection = Inspection.objects.get()
    assert first.status_code == 302
    assert first.url == reverse("inspections:inspection-form", kwargs={"pk": inspection.pk})
    assert client.post(url).url == first.url and Inspection.objects.count() == 1
    page = client.get(reverse("campaigns:campaign-detail", kwargs={"pk": running.pk}))
    assert "开始检查" in page.content.decode()


def test_a_township_cannot_start_on_another_townships_target(running, estates, people):
    with pytest.raises(OutOfScope):
        work.target_inspection_start(target=_target(running, estates.suburb), by=people.grid)


def test_no_inspection_for_a_campaign_in_preparation_or_closed(orgs, people, estates, running):
    services.campaign_close(campaign=running, by=people.qiaocheng)
    with pytest.raises(DomainError, match="不在进行中"):
        work.target_inspection_start(target=_target(running, estates.lanting), by=people.qiaocheng)
