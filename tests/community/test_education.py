"""政治教育: programmes, sessions (types as data) within the programme's period with a roster of who
attended, and per-person coverage — who attended which programme and who none."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from flameblue.community.education import services
from flameblue.community.education.selectors import coverage
from flameblue.community.models import SessionType
from flameblue.core.errors import DomainError
from flameblue.org.models import Person
from tests.factories import PersonFactory


@pytest.fixture
def programme(world, orgs):
    return services.programme_create(by=None, title="“学训词、铸忠诚、创新业、立新功”专题教育", organization=orgs.detachment,
                                     starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 12, 31))  # fmt: skip


def test_session_types_are_data(db):
    assert {"lecture", "forum", "documentary", "base_visit"} <= set(
        SessionType.objects.values_list("code", flat=True)
    )


def test_a_session_outside_the_programmes_period_is_refused(world, programme, orgs):
    with pytest.raises(DomainError, match="不在.*教育期间"):
        services.session_record(by=None, programme=programme, session_type=SessionType.objects.get(code="forum"),
                                organization=orgs.qiaocheng_brigade, title="座谈", held_on=dt.date(2025, 12, 30))  # fmt: skip


def test_attendees_must_belong_to_the_holding_unit_or_below(world, programme, orgs):
    far = PersonFactory(organization=world.stations.mengcheng, name="赵远")
    with pytest.raises(DomainError, match="赵远 不属于承办单位"):
        services.session_record(by=None, programme=programme, session_type=SessionType.objects.get(code="lecture"),
                                organization=orgs.qiaocheng_brigade, title="授课", held_on=dt.date(2026, 3, 1),
                                attendees=[far])  # fmt: skip


def test_coverage_shows_who_attended_which_programme(world, programme, orgs, client):
    near = PersonFactory(organization=world.stations.qiaocheng, name="钱近")
    absent = PersonFactory(organization=world.stations.qiaocheng, name="孙缺")
    client.force_login(world.people.station)
    response = client.post(reverse("community:session-add", args=[programme.pk]), {
        "session_type": SessionType.objects.get(code="base_visit").pk, "organization": world.stations.qiaocheng.pk,
        "title": "参观爱国主义教育基地", "held_on": "2026-04-02", "attendees": [near.pk],
    })  # fmt: skip
    assert response.status_code == 302
    rows, reached = coverage(Person.objects.filter(pk__in=[near.pk, absent.pk]), [programme])
    assert {r.person.name: r.attended(programme) for r in rows} == {"钱近": 1, "孙缺": 0}
    assert reached == {programme.pk: 1}
    client.force_login(world.people.political)
    page = client.get(reverse("community:education-coverage"), {"year": 2026}).content.decode()
    assert "钱近" in page and "孙缺" in page and "未参加" in page
