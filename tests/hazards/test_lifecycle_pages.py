"""The hazard pages as officers and unit managers use them: the whole loop, a colleague's move in between,
filters shared by list/export/map, and the unit manager's own page."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from flameblue.core.models import AuditAction, AuditEvent
from flameblue.hazards.choices import HazardStatus
from flameblue.hazards.models import Hazard
from tests.hazards.conftest import png
from tests.hazards.lifecycle_helpers import confirm, rectifying, report

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def test_the_whole_loop_through_the_pages(client, units, people):
    client.force_login(people.qiaocheng)
    response = client.post(
        reverse("hazards:hazard-create"),
        {"unit": units.school.pk, "description": "宿舍楼安全出口锁闭", "location": "3号宿舍楼", "source": "supervision",
         "grade": "general", "photos": png("before.png")},
    )  # fmt: skip
    hazard = Hazard.objects.get(description="宿舍楼安全出口锁闭")
    assert response.status_code == 302 and response["Location"] == reverse(
        "hazards:hazard-detail", args=[hazard.pk]
    )

    response = client.post(
        reverse("hazards:hazard-confirm", args=[hazard.pk]),
        {
            "version": hazard.version,
            "grade": "prominent",
            "responsible_party": "亳州市第一中学",
            "start": "on",
        },
    )
    assert response.status_code == 302
    hazard.refresh_from_db()
    assert hazard.status == HazardStatus.RECTIFYING and hazard.notice.number.startswith("亳谯消限字")

    client.force_login(people.unit_manager)
    page = client.get(reverse("hazards:my-unit-hazards"))
    assert "宿舍楼安全出口锁闭" in page.content.decode()
    response = client.post(
        reverse("hazards:hazard-report-completion", args=[hazard.pk]),
        {
            "version": hazard.version,
            "note": "已拆除锁具",
            "photos": png("after.png"),
            "next": "/hazards/mine/",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/hazards/mine/"

    client.force_login(people.qiaocheng)
    hazard.refresh_from_db()
    response = client.post(
        reverse("hazards:hazard-recheck", args=[hazard.pk]), {"version": hazard.version, "result": "passed"}
    )
    assert response.status_code == 302
    hazard.refresh_from_db()
    assert hazard.status == HazardStatus.CLOSED

    detail = client.get(reverse("hazards:hazard-detail", args=[hazard.pk])).content.decode()
    for text in (
        "已发现",
        "已确认",
        "整改中",
        "已报整改完成",
        "已整改销案",
        "整改前",
        "整改后",
        hazard.notice.number,
    ):
        assert text in detail


def test_a_colleagues_move_in_between_shows_who_and_keeps_the_input(client, units, people):
    hazard = report(units.school, people.qiaocheng)
    seen = hazard.version
    confirm(hazard, people.detachment)

    client.force_login(people.qiaocheng)
    response = client.post(
        reverse("hazards:hazard-confirm", args=[hazard.pk]),
        {"version": seen, "grade": "major", "responsible_party": "我填写的责任方"},
    )
    body = response.content.decode()
    assert response.status_code == 409
    assert "该隐患已被zhidui于" in body and "已确认" in body and "请刷新" in body
    assert "我填写的责任方" in body  # the input is kept
    hazard.refresh_from_db()
    assert hazard.grade == "general" and hazard.transitions.count() == 2


def test_bad_input_names_the_field_and_keeps_the_rest(client, units, people):
    hazard = rectifying(units.school, people.qiaocheng)
    client.force_login(people.qiaocheng)
    response = client.post(
        reverse("hazards:hazard-recheck", args=[hazard.pk]),
        {"version": hazard.version, "result": "failed", "note": "", "deadline_amount": "7"},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "复查不合格时请写明存在的问题" in body and 'value="7"' in body


def test_a_unit_manager_cannot_report_completion_without_a_photo(client, units, people):
    hazard = rectifying(units.school, people.qiaocheng)
    client.force_login(people.unit_manager)
    response = client.post(
        reverse("hazards:hazard-report-completion", args=[hazard.pk]), {"version": hazard.version}
    )
    assert response.status_code == 400 and "请上传至少一张照片" in response.content.decode()


def test_list_export_and_map_share_one_filter_and_stay_in_scope(client, units, people):
    rectifying(units.school, people.qiaocheng)
    report(units.mall, people.qiaocheng, description='=HYPERLINK("http://x")')
    report(units.hospital, people.mengcheng, description="蒙城医院隐患")
    client.force_login(people.qiaocheng)

    listing = client.get(reverse("hazards:hazard-list"), {"status": "found"}).content.decode()
    assert "HYPERLINK" in listing and "疏散通道堆放杂物" not in listing and "蒙城医院隐患" not in listing

    export = client.get(reverse("hazards:hazard-export"), {"status": "found"})
    sheet = load_workbook(io.BytesIO(export.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][4].startswith("'=")  # formula neutralised
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, object_type="hazards.hazard").exists()

    points = client.get(reverse("hazards:hazard-map-points")).json()["points"]
    assert [p["unit"] for p in points] == ["亳州市第一中学"]  # only units with coordinates, only in scope


def test_region_and_grade_filters(client, units, people):
    confirm(report(units.school, people.qiaocheng), people.qiaocheng, grade="major")
    report(units.hospital, people.mengcheng, description="蒙城医院隐患")
    client.force_login(people.detachment)
    body = client.get(reverse("hazards:hazard-list"), {"region": "341622"}).content.decode()
    assert "蒙城医院隐患" in body and "疏散通道堆放杂物" not in body
    body = client.get(reverse("hazards:hazard-list"), {"grade": "major"}).content.decode()
    assert "疏散通道堆放杂物" in body and "蒙城医院隐患" not in body


def test_notice_template_page_refuses_a_non_docx_and_installs_a_good_one(client, people):
    import docx
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(people.detachment)
    url = reverse("hazards:notice-template")
    bad = client.post(url, {"template": SimpleUploadedFile("x.docx", b"not a zip")})
    assert bad.status_code == 400 and "Word" in bad.content.decode()

    document, buffer = docx.Document(), io.BytesIO()
    document.add_paragraph("{{ number }}")
    document.save(buffer)
    good = client.post(url, {"template": SimpleUploadedFile("n.docx", buffer.getvalue())})
    assert good.status_code == 302
