#!/usr/bin/env python
"""Build the built-in Word template of the inspections app (消防安全检查记录) with python-docx.

The output, ``src/flameblue/inspections/documents/inspection-record.docx``, is committed; run this again after
changing the layout. Placeholders are docxtpl (Jinja) tags; the context is built by
``flameblue.inspections.record.record_context``.
Usage: .venv/bin/python scripts/build-inspection-templates.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

OUT = (
    Path(__file__).resolve().parent.parent
    / "src"
    / "flameblue"
    / "inspections"
    / "documents"
    / "inspection-record.docx"
)


def _font(document: Document) -> None:
    style = document.styles["Normal"]
    style.font.name = "SimSun"
    style.font.size = Pt(11)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")


def _centered(document: Document, text: str, size: int, bold: bool = False) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold


def _pairs(document: Document, rows: list[tuple[str, str, str, str]]) -> None:
    table = document.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    for row, values in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text


def _loop_table(document: Document, headers: list[str], cells: list[str], loop: str) -> None:
    table = document.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
    table.rows[1].cells[0].text = "{%tr for " + loop + " %}"
    for cell, text in zip(table.rows[2].cells, cells, strict=True):
        cell.text = text
    table.rows[3].cells[0].text = "{%tr endfor %}"


def build() -> Path:
    document = Document()
    _font(document)
    _centered(document, "{{ organization_name }}", 14, bold=True)
    _centered(document, "消防安全检查记录", 20, bold=True)
    _centered(document, "（{{ kind }}）　记录编号：{{ number }}", 11)
    _pairs(
        document,
        [
            ("被检查单位", "{{ unit_name }}", "统一社会信用代码", "{{ unit_credit_code }}"),
            ("单位地址", "{{ unit_address }}", "所在乡镇（街道）", "{{ region_name }}"),
            ("检查日期", "{{ inspected_on }}", "检查表", "{{ checklist }}"),
            ("检查人员", "{{ inspectors }}", "检查结果", "{{ totals }}"),
        ],
    )
    document.add_paragraph()
    document.add_paragraph("一、不合格项").runs[0].bold = True
    _loop_table(
        document,
        ["序号", "检查项", "检查内容", "检查说明与测量"],
        ["{{ f.index }}", "{{ f.code }}", "{{ f.text }}", "{{ f.note }}"],
        "f in failed_items",
    )
    document.add_paragraph("{% if not failed_items %}本次检查未发现不合格项。{% endif %}")
    document.add_paragraph("二、检查发现（火灾隐患建议）").runs[0].bold = True
    _loop_table(
        document,
        ["序号", "问题描述", "建议等级", "GB 35181 要素", "隐患编号"],
        ["{{ h.index }}", "{{ h.description }}", "{{ h.grade }}", "{{ h.element }}", "{{ h.hazard }}"],
        "h in findings",
    )
    document.add_paragraph("三、检查情况：{{ summary }}")
    document.add_paragraph()
    _pairs(
        document,
        [
            ("检查人签名", "{{ inspector_signature_name }}", "签名时间", "{{ inspector_signed_at }}"),
            ("被检查单位签名", "{{ unit_signature_name }}", "签名时间", "{{ unit_signed_at }}"),
        ],
    )
    footer = document.add_paragraph("提交时间：{{ submitted_at }}　　本记录由火焰蓝平台生成")
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    OUT.parent.mkdir(parents=True, exist_ok=True)
    document.save(OUT)
    return OUT


if __name__ == "__main__":
    print(build())
