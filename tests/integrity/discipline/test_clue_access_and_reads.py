"""Clues are the most restricted records: the discipline officer sees those of the jurisdiction; the detachment
administrator, the system administrator and the auditor get 404 on every clue page and endpoint. Every read —
a list, a clue page, an API call, an export — is in the audit trail; the export names its reader in the file."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse

from flameblue.core.models import AuditEvent
from flameblue.integrity.discipline import services
from flameblue.integrity.discipline.models import Clue
from tests.dates import frozen_on

pytestmark = [pytest.mark.date_sensitive, frozen_on(dt.date(2026, 5, 20))]


@pytest.fixture
def clue(people, integrity_world):
    return services.clue_register(
        by=None, source="procuratorate", subject=people.qiaocheng.person, received_on=dt.date(2026, 5, 2),
        summary="检察院移送：涉嫌违规收受礼金",
    )  # fmt: skip


def test_only_discipline_officers_of_the_jurisdiction_see_a_clue(people, integrity_world, clue):
    seen = {
        name: Clue.objects.visible_to(user).filter(pk=clue.pk).exists()
        for name, user in {
            "discipline": integrity_world.discipline, "mc_discipline": integrity_world.mc_discipline,
            "admin": people.detachment, "sysadmin": people.sysadmin, "auditor": people.auditor,
            "subject": people.qiaocheng, "political": integrity_world.political,
        }.items()
    }  # fmt: skip
    assert seen == {
        "discipline": True, "mc_discipline": False, "admin": False, "sysadmin": False, "auditor": False,
        "subject": False, "political": False,
    }  # fmt: skip


@pytest.mark.parametrize("who", ["detachment", "sysadmin", "auditor", "qiaocheng"])
def test_everyone_else_gets_404_on_clue_pages_and_endpoints(login, people, clue, who):
    client = login(getattr(people, who))
    for url in (
        reverse("integrity:clue-detail", args=[clue.pk]), reverse("integrity:clue-list"),
        reverse("integrity:clue-export"), reverse("integrity:exchange-list"),
        reverse("api:integrity-clue-detail", args=[clue.pk]), reverse("api:integrity-clue-list"),
    ):  # fmt: skip
        assert client.get(url).status_code == 404, url


def test_opening_a_clue_is_a_read_in_the_audit_trail(login, integrity_world, clue):
    client = login(integrity_world.discipline)
    page = client.get(reverse("integrity:clue-detail", args=[clue.pk]))
    assert page.status_code == 200 and "涉嫌违规收受礼金" in page.content.decode()
    read = AuditEvent.objects.get(action="reveal", object_type="integrity.clue", object_id=str(clue.pk))
    assert read.actor == integrity_world.discipline


def test_a_list_records_which_clues_it_showed(login, integrity_world, clue):
    login(integrity_world.discipline).get(reverse("integrity:clue-list"))
    listed = AuditEvent.objects.get(action="reveal", object_type="integrity.clue", object_id="")
    assert listed.changes == {"ids": [clue.pk]}


def test_an_api_read_is_audited_too(login, integrity_world, clue):
    response = login(integrity_world.discipline).get(reverse("api:integrity-clue-detail", args=[clue.pk]))
    assert response.status_code == 200 and response.json()["number"] == clue.number
    assert AuditEvent.objects.filter(
        action="reveal", object_type="integrity.clue", object_id=str(clue.pk)
    ).exists()


def test_the_export_names_its_reader_and_is_audited(login, integrity_world, clue):
    response = login(integrity_world.discipline).get(reverse("integrity:clue-export"))
    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(response.streaming_content if response.streaming else [response.content]))
    ).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert clue.number in cells
    assert any("导出人" in c and "zhidui_discipline" in c and "2026-05-20" in c for c in cells)
    assert AuditEvent.objects.filter(action="export", object_type="integrity.clue").exists()


def test_the_discipline_officer_disposes_a_clue_from_its_page(login, integrity_world, clue):
    client = login(integrity_world.discipline)
    response = client.post(
        reverse("integrity:clue-dispose", args=[clue.pk]), {"to": "talk", "reason": "谈话函询", "version": 1}
    )
    assert response.status_code == 302
    clue.refresh_from_db()
    assert clue.status == "talk" and clue.step_due_on == dt.date(2026, 6, 19)
    stale = client.post(
        reverse("integrity:clue-dispose", args=[clue.pk]), {"to": "closed", "reason": "了结", "version": 1}
    )
    assert stale.status_code == 409 and "刷新" in stale.content.decode()


def test_the_procuratorate_exchange_is_logged_against_the_clue(login, integrity_world, clue):
    services.exchange_log(
        by=integrity_world.discipline, direction="received", kind="clue", exchanged_on=dt.date(2026, 5, 2),
        document_number="亳检移〔2026〕3号", summary="移送线索一件", clue=clue,
    )  # fmt: skip
    page = login(integrity_world.discipline).get(reverse("integrity:clue-detail", args=[clue.pk]))
    assert "亳检移〔2026〕3号" in page.content.decode()


def test_the_api_registers_a_clue_for_the_discipline_officer_only(login, people, integrity_world):
    data = {"source": "sweep", "subject": people.qiaocheng.person.pk, "received_on": "2026-05-18",
            "summary": "大起底排查发现的问题"}  # fmt: skip
    url = reverse("api:integrity-clue-list")
    created = login(integrity_world.discipline).post(url, data, content_type="application/json")
    assert created.status_code == 201 and created.json()["status"] == "registered"
    assert created.json()["step_due_on"] == "2026-06-02"
    assert login(people.detachment).post(url, data, content_type="application/json").status_code == 404
    assert Clue.objects.count() == 1
