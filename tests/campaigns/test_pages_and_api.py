"""The campaign pages and API: prepare a campaign on the form, launch it, see its progress and download the
weekly report; a stale launch is refused with who changed it; the API does the same through the services."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from flameblue.campaigns import services
from flameblue.campaigns.choices import CampaignStatus
from flameblue.campaigns.models import Campaign
from flameblue.core.models import AuditEvent
from flameblue.inspections.choices import InspectionKind
from tests.campaigns.conftest import DAY, END, START
from tests.dates import frozen_on
from tests.hazards.lifecycle_helpers import report
from tests.inspections.planning.fixtures import submitted

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(DAY)]


def test_brigade_prepares_and_launches_an_electric_bicycle_campaign_on_the_pages(
    client, people, orgs, estates
):
    client.force_login(people.qiaocheng)
    response = client.post(reverse("campaigns:campaign-create"), {
        "name": "电动自行车消防安全专项整治", "level": "county", "organiser": orgs.qiaocheng_brigade.pk,
        "starts_on": START, "ends_on": END, "place_types": ["high_rise"], "target_checked": 3,
        "target_rectified": 0, "phases": "动员部署 2026-04-01 2026-04-10\n排查整治 2026-04-11 2026-06-30",
    })  # fmt: skip
    campaign = Campaign.objects.get()
    assert response["Location"] == reverse("campaigns:campaign-detail", kwargs={"pk": campaign.pk})
    assert campaign.phases.count() == 2
    detail = client.get(response["Location"])
    assert "启动专项整治" in detail.content.decode()
    client.post(
        reverse("campaigns:campaign-launch", kwargs={"pk": campaign.pk}), {"version": campaign.version}
    )
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.LAUNCHED
    assert campaign.targets.count() == 3


def test_bad_phase_line_is_refused_on_the_form_with_its_line(client, people, orgs, estates):
    client.force_login(people.qiaocheng)
    response = client.post(reverse("campaigns:campaign-create"), {
        "name": "整治", "level": "county", "organiser": orgs.qiaocheng_brigade.pk, "starts_on": START,
        "ends_on": END, "target_checked": 0, "target_rectified": 0, "phases": "动员部署 2026-04-01",
    })  # fmt: skip
    assert response.status_code == 200
    assert "第 1 行" in response.content.decode()
    assert not Campaign.objects.exists()


def test_stale_launch_is_refused_and_nothing_is_frozen(client, people, campaign):
    client.force_login(people.qiaocheng)
    url = reverse("campaigns:campaign-launch", kwargs={"pk": campaign.pk})
    response = client.post(url, {"version": campaign.version + 5})
    assert response.status_code == 409
    assert not campaign.targets.exists()


def test_township_sees_the_progress_of_its_own_targets_and_downloads_the_weekly_report(
    client, people, campaign, estates
):
    services.campaign_launch(campaign=campaign, by=people.qiaocheng)
    submitted(estates.lanting, InspectionKind.CAMPAIGN, DAY)
    report(estates.lanting, people.qiaocheng, source="campaign")
    client.force_login(people.grid)
    page = client.get(reverse("campaigns:campaign-detail", kwargs={"pk": campaign.pk})).content.decode()
    assert "兰亭小区" in page and "古井花园" not in page
    response = client.get(reverse("campaigns:campaign-weekly-report", kwargs={"pk": campaign.pk}))
    book = load_workbook(
        io.BytesIO(b"".join(response.streaming_content if response.streaming else [response.content]))
    )
    assert list(book.worksheets[0].iter_rows(values_only=True))[-1][1:6] == (2, 1, 50, 1, 1)
    assert AuditEvent.objects.filter(action="export", object_id=str(campaign.pk)).exists()


def test_api_prepares_launches_and_reports_progress(client, people, orgs, estates):
    client.force_login(people.qiaocheng)
    created = client.post(reverse("api:campaigns-campaign-list"), {
        "name": "电动自行车专项整治", "level": "county", "organiser": orgs.qiaocheng_brigade.pk,
        "starts_on": str(START), "ends_on": str(END), "place_types": ["high_rise"],
        "phases": [{"name": "排查整治", "starts_on": str(START), "ends_on": str(END)}],
    }, content_type="application/json")  # fmt: skip
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    launched = client.post(reverse("api:campaigns-campaign-launch", kwargs={"pk": pk}),
                           {"version": created.json()["version"]}, content_type="application/json")  # fmt: skip
    assert launched.json()["status"] == "launched"
    submitted(estates.xinhua, InspectionKind.CAMPAIGN, DAY)
    progress = client.get(reverse("api:campaigns-campaign-progress", kwargs={"pk": pk})).json()
    assert (progress["total"]["targets"], progress["total"]["checked"]) == (3, 1)
    again = client.post(reverse("api:campaigns-campaign-launch", kwargs={"pk": pk}), {},
                        content_type="application/json")  # fmt: skip
    assert again.status_code == 409


def test_edit_page_starts_from_the_campaign_and_saves_through_the_service(client, people, campaign):
    client.force_login(people.qiaocheng)
    url = reverse("campaigns:campaign-edit", kwargs={"pk": campaign.pk})
    page = client.get(url).content.decode()
    assert "动员部署 2026-04-01 2026-04-10" in page
    response = client.post(url, {
        "name": "电动自行车专项整治（调整）", "level": "county", "starts_on": START, "ends_on": END,
        "place_types": ["high_rise"], "target_checked": 5, "target_rectified": 0, "phases": "",
        "version": campaign.version,
    })  # fmt: skip
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert (campaign.name, campaign.target_checked, campaign.phases.count()) == (
        "电动自行车专项整治（调整）",
        5,
        0,
    )


def test_campaign_list_and_detail_pages_take_a_fixed_number_of_queries(
    client, people, orgs, estates, django_assert_max_num_queries
):
    from tests.campaigns.conftest import prepare

    for n in range(3):
        services.campaign_launch(campaign=prepare(orgs.qiaocheng_brigade, None, name=f"整治{n}"), by=None)
    client.force_login(people.qiaocheng)
    with django_assert_max_num_queries(25):
        assert client.get(reverse("campaigns:campaign-list")).status_code == 200
    campaign = Campaign.objects.first()
    with django_assert_max_num_queries(40):
        assert client.get(reverse("campaigns:campaign-detail", kwargs={"pk": campaign.pk})).status_code == 200
