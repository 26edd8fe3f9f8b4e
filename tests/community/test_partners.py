"""Co-construction partners: paired with a station or brigade of the registering user's jurisdiction, the
contact's phone masked, every registration audited; activity types come from rule data."""

from __future__ import annotations

import pytest
from django.urls import reverse

from flameblue.community import services
from flameblue.community.models import ActivityType, Partner
from flameblue.community.policy import load_activity_types
from flameblue.core.errors import DomainError
from flameblue.core.models import AuditEvent


def test_brigade_registers_a_partner_for_its_station(world, client):
    client.force_login(world.people.qiaocheng)
    response = client.post(reverse("community:partner-create"), {
        "name": "花戏楼街道社区", "kind": "community", "station": world.stations.qiaocheng.pk,
        "agreement_starts_on": "2026-01-01", "agreement_ends_on": "2028-12-31",
    })  # fmt: skip
    assert response.status_code == 302
    partner = Partner.objects.get(name="花戏楼街道社区")
    assert partner.region_id == "341602"
    assert AuditEvent.objects.filter(object_type="community.partner", object_id=str(partner.pk)).exists()


def test_brigade_cannot_pair_with_another_brigades_station(world, client):
    client.force_login(world.people.qiaocheng)
    response = client.post(reverse("community:partner-create"), {
        "name": "蒙城某厂", "kind": "enterprise", "station": world.stations.mengcheng.pk,
    })  # fmt: skip
    assert response.status_code == 200  # the station is not among the choices
    assert not Partner.objects.filter(name="蒙城某厂").exists()


def test_pairing_must_be_a_station_or_brigade(world, orgs):
    with pytest.raises(DomainError, match="不是消防救援站或大队"):
        services.partner_create(by=None, name="某单位", kind="organ", station=orgs.qiaocheng_gov)


def test_agreement_cannot_end_before_it_starts(world):
    import datetime as dt

    with pytest.raises(DomainError, match="截止日期早于起始日期"):
        services.partner_create(
            by=None, name="某校", kind="school", station=world.stations.qiaocheng,
            agreement_starts_on=dt.date(2026, 1, 1), agreement_ends_on=dt.date(2025, 1, 1),
        )  # fmt: skip


def test_contact_phone_is_masked_on_page_api_and_audit(world, client):
    client.force_login(world.people.qiaocheng)
    page = client.get(reverse("community:partner-detail", args=[world.partner.pk])).content.decode()
    assert "138****5678" in page and "13812345678" not in page
    data = client.get(reverse("api:community-partner-detail", args=[world.partner.pk])).json()
    assert data["contact_phone"] == "138****5678"
    event = AuditEvent.objects.get(object_type="community.partner", object_id=str(world.partner.pk))
    assert "13812345678" not in str(event.changes)


def test_out_of_jurisdiction_partner_is_not_found(world, client):
    client.force_login(world.people.qiaocheng)
    assert client.get(reverse("community:partner-detail", args=[world.far.pk])).status_code == 404


def test_activity_types_are_loaded_with_their_version(db):
    assert ActivityType.objects.filter(active=True).count() == 8
    assert set(ActivityType.objects.values_list("version", flat=True)) == {"2026.1"}
    assert load_activity_types() == 0


def test_api_refuses_a_station_outside_the_jurisdiction(world, client):
    client.force_login(world.people.qiaocheng)
    response = client.post(
        reverse("api:community-partner-list"),
        {"name": "蒙城某厂", "kind": "enterprise", "station": world.stations.mengcheng.pk},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert not Partner.objects.filter(name="蒙城某厂").exists()
