"""学雷锋志愿服务队: teams of a station with officers and civilians (phones masked), services with each
member's hours, yearly totals per team and member, and the certificate whose hours add up."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from flameblue.community import volunteers
from flameblue.community.models import ServiceRecord, VolunteerTeam
from flameblue.core.errors import DomainError
from flameblue.core.models import AuditEvent
from tests.factories import PersonFactory


@pytest.fixture
def team(world):
    return volunteers.team_create(
        by=None, name="谯城站学雷锋志愿服务队", station=world.stations.qiaocheng, leader_name="李队长",
        founded_on=dt.date(2015, 3, 5),
    )  # fmt: skip


@pytest.fixture
def crew(team, world):
    officer = PersonFactory(organization=world.stations.qiaocheng, name="张伟")
    return (
        volunteers.member_add(by=None, team=team, person=officer, joined_on=dt.date(2020, 1, 1)),
        volunteers.member_add(
            by=None, team=team, name="刘芳", phone="13900001111", joined_on=dt.date(2024, 6, 1)
        ),
    )


def _serve(team, day, hours):
    return volunteers.service_record(by=None, team=team, served_on=day, title="敬老院义务劳动", hours=hours,
                                     people_served=40)  # fmt: skip


def test_certificate_sums_a_members_hours_of_the_year(world, team, crew, client):
    officer, civilian = crew
    _serve(team, dt.date(2026, 3, 5), [(officer, Decimal("2.5")), (civilian, Decimal("3"))])
    _serve(team, dt.date(2026, 6, 14), [(officer, Decimal("4"))])
    _serve(team, dt.date(2025, 12, 20), [(officer, Decimal("8"))])
    assert volunteers.certificate(officer, 2026).total == Decimal("6.5")
    client.force_login(world.people.station)
    page = client.get(
        reverse("community:member-certificate", args=[officer.pk]), {"year": 2026}
    ).content.decode()
    assert '<strong id="total-hours">6.5</strong>' in page and "敬老院义务劳动" in page


def test_team_page_shows_yearly_hours_per_member_and_masks_civilian_phones(world, team, crew, client):
    officer, civilian = crew
    _serve(team, dt.date(2026, 3, 5), [(officer, Decimal("2.5")), (civilian, Decimal("3"))])
    hours = {m.name: h for m, h, _n in volunteers.member_hours(team, 2026)}
    assert hours == {"张伟": Decimal("2.5"), "刘芳": Decimal("3")}
    assert volunteers.team_hours(VolunteerTeam.objects.all(), 2026).get().year_hours == Decimal("5.5")
    client.force_login(world.people.qiaocheng)
    page = client.get(reverse("community:team-detail", args=[team.pk]), {"year": 2026}).content.decode()
    assert "139****1111" in page and "13900001111" not in page


def test_station_records_a_service_on_the_team_page(world, team, crew, client):
    client.force_login(world.people.station)
    response = client.post(reverse("community:team-record-add", args=[team.pk]), {
        "served_on": "2026-05-01", "title": "无偿献血", "people_served": 0, "members": [m.pk for m in crew], "hours": "2",
    })  # fmt: skip
    assert response.status_code == 302
    record = ServiceRecord.objects.get()
    assert sorted(h.hours for h in record.hours.all()) == [Decimal("2"), Decimal("2")]
    assert AuditEvent.objects.filter(object_type="community.servicerecord").exists()


@pytest.mark.parametrize(
    ("day", "hours", "message"),
    [
        (dt.date(2024, 1, 1), "2", "尚未入队"),
        (dt.date(2026, 1, 1), "30", "0.5 至 24 小时"),
    ],
)
def test_invalid_hours_are_refused(team, crew, day, hours, message):
    with pytest.raises(DomainError, match=message):
        _serve(team, day, [(crew[1], Decimal(hours))])
    assert not ServiceRecord.objects.exists()


def test_a_member_of_another_team_is_refused(world, team, crew):
    other = volunteers.team_create(by=None, name="蒙城站服务队", station=world.stations.mengcheng, leader_name="王",
                                   founded_on=dt.date(2016, 1, 1))  # fmt: skip
    with pytest.raises(DomainError, match="不是本队队员"):
        _serve(other, dt.date(2026, 3, 1), [(crew[0], Decimal(2))])


def test_other_brigades_team_is_not_found(world, team, client):
    client.force_login(world.people.mengcheng)
    assert client.get(reverse("community:team-detail", args=[team.pk])).status_code == 404
