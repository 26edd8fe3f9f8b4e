#!/usr/bin/env python
"""Build the built-in Word template of the hazards app (责令限期改正通知书) with python-docx.

The output, ``src/flameblue/hazards/documents/notice.docx``, is committed; run this again after changing
the layout. Placeholders are docxtpl (Jinja) tags; the context is built by ``hazards.notices.notice_context``.
Usage: .venv/bin/python scripts/build-hazard-templates.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

OUT = Path(__file__).resolve().parent.parent / "src" / "flameblue" / "hazards" / "documents" / "notice.docx"


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
    table = document.add_table(rows=4, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["序号", "隐患部位", "隐患情况", "整改期限"], strict=True):
        cell.text = text
    table.rows[1].cells[0].text = "{%tr for h in hazards %}"
    for cell, text in zip(
        table.rows[2].cells,
        ["{{ h.index }}", "{{ h.location }}", "{{ h.description }}", "{{ h.deadline }}"],
        strict=True,
    ):
        cell.text = text
    table.rows[3].cells[0].text = "{%tr endfor %}"
    document.add_paragraph(
        "　　根据《中华人民共和国消防法》第六十条的规定，责令你单位于{{ deadline }}前改正上述违法行为（火灾隐患）。"
        "改正期间，应当采取措施确保消防安全。改正完毕后，请向我单位书面报告，我单位将依法进行复查。"
    )
    document.add_paragraph("　　{{ appeal }}")
    signature = document.add_paragraph("{{ brigade_name }}\n{{ issued_on }}")
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph("被检查单位签收：　　　　　　　　　日期：")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    document.save(OUT)
    return OUT


if __name__ == "__main__":
    print(build())
