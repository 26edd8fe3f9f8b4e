"""The signed inspection record (消防安全检查记录) as a Word document: the unit, the date, the inspectors, both
signatures with their timestamps, every failed item with its note and measurement, and the findings with
the hazards they became. The built-in template is ``documents/inspection-record.docx`` (built by
``scripts/build-inspection-templates.py``); an administrator may replace it (core.documents)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from flameblue.core.documents import DocumentKind, register_kind, render_document
from flameblue.inspections.choices import AnswerResult

__all__ = ["DOCUMENT_CODE", "SAMPLE_CONTEXT", "record_context", "render"]

DOCUMENT_CODE = "inspection-record"

SAMPLE_CONTEXT: dict[str, Any] = {
    "organization_name": "谯城区消防救援大队",
    "kind": "监督检查",
    "number": "JC-1",
    "unit_name": "亳州万达广场",
    "unit_credit_code": "",
    "unit_address": "亳州市谯城区",
    "region_name": "花戏楼街道",
    "inspected_on": "2026-03-01",
    "checklist": "商场市场检查表（2026.1）",
    "inspectors": "张三",
    "totals": "合格 30 项，不合格 1 项，不适用 5 项",
    "failed_items": [{"index": 1, "code": "MALL-001", "text": "安全出口畅通", "note": "东侧出口锁闭"}],
    "findings": [
        {"index": 1, "description": "东侧出口锁闭", "grade": "突出隐患", "element": "7.3.3", "hazard": "12"}
    ],
    "summary": "",
    "inspector_signature_name": "张三",
    "inspector_signed_at": "2026-03-01 10:00",
    "unit_signature_name": "李四",
    "unit_signed_at": "2026-03-01 10:00",
    "submitted_at": "2026-03-01 10:00",
}

register_kind(
    DocumentKind(
        code=DOCUMENT_CODE,
        title=gettext_lazy("消防安全检查记录"),
        builtin=Path(__file__).resolve().parent / "documents" / "inspection-record.docx",
        sample_context=SAMPLE_CONTEXT,
    )
)


def _when(value: Any) -> str:
    return date_format(timezone.localtime(value), "Y-m-d H:i") if value else ""


def _note(answer: Any) -> str:
    parts = [answer.note] if answer.note else []
    values = answer.measurement_values or {}
    if values.get("ratio"):
        met = _("达到判定标准") if answer.measurement_met else _("未达到判定标准")
        parts.append(
            _("测量 %(n)s / %(d)s = %(r)s%%，%(met)s")
            % {"n": values.get("numerator"), "d": values.get("denominator"), "r": values["ratio"], "met": met}
        )
    return "；".join(parts)


def record_context(inspection: Any) -> dict[str, Any]:
    answers = list(inspection.answers.select_related("item").order_by("item__order"))
    counts = {value: sum(1 for a in answers if a.result == value) for value in AnswerResult.values}
    failed = [a for a in answers if a.result == AnswerResult.FAIL]
    findings = list(inspection.findings.select_related("hazard").order_by("id"))
    people = [p.name for p in inspection.co_inspector_people.order_by("name", "pk")]
    # Records from before co-inspectors were people keep their free text when no one was linked from it.
    legacy = [] if people else [inspection.co_inspectors]
    inspectors = [inspection.inspector_signature_name, *people, *legacy]
    unit = inspection.unit
    return {
        "organization_name": inspection.organization.name if inspection.organization_id else "",
        "kind": inspection.get_kind_display(),
        "number": f"JC-{inspection.pk}",
        "unit_name": unit.name,
        "unit_credit_code": unit.credit_code,
        "unit_address": unit.address,
        "region_name": inspection.region.name,
        "inspected_on": inspection.inspected_on.isoformat(),
        "checklist": str(inspection.checklist),
        "inspectors": "、".join(p for p in inspectors if p),
        "totals": _("合格 %(p)d 项，不合格 %(f)d 项，不适用 %(n)d 项")
        % {"p": counts["pass"], "f": counts["fail"], "n": counts["na"]},
        "failed_items": [
            {"index": i, "code": a.item.code, "text": a.item.text, "note": _note(a)}
            for i, a in enumerate(failed, start=1)
        ],
        "findings": [
            {
                "index": i,
                "description": f.description,
                "grade": f.get_suggested_grade_display(),
                "element": f.suggested_element,
                "hazard": str(f.hazard_id or ""),
            }
            for i, f in enumerate(findings, start=1)
        ],
        "summary": inspection.summary,
        "inspector_signature_name": inspection.inspector_signature_name,
        "inspector_signed_at": _when(inspection.inspector_signed_at),
        "unit_signature_name": inspection.unit_signature_name,
        "unit_signed_at": _when(inspection.unit_signed_at),
        "submitted_at": _when(inspection.submitted_at),
    }


def render(inspection: Any) -> bytes:
    return render_document(DOCUMENT_CODE, record_context(inspection))
