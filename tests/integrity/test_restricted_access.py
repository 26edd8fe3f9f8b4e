"""Declarations and drinking reports are the most restricted records: the discipline officer sees those of
the jurisdiction, an officer only their own, the detachment and system administrators none; every read of
one — a page, a list or the API — is in the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from flameblue.core.models import AuditEvent
from flameblue.integrity import services
from flameblue.integrity.models import DrinkingReport, RelativeBusiness
from tests.dates import frozen_on

pytestmark = [pytest.mark.date_sensitive, frozen_on(dt.date(2026, 5, 20))]


@pytest.fixture
def declaration(people, integrity_world):
    return services.relative_business_declare(
        by=people.qiaocheng, year=2026, relative_name="李某", relation="spouse", enterprise_name="花戏楼建材商行",
        uscc=integrity_world.shop.credit_code,
    )  # fmt: skip


def test_visibility_is_the_owner_and_the_discipline_officers_only(people, integrity_world, declaration):
    seen = {
        name: RelativeBusiness.objects.visible_to(user).filter(pk=declaration.pk).exists()
        for name, user in {
            "owner": people.qiaocheng, "discipline": integrity_world.discipline, "colleague": people.mengcheng,
            "admin": people.detachment, "sysadmin": people.sysadmin, "auditor": people.auditor,
            "mc_discipline": integrity_world.mc_discipline,
        }.items()
    }  # fmt: skip
    assert seen == {
        "owner": True, "discipline": True, "colleague": False, "admin": False, "sysadmin": False,
        "auditor": False, "mc_discipline": False,
    }  # fmt: skip


def test_the_detachment_admin_gets_404_on_a_declaration(login, people, declaration):
    response = login(people.detachment).get(reverse("integrity:declaration-detail", args=[declaration.pk]))
    assert response.status_code == 404


def test_the_discipline_officers_read_is_audited_and_the_auditor_sees_it(
    login, people, integrity_world, declaration
):
    client = login(integrity_world.discipline)
    response = client.get(reverse("integrity:declaration-detail", args=[declaration.pk]))
    assert response.status_code == 200 and "利益冲突" in response.content.decode()

    read = AuditEvent.objects.get(
        action="reveal", object_type="integrity.relativebusiness", object_id=str(declaration.pk)
    )
    assert read.actor == integrity_world.discipline
    trail = login(people.auditor).get(reverse("core:audit-list"), {"actor": "zhidui_discipline"})
    assert trail.status_code == 200


def test_lists_and_the_api_audit_what_they_show(login, people, integrity_world, declaration):
    client = login(integrity_world.discipline)
    assert client.get(reverse("integrity:declaration-list")).status_code == 200
    assert client.get(f"/api/v1/relative-businesses/{declaration.pk}/").json()["is_conflict"] is True
    events = AuditEvent.objects.filter(action="reveal", object_type="integrity.relativebusiness")
    assert events.count() == 2
    assert [declaration.pk] in [e.changes.get("ids") for e in events]


def test_an_officer_lists_only_their_own_drinking_reports(login, people):
    mine = services.drinking_report(
        by=people.qiaocheng, occasion_on=dt.date(2026, 5, 22), place="家", reason="婚宴"
    )
    services.drinking_report(by=people.mengcheng, occasion_on=dt.date(2026, 5, 22), place="家", reason="寿宴")
    response = login(people.qiaocheng).get("/api/v1/drinking-reports/")
    assert [row["id"] for row in response.json()["results"]] == [mine.pk]
    assert not DrinkingReport.objects.visible_to(people.detachment).filter(pk=mine.pk).exists()


def test_the_export_names_its_reader_and_is_audited(login, integrity_world, declaration):
    import io

    from openpyxl import load_workbook

    response = login(integrity_world.discipline).get(reverse("integrity:declaration-export"))
    assert response.status_code == 200 and "zhidui_discipline" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert "花戏楼建材商行" in cells and any("导出人" in c and "zhidui_discipline" in c for c in cells)
    assert AuditEvent.objects.get(action="export", object_type="integrity.relativebusiness").changes == {
        "ids": [declaration.pk]
    }
