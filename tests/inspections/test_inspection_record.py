"""The signed inspection record in Word: the unit, the signatures with their times, every failed item with
its note, the findings; the download is audited as an export and refused for a draft."""

from __future__ import annotations

import io

from django.urls import reverse
from docx import Document

from flameblue.core.models import AuditAction, AuditEvent
from flameblue.inspections.services import inspection_start, inspection_submit
from tests.inspections.inspection_fixtures import answer_all, co_inspector


def _text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_word_record_contains_the_unit_signatures_and_failed_items(login, people, units):
    inspection = inspection_start(kind="supervision", unit=units.mall, by=people.qiaocheng)
    answer_all(
        inspection,
        people.qiaocheng,
        answers={
            "MALL-016": {"result": "fail", "note": "二楼疏散通道堆放货物"},
            "MALL-011": {"result": "fail", "measurement_values": {"numerator": "4", "denominator": "6"}},
        },
    )
    inspection_submit(
        inspection=inspection,
        by=people.qiaocheng,
        inspector_name="监督员张三",
        unit_representative_name="经理李四",
        co_inspector_people=co_inspector(people.qiaocheng, "监督员王五"),
    )
    client = login(people.qiaocheng)
    draft_url = reverse("inspections:inspection-docx", args=[inspection.pk])

    response = client.get(draft_url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    text = _text(response.content)
    assert "亳州万达广场" in text and "谯城区消防救援大队" in text
    assert "监督员张三" in text and "经理李四" in text and "监督员王五" in text
    assert "MALL-016" in text and "二楼疏散通道堆放货物" in text
    assert "MALL-011" in text and "66.67%" in text and "达到判定标准" in text
    assert "7.2.2" in text
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, object_id=str(inspection.pk)).count() == 1


def test_a_draft_has_no_record_yet(login, people, units):
    inspection = inspection_start(kind="supervision", unit=units.mall, by=people.qiaocheng)
    response = login(people.qiaocheng).get(reverse("inspections:inspection-docx", args=[inspection.pk]))
    assert response.status_code == 302
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()
