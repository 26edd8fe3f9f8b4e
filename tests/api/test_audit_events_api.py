import io

import pytest
from openpyxl import load_workbook

from flameblue.core import audit
from flameblue.core.models import AuditEvent

pytestmark = pytest.mark.django_db

URL = "/api/v1/audit-events/"


@pytest.fixture
def events(people, orgs):
    audit.record(audit.AuditAction.LOGIN, by=people.qiaocheng, obj=people.qiaocheng)
    audit.record(
        audit.AuditAction.UPDATE,
        by=people.detachment,
        obj=orgs.mengcheng_gov,
        changes={"address": ["", "蒙城县漆园路"]},
        reason='=HYPERLINK("http://evil.example","点我")',
    )
    audit.record(
        audit.AuditAction.REVEAL, by=people.detachment, obj=people.mengcheng.person, reason="核实身份"
    )


@pytest.mark.parametrize("persona", ["detachment", "sysadmin", "secadmin", "qiaocheng"])
def test_only_auditors_read_the_audit_log(api, people, events, persona):
    assert api(getattr(people, persona)).get(URL).status_code == 403


def test_auditor_filters_by_actor_action_object_and_date(api, people, orgs, events):
    client = api(people.auditor)

    def actions(**params):
        response = client.get(URL, params)
        assert response.status_code == 200, response.content
        return [row["action"] for row in response.json()["results"]]

    assert set(actions(actor="zhidui")) == {"update", "reveal"}
    assert actions(action="reveal") == ["reveal"]
    assert actions(object_type="org.organization", object_id=str(orgs.mengcheng_gov.pk)) == ["update"]
    assert actions(since="2000-01-01", action="login", actor="qiaocheng") == ["login"]
    assert actions(until="2000-01-01") == []


def test_bad_filter_value_is_refused_naming_the_field(api, people):
    response = api(people.auditor).get(URL, {"action": "nonsense"})
    assert response.status_code == 400 and "action" in response.json()


def test_export_is_a_neutralised_spreadsheet_and_is_itself_audited(api, people, events):
    response = api(people.auditor).get(f"{URL}export/", {"action": "update"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2  # header + the one update
    assert "蒙城县漆园路" in rows[1][7]
    # a reason that Excel would run as a formula is written as text
    assert rows[1][8] == '\'=HYPERLINK("http://evil.example","点我")'
    export = AuditEvent.objects.get(action="export")
    assert export.actor == people.auditor and export.changes["rows"] == 1
    assert export.changes["filters"] == {"action": "update"}


def test_export_needs_the_export_permission(api, people, events):
    assert api(people.detachment).get(f"{URL}export/").status_code == 403
    assert not AuditEvent.objects.filter(action="export").exists()


def test_audit_events_cannot_be_changed_through_the_api(api, people, events):
    event = AuditEvent.objects.get(action="reveal")
    client = api(people.auditor)
    assert client.patch(f"{URL}{event.pk}/", {"reason": "x"}, format="json").status_code in (403, 405)
    assert client.delete(f"{URL}{event.pk}/").status_code in (403, 405)
    event.refresh_from_db()
    assert event.reason == "核实身份"
