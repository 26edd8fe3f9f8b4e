#!/usr/bin/env python
"""Build the built-in Word templates of the hazards app with python-docx: the 责令限期改正通知书
(``documents/notice.docx``, context from ``hazards.notices.notice_context``) and the 重大火灾隐患整改通知书
(``documents/major-notice.docx``, context from ``hazards.procedure.major_notice_context``).

The outputs are committed; run this again after changing the layout. Placeholders are docxtpl (Jinja) tags.
Usage: .venv/bin/python scripts/build-hazard-templates.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

DOCS = Path(__file__).resolve().parent.parent / "src" / "flameblue" / "hazards" / "documents"
OUT = DOCS / "notice.docx"
MAJOR_OUT = DOCS / "major-notice.docx"


def _font(document: Document) -> None:
    style = document.styles["Normal"]
    style.font.name = "SimSun"
    style.font.size = Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")


def _centered(document: Document, text: str, size: int, bold: bool = False) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold


def build() -> Path:
    document = Document()
    _font(document)
    _centered(document, "{{ brigade_name }}", 16, bold=True)
    _centered(document, "责令限期改正通知书", 22, bold=True)
    _centered(document, "{{ number }}", 12)
    document.add_paragraph("{{ unit_name }}：")
    document.add_paragraph(
        "　　根据{{ legal_basis }}的规定，我单位于{{ issued_on }}对你单位（地址：{{ unit_address }}）进行消防监督检查，"
        "发现你单位存在下列消防安全违法行为（火灾隐患）："
    )
    _hazard_table(document)
    document.add_paragraph(
        "　　根据{{ order_basis }}的规定，责令你单位于{{ deadline }}前改正上述违法行为（火灾隐患）。"
        "改正期间，应当采取措施确保消防安全。改正完毕后，请向我单位书面报告，我单位将依法进行复查。"
    )
    document.add_paragraph(
        "{% if amends %}　　本通知书补充{{ amends }}，原通知书所列事项继续有效。{% endif %}"
    )
    document.add_paragraph("　　{{ appeal }}")
    signature = document.add_paragraph("{{ brigade_name }}\n{{ issued_on }}")
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph("被检查单位签收：　　　　　　　　　日期：")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    document.save(OUT)
    return OUT


def _hazard_table(document: Document) -> None:
    table = document.add_table(rows=4, cols=5)
    table.style = "Table Grid"
    header = ["序号", "隐患部位", "隐患情况", "违反条款", "整改期限"]
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    table.rows[1].cells[0].text = "{%tr for h in hazards %}"
    row = ["{{ h.index }}", "{{ h.location }}", "{{ h.description }}", "{{ h.basis }}", "{{ h.deadline }}"]
    for cell, text in zip(table.rows[2].cells, row, strict=True):
        cell.text = text
    table.rows[3].cells[0].text = "{%tr endfor %}"


def build_major() -> Path:
    document = Document()
    _font(document)
    _centered(document, "{{ brigade_name }}", 16, bold=True)
    _centered(document, "重大火灾隐患整改通知书", 22, bold=True)
    _centered(document, "{{ number }}", 12)
    document.add_paragraph("{{ unit_name }}：")
    document.add_paragraph(
        "　　我单位于{{ inspected_on }}对你单位（地址：{{ unit_address }}）进行消防监督检查，发现的火灾隐患经集体研究"
        "{% if experts %}并组织专家论证{% endif %}，依照{{ standard }}，于{{ determined_on }}确定为重大火灾隐患："
    )
    table = document.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    rows = [("隐患部位", "{{ location }}"), ("隐患情况", "{{ description }}"), ("违反条款", "{{ basis }}")]
    for row, (label, value) in zip(table.rows, rows, strict=True):
        row.cells[0].text = label
        row.cells[1].text = value
    document.add_paragraph(
        "　　根据{{ legal_basis }}的规定，责令你单位于{{ deadline }}前完成整改。整改期间应当采取确保消防安全的措施"
        "{% if measures %}（{{ measures }}）{% endif %}；整改完毕后书面报告我单位，我单位将依法复查。"
    )
    document.add_paragraph("　　我单位已将处理意见书面报告{{ government_name }}。")
    document.add_paragraph("　　{{ appeal }}")
    signature = document.add_paragraph("{{ brigade_name }}\n{{ issued_on }}")
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph("被检查单位签收：　　　　　　　　　日期：")
    document.save(MAJOR_OUT)
    return MAJOR_OUT


if __name__ == "__main__":
    print(build())
    print(build_major())
