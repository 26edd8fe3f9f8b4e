"""Exporting the filtered unit list: the import's columns, masked personal data, neutralised formulas,
an audit row, and a file that imports back unchanged."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from flameblue.core.models import AuditAction, AuditEvent
from flameblue.units.models import ImportJobStatus
from flameblue.units.sheets.columns import COLUMNS
from tests.units.sheets.helpers import make_unit

pytestmark = pytest.mark.django_db

HEADERS = [c.header for c in COLUMNS]


def _export(client, user, query: str = ""):
    client.force_login(user)
    response = client.get(reverse("units:unit-export") + query)
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    rows = [list(r) for r in load_workbook(io.BytesIO(content)).worksheets[0].iter_rows(values_only=True)]
    return response, content, [dict(zip(rows[0], r, strict=False)) for r in rows[1:]], rows[0]


@pytest.fixture
def units(db):
    return [
        make_unit("=SUM(A1:A9)", phone="13812345678", building_area_m2=1200),
        make_unit("亳州市第二中学", "341602100", phone="13987654321", dormitory_beds=300),
        make_unit("蒙城县某商场", "341622101"),
    ]


def test_export_masks_phones_for_a_role_without_reveal_and_neutralises_formulas(client, people, units):
    response, _content, rows, headers = _export(client, people.qiaocheng)

    assert headers == HEADERS
    assert response["X-Content-Type-Options"] == "nosniff"
    names = sorted(r["单位名称*"] for r in rows)
    # 蒙城 is outside the inspector's jurisdiction; names are stored with full-width parentheses
    assert names == ["'=SUM（A1:A9）", "亳州市第二中学"]
    phones = {r["单位名称*"]: r["责任人电话"] for r in rows}
    assert phones["亳州市第二中学"] == "139****4321"
    assert "13987654321" not in str(rows)


def test_export_shows_phones_to_a_role_that_may_reveal(client, people, units):
    _response, _content, rows, _headers = _export(client, people.detachment)

    phones = {r["单位名称*"]: r["责任人电话"] for r in rows}
    assert phones["亳州市第二中学"] == "13987654321"
    assert len(rows) == 3


def test_export_follows_the_list_filters_and_is_audited(client, people, units):
    _response, _content, rows, _headers = _export(client, people.detachment, "?region=341602100")

    assert [r["单位名称*"] for r in rows] == ["亳州市第二中学"]
    event = AuditEvent.objects.filter(action=AuditAction.EXPORT, actor=people.detachment).get()
    assert event.object_type == "units.unit"
    assert event.changes["rows"] == 1
    assert event.changes["filter"] == {"region": "341602100"}


def test_an_export_imports_back_unchanged(client, upload, people, units):
    _response, content, _rows, _headers = _export(client, people.qiaocheng)

    _response, job = upload(people.qiaocheng, content)

    assert job.status == ImportJobStatus.READY, job.errors
    assert job.summary == {"create": 0, "update": 0, "unchanged": 2}


def test_the_unit_list_offers_export_and_qr_plates_for_its_current_filters(client, people, units):
    client.force_login(people.qiaocheng)

    partial = client.get(reverse("units:unit-list") + "?region=341602100", headers={"HX-Request": "true"})

    body = partial.content.decode()
    assert reverse("units:unit-export") + "?region=341602100" in body
    assert reverse("units:unit-qr-sheets") + "?region=341602100" in body


def test_a_grid_officer_sees_no_export_link(client, people, units):
    client.force_login(people.grid)

    body = client.get(reverse("units:unit-list")).content.decode()

    assert reverse("units:unit-export") not in body
    assert reverse("units:unit-qr-sheets") in body
