import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from flameblue.core import audit
from flameblue.core.exports import neutralise
from flameblue.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("text", ["=1+2", "+86 138", "-2", "@SUM(A1)", "\tx", "\x00x", "\rx"])
def test_neutralise_prefixes_formula_starts_with_a_quote(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["谯城区", "a=b", 42, -3.5, None])
def test_neutralise_leaves_plain_values_alone(value):
    assert neutralise(value) == ("" if value is None else value)


@pytest.fixture
def events(people, orgs):
    audit.record(
        AuditAction.UPDATE, by=people.detachment, obj=orgs.mengcheng_gov, changes={"name": ["a", "b"]}
    )
    audit.record(
        AuditAction.REVEAL, by=people.detachment, obj=people.qiaocheng.person, reason='=HYPERLINK("http://x")'
    )
    audit.record(AuditAction.LOGIN_FAILED, actor_name="-mallory", object_type="org.user", object_repr="@evil")


def test_auditor_filters_by_actor_action_and_object(login, people, events, orgs):
    client = login(people.auditor)
    url = reverse("core:audit-list")
    reveals = client.get(url, {"action": "reveal"}).context["object_list"]
    assert [e.action for e in reveals] == ["reveal"]
    by_actor = client.get(url, {"actor": "mallory"}).context["object_list"]
    assert [e.actor_name for e in by_actor] == ["-mallory"]
    by_object = client.get(url, {"object_type": "org.organization", "object_id": str(orgs.mengcheng_gov.pk)})
    assert [e.action for e in by_object.context["object_list"]] == ["update"]
    assert client.get(url, {"since": "2000-01-01", "until": "2000-01-02"}).context["object_list"].count() == 0


def test_audit_detail_shows_field_changes(login, people, events):
    event = AuditEvent.objects.get(action=AuditAction.UPDATE, object_type="org.organization")
    html = login(people.auditor).get(reverse("core:audit-detail", kwargs={"pk": event.pk})).content.decode()
    assert "<td>名称</td>" in html and "<code>name</code>" not in html  # the field by its verbose name


def test_export_neutralises_formula_cells_and_is_audited(login, people, events):
    response = login(people.auditor).get(reverse("core:audit-export"), {"action": "reveal"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2  # header + the one reveal
    assert '\'=HYPERLINK("http://x")' in rows[1]
    export = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert export.actor == people.auditor
    assert export.changes["rows"] == 1 and export.changes["filters"] == {"action": "reveal"}


def test_export_of_everything_neutralises_actor_and_object(login, people, events):
    response = login(people.auditor).get(reverse("core:audit-export"))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    cells = {c for row in rows[1:] for c in row if isinstance(c, str)}
    assert "'-mallory" in cells and "'@evil" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


def test_only_auditors_read_the_audit_log(login, people, events):
    assert login(people.sysadmin).get(reverse("core:audit-list")).status_code == 403
    assert login(people.sysadmin).get(reverse("core:audit-export")).status_code == 403
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()
