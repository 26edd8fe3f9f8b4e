"""The event pages and API: the list is scoped (a brigade its county, a township what is held in its streets,
the detachment all) and exported to Excel with the same filter (audited); an event is prepared on its form,
a venue added on the event page; the readiness page and endpoint say what is missing; a refused form keeps
the input and names the field."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.urls import reverse

from flameblue.core.models import AuditAction, AuditEvent
from flameblue.events.models import Event
from tests.events.conftest import END, START, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def mengcheng_event(orgs):
    return make_event(orgs.mengcheng_brigade, None, name="蒙城县“两会”消防安保")


def _names(client, user, **query) -> str:
    client.force_login(user)
    return client.get(reverse("events:event-list"), query).content.decode()


def test_the_list_is_scoped_by_jurisdiction(client, people, event, venues, mengcheng_event):
    brigade = _names(client, people.qiaocheng)
    assert event.name in brigade and mengcheng_event.name not in brigade
    township = _names(client, people.grid)
    assert event.name in township and mengcheng_event.name not in township
    detachment = _names(client, people.detachment)
    assert event.name in detachment and mengcheng_event.name in detachment
    assert event.name not in _names(client, people.detachment, status="ended")


def test_the_export_uses_the_list_filter_and_is_audited(client, people, event, mengcheng_event):
    client.force_login(people.detachment)
    response = client.get(reverse("events:event-export"), {"q": "两会"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "活动名称" and [r[0] for r in rows[1:]] == ["蒙城县“两会”消防安保"]
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, object_type="events.event").exists()


def test_an_event_is_prepared_on_its_form(client, people, orgs):
    client.force_login(people.qiaocheng)
    response = client.post(reverse("events:event-create"), {
        "name": "2026年“两会”消防安保", "level": "county", "organiser": orgs.qiaocheng_brigade.pk,
        "region": "341602", "starts_on": "2026-03-03", "ends_on": "2026-03-12",
    })  # fmt: skip
    event = Event.objects.get(name="2026年“两会”消防安保")
    assert response.status_code == 302 and response["Location"] == reverse(
        "events:event-detail", args=[event.pk]
    )
    assert event.status == "preparing" and event.transitions.count() == 1


def test_a_refused_venue_names_the_field_and_keeps_the_input(client, people, event):
    client.force_login(people.qiaocheng)
    response = client.post(
        reverse("events:venue-add", args=[event.pk]), {"name": "临时舞台", "address": "汤陵路"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "临时场所请选择所在乡镇（街道）" in page and 'value="临时舞台"' in page
    assert not event.venues.exists()


def test_the_readiness_page_and_endpoint_say_what_is_missing(client, people, event, venues):
    client.force_login(people.qiaocheng)
    page = client.get(reverse("events:event-readiness", args=[event.pk])).content.decode()
    assert 'data-green="no"' in page and "亳州万达广场" in page and "未设岗位" in page
    data = client.get(reverse("api:events-event-readiness", args=[event.pk])).json()
    assert data["green"] is False
    assert {v["name"]: (v["checked"], v["staffed"]) for v in data["venues"]} == {
        "亳州万达广场": (False, False), "汤王陵广场临时展区": (False, False),
    }  # fmt: skip


def test_the_api_prepares_an_event_and_refuses_one_outside_the_users_region(client, people, orgs):
    client.force_login(people.qiaocheng)
    body = {"name": "药博会消防安保", "level": "city", "organiser": orgs.qiaocheng_brigade.pk, "region": "341602",
            "starts_on": str(START), "ends_on": str(END)}  # fmt: skip
    response = client.post(reverse("api:events-event-list"), body, content_type="application/json")
    assert response.status_code == 201 and response.json()["status"] == "preparing"
    outside = {**body, "region": "341622", "organiser": orgs.mengcheng_brigade.pk}
    response = client.post(reverse("api:events-event-list"), outside, content_type="application/json")
    assert response.status_code == 400 and not Event.objects.filter(region_id="341622").exists()
