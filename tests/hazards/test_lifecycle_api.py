"""The hazards API: the same services, 409 when someone else moved the hazard first."""

from __future__ import annotations

import pytest
from django.urls import reverse

from flameblue.hazards.choices import HazardStatus
from tests.hazards.conftest import png
from tests.hazards.lifecycle_helpers import rectifying, report

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def test_report_confirm_and_conflict_through_the_api(client, units, people):
    client.force_login(people.qiaocheng)
    created = client.post(
        reverse("api:hazard-list"),
        {"unit": units.mall.pk, "description": "消防车道被占用", "source": "supervision"},
        content_type="application/json",
    )
    assert created.status_code == 201
    body = created.json()
    url = reverse("api:hazard-confirm", args=[body["id"]])

    ok = client.post(url, {"version": body["version"], "grade": "general", "responsible_party": "万达", "start": True},
                     content_type="application/json")  # fmt: skip
    assert ok.status_code == 200 and ok.json()["status"] == HazardStatus.RECTIFYING
    assert ok.json()["notice_number"].startswith("亳谯消限字")

    stale = client.post(url, {"version": body["version"], "grade": "major", "responsible_party": "x"},
                        content_type="application/json")  # fmt: skip
    assert stale.status_code == 409 and "请刷新" in stale.json()["detail"]
    again = client.post(url, {"grade": "major", "responsible_party": "x"}, content_type="application/json")
    assert again.status_code == 409 and "不能确认" in again.json()["detail"]


def test_unit_manager_reports_completion_with_a_photo(client, units, people):
    hazard = rectifying(units.school, people.qiaocheng)
    client.force_login(people.unit_manager)
    response = client.post(
        reverse("api:hazard-report-completion", args=[hazard.pk]), {"note": "已整改", "photos": [png()]}
    )
    assert response.status_code == 200 and response.json()["status"] == HazardStatus.COMPLETION_REPORTED


def test_api_list_uses_the_hazard_filter_and_scope(client, units, people):
    report(units.school, people.qiaocheng, description="学校隐患")
    report(units.hospital, people.mengcheng, description="医院隐患")
    client.force_login(people.qiaocheng)
    results = client.get(reverse("api:hazard-list"), {"source": "supervision"}).json()["results"]
    assert [r["description"] for r in results] == ["学校隐患"]


def test_notice_docx_download(client, units, people):
    hazard = rectifying(units.school, people.qiaocheng)
    client.force_login(people.qiaocheng)
    response = client.get(reverse("api:notice-docx", args=[hazard.notice_id]))
    assert response.status_code == 200 and response.content.startswith(b"PK")
