"""The event-security demo seed: on the persona org tree, the four kinds of 2019 events are secured and ended
(venues checked, hazards accepted, every post staffed, daily reports, incidents, summary) and this year's
upcoming event is in preparation and not yet ready; a second run changes nothing. On the full demo data set
the pages show them."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse

from flameblue.events import demo
from flameblue.events.choices import EventStatus
from flameblue.events.models import Event
from flameblue.events.selectors import readiness
from tests.dates import frozen_on
from tests.units.factories import make_unit

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


@frozen_on(dt.date(2026, 12, 4))
def test_demo_seeds_the_2019_events_and_one_in_preparation_once(orgs, people):
    make_unit(orgs.mall, place_type_id="mall")
    created = demo.seed(io.StringIO())
    assert created["events"] == 5 and created["shifts"] > 0
    ended = Event.objects.filter(status=EventStatus.ENDED)
    assert ended.count() == 4
    expo = ended.get(name__contains="中药材交易会")
    assert expo.venues.filter(unit=None, latitude__isnull=False).exists(), "the ad-hoc exhibition ground"
    assert expo.daily_reports.count() == 3 and expo.incidents.filter(handled=True).exists() and expo.summary
    for event in ended:
        assert readiness(event).green, event.name
    upcoming = Event.objects.get(status=EventStatus.PREPARING)
    assert upcoming.starts_on == dt.date(2026, 12, 18)
    state = readiness(upcoming)
    assert not state.green and state.venues[0].checked and not state.venues[0].staffed
    assert demo.seed(io.StringIO()) == {}
    assert Event.objects.count() == 5


def test_the_demo_events_are_on_the_pages(demo, client):
    from flameblue.org.models import User

    client.force_login(User.objects.get(username="zhidui_admin"))
    page = client.get(reverse("events:event-list"), {"year": 2019}).content.decode()
    for name in ("新中国成立70周年大庆", "世界制造业大会", "“两节”“两会”", "中药材交易会"):
        assert name in page
    upcoming = Event.objects.get(status=EventStatus.PREPARING)
    assert readiness(upcoming).venues and not readiness(upcoming).green
    response = client.get(reverse("events:event-readiness", args=[upcoming.pk]))
    assert response.status_code == 200 and 'data-green="no"' in response.content.decode()
