"""The API prepares a campaign with a kind, a checklist and a hand-picked list, starts the inspection of a
target and records its facts; bad facts come back as a 400 naming the field."""

from __future__ import annotations

import pytest
from django.urls import reverse

from flameblue.campaigns.models import Campaign
from flameblue.inspections.choices import ChecklistStatus
from flameblue.inspections.models import Checklist, Inspection
from tests.campaigns.conftest import DAY, END, START
from tests.dates import frozen_on

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(DAY)]


def test_prepare_launch_inspect_and_record_through_the_api(orgs, people, estates, client):
    client.force_login(people.qiaocheng)
    checklist = Checklist.objects.filter(place_type="high_rise", status=ChecklistStatus.PUBLISHED).first()
    created = client.post(
        reverse("api:campaigns-campaign-list"),
        {"name": "兰亭、新华两小区电动自行车整治", "level": "county", "organiser": orgs.qiaocheng_brigade.pk,
         "starts_on": str(START), "ends_on": str(END), "units": [estates.lanting.pk, estates.xinhua.pk],
         "kind": "ebike", "checklist": checklist.pk},
        content_type="application/json",
    )  # fmt: skip
    assert created.status_code == 201, created.content
    body = created.json()
    assert sorted(body["scope_units"]) == sorted([estates.lanting.pk, estates.xinhua.pk])
    assert body["kind"] == "ebike" and len(body["extra_items"]) == 4
    campaign = Campaign.objects.get(pk=body["id"])
    launch = reverse("api:campaigns-campaign-launch", kwargs={"pk": campaign.pk})
    assert (
        client.post(launch, {"version": body["version"]}, content_type="application/json").status_code == 200
    )
    target = campaign.targets.get(unit=estates.lanting)

    started = client.post(reverse("api:campaigns-target-inspect", kwargs={"pk": target.pk}))
    assert started.status_code == 201 and started.json()["checklist"] == checklist.pk
    assert Inspection.objects.get().context_id == str(campaign.pk)

    record = reverse("api:campaigns-target-record", kwargs={"pk": target.pk})
    bad = client.post(record, {"facts": {"letters_signed": "many"}}, content_type="application/json")
    assert bad.status_code == 400 and "签订承诺书" in bad.json()["letters_signed"][0]
    ok = client.post(
        record, {"facts": {"letters_signed": 40}, "checks": {"0": "fail"}}, content_type="application/json"
    )
    assert ok.status_code == 200 and ok.json()["facts"]["letters_signed"] == 40
    progress = client.get(reverse("api:campaigns-campaign-progress", kwargs={"pk": campaign.pk})).json()
    assert progress["total"]["extra"]["letters_signed"] == 40 and progress["total"]["targets"] == 2


def test_a_unit_outside_the_users_scope_cannot_be_hand_picked(orgs, people, estates, client):
    client.force_login(people.qiaocheng)
    response = client.post(
        reverse("api:campaigns-campaign-list"),
        {"name": "越界", "level": "county", "organiser": orgs.qiaocheng_brigade.pk, "starts_on": str(START),
         "ends_on": str(END), "units": [estates.mengcheng.pk]},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 400 and not Campaign.objects.exists()
