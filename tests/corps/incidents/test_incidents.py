"""Incidents: recorded and edited through the service (bad times refused, stale edits 409), listed with
the type / county / month filters, counted by type and county, exported to Excel (audited)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from flameblue.core.errors import DomainError
from flameblue.core.models import AuditEvent
from flameblue.corps.incidents import services
from flameblue.corps.incidents.models import Incident
from flameblue.corps.incidents.selectors import incident_counts
from tests.dates import at_ten

pytestmark = pytest.mark.django_db


def _data(cw, **extra):
    return {"kind": "fire", "called_at": at_ten(dt.date(2026, 4, 2)), "region_id": "341602",
            "address": "魏武大道 8 号", "stations": [cw.station], **extra}  # fmt: skip


def test_arrival_before_the_call_is_refused_and_nothing_is_saved(cw):
    before = Incident.objects.count()
    with pytest.raises(DomainError, match="到场时间不能早于接警时间") as refused:
        services.incident_create(by=None, data=_data(cw, arrived_at=at_ten(dt.date(2026, 4, 1))))
    assert refused.value.field == "arrived_at" and Incident.objects.count() == before


def test_a_brigade_records_an_incident_of_its_county_but_not_of_another(cw, people):
    incident = services.incident_create(by=people.qiaocheng, data=_data(cw))
    assert incident.created_by == people.qiaocheng
    with pytest.raises(DomainError):
        services.incident_create(by=people.qiaocheng, data=_data(cw, region_id="341622"))


def test_the_list_filters_by_type_county_and_month(cw, people, login):
    services.incident_create(by=None, data=_data(cw, title="四月火灾"))
    client = login(people.detachment)
    page = client.get(reverse("corps:incident-list"), {"kind": "fire", "month": "2026-04"}).content.decode()
    assert "四月火灾" in page and "深井救援" not in page
    page = client.get(reverse("corps:incident-list"), {"county": "341622"}).content.decode()
    assert "蒙城“5.1”车祸救援" in page and "谯城“3.22”深井救援" not in page
    assert client.get(reverse("corps:incident-list"), {"month": "2026-13"}).status_code == 200


def test_counts_by_type_and_county_follow_the_records_and_the_users_scope(cw, people, login):
    services.incident_create(by=None, data=_data(cw))
    counts = incident_counts(Incident.objects.all())
    assert counts.by_kind == {"rescue": 2, "fire": 1}
    assert counts.by_county == {"341602": 2, "341622": 1} and counts.county_names["341602"] == "谯城区"
    page = login(people.qiaocheng).get(reverse("corps:incident-stats")).content.decode()
    assert "谯城区" in page and "蒙城县" not in page
    answer = login(people.detachment).get(reverse("api:corps-incident-counts"), {"kind": "rescue"}).json()
    assert answer["total"] == 2 and answer["by_county"] == {"341602": 1, "341622": 1}


def test_the_export_has_the_filtered_rows_and_is_audited(cw, people, login):
    response = login(people.qiaocheng).get(reverse("corps:incident-export"))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "简称" and [r[0] for r in rows[1:]] == ["谯城“3.22”深井救援"]
    event = AuditEvent.objects.filter(action="export", object_type="corps.incident").get()
    assert event.changes["rows"] == 1


def test_a_stale_edit_answers_409_naming_who_changed_it(cw, people, login):
    client = login(people.detachment)
    url = reverse("api:corps-incident-detail", args=[cw.incident.pk])
    body = client.get(url).json()
    services.incident_update(cw.incident, by=people.qiaocheng, data={"vehicles": 5})
    body["vehicles"] = 3
    response = client.put(url, body, content_type="application/json")
    assert response.status_code == 409 and "qiaocheng" in response.json()["detail"]
    assert Incident.objects.get(pk=cw.incident.pk).vehicles == 5
