"""The outreach pages and API: a session is recorded and edited through the page (a stale edit is refused
with who changed it), every list exports what it shows to Excel (audited), and the API records a session,
adds a person to its roster and imports a sign-in sheet with the same row/column refusals."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from flameblue.core.models import AuditEvent
from flameblue.outreach import services
from flameblue.outreach.choices import TermKind
from flameblue.outreach.models import Attendee, TrainingSession
from tests.factories import PersonFactory
from tests.outreach.conftest import (
    audience,
    make_base,
    make_material,
    make_session,
    sheet_bytes,
    term,
    upload,
)

pytestmark = pytest.mark.django_db


def _form(orgs, **kw):
    return {"title": "消防安全责任制专题培训", "session_type": term(TermKind.TRAINING_TYPE, "special").pk,
            "rules_taught": [term(TermKind.RULE_TAUGHT, "state_87").pk], "organiser": orgs.qiaocheng_gov.pk,
            "held_on": "2026-06-01", "place": "区委党校", "audiences": [audience("leader").pk], "head_count": 85,
            "note": "", **kw}  # fmt: skip


def test_a_session_is_recorded_and_edited_on_the_page(orgs, people, login):
    client = login(people.qiaocheng)
    response = client.post(reverse("outreach:session-create"), _form(orgs))
    session = TrainingSession.objects.get()
    assert response.status_code == 302 and response["Location"] == session.get_absolute_url()
    assert session.region_id == "341602" and session.terms_version == "2026.1"
    assert AuditEvent.objects.filter(action="create", object_id=str(session.pk)).exists()

    response = client.post(reverse("outreach:session-edit", args=[session.pk]),
                           _form(orgs, head_count=90, version=session.version))  # fmt: skip
    assert response.status_code == 302
    stale = client.post(
        reverse("outreach:session-edit", args=[session.pk]), _form(orgs, head_count=95, version=1)
    )
    assert stale.status_code == 409 and "请刷新后重新编辑" in stale.content.decode()
    session.refresh_from_db()
    assert session.head_count == 90


def test_a_brigade_cannot_record_a_session_of_another_county(orgs, people, login):
    response = login(people.qiaocheng).post(reverse("outreach:session-create"),
                                            _form(orgs, organiser=orgs.mengcheng_gov.pk))  # fmt: skip
    assert "is-invalid" in response.content.decode()  # the organiser is not among the choices
    assert not TrainingSession.objects.exists()


@pytest.mark.parametrize("name", ["session", "drive", "material", "base"])
def test_each_list_exports_to_excel(name, orgs, people, login):
    make_session(orgs.qiaocheng_gov, head_count=10)
    make_material(orgs.qiaocheng_brigade)
    make_base()
    response = login(people.qiaocheng).get(reverse(f"outreach:{name}-export"))
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][0] and len(rows) == (1 if name == "drive" else 2)
    assert AuditEvent.objects.filter(action="export").exists()


def test_the_api_records_a_session_its_roster_and_its_sign_in_sheet(orgs, people, login):
    client = login(people.qiaocheng)
    body = {k: v for k, v in _form(orgs).items() if k != "note"}
    created = client.post(reverse("api:outreach-session-list"), body, content_type="application/json")
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    person = PersonFactory(name="孙强", organization=orgs.qiaocheng_edu, phone="13700001111")
    added = client.post(reverse("api:outreach-session-attendees", args=[pk]),
                        {"person": person.pk, "audience": audience("department_head").pk},
                        content_type="application/json")  # fmt: skip
    assert added.status_code == 201 and added.json()["phone_masked"] == "137****1111"

    bad = sheet_bytes([("王建国", "谯城区人民政府", "", "", "党政领导"), ("", "x", "", "", "党政领导")])
    refused = client.post(reverse("api:outreach-session-signin", args=[pk]), {"file": upload(bad)})
    assert refused.status_code == 400
    assert refused.json()["errors"] == [{"row": 3, "column": "姓名", "message": "必填，不能为空。"}]
    assert Attendee.objects.count() == 1
    good = sheet_bytes([("王建国", "谯城区人民政府", "", "", "党政领导")])
    accepted = client.post(reverse("api:outreach-session-signin", args=[pk]), {"file": upload(good)})
    assert accepted.status_code == 201 and accepted.json() == {"created": 1, "matched": 0}


def test_the_api_refuses_a_distribution_beyond_stock(orgs, people, login):
    material = make_material(orgs.qiaocheng_brigade)
    services.print_run_add(material=material, printed_on=dt.date(2026, 5, 1), copies=10, by=None)
    response = login(people.qiaocheng).post(
        reverse("api:outreach-material-distributions", args=[material.pk]),
        {"distributed_on": "2026-05-02", "township": "341602001", "copies": 11}, content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 400 and "现有库存 10 份" in response.json()["copies"][0]
