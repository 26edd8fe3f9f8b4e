#!/usr/bin/env python
"""Build the built-in Word template of the listing document (重大火灾隐患挂牌督办通知书) with python-docx.

The output, ``src/flameblue/hazards/documents/listing-notice.docx``, is committed; run this again after
changing the layout. Placeholders are docxtpl (Jinja) tags; the context is built by
``hazards.supervision.documents.listing_context``.
Usage: .venv/bin/python scripts/build-listing-notice-template.py
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
    / "hazards"
    / "documents"
    / "listing-notice.docx"
)


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
    _centered(document, "{{ government_name }}", 16, bold=True)
    _centered(document, "重大火灾隐患挂牌督办通知书", 22, bold=True)
    _centered(document, "{{ document_number }}", 12)
    document.add_paragraph("{{ unit_name }}：")
    document.add_paragraph(
        "　　经{{ brigade_name }}检查并依照{{ standard }}判定，你单位（地址：{{ unit_address }}）存在以下火灾隐患，"
        "现决定对该隐患实行挂牌督办（案件编号：{{ case_number }}）："
    )
    table = document.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    rows = [("隐患部位", "{{ location }}"), ("隐患情况", "{{ description }}"), ("整改期限", "{{ deadline }}")]
    for row, (label, value) in zip(table.rows, rows, strict=True):
        row.cells[0].text = label
        row.cells[1].text = value
    document.add_paragraph(
        "　　请你单位落实整改责任，制定整改方案，采取整改期间的安全防范措施，于{{ deadline }}前完成整改，"
        "并每{{ report_interval_days }}日向督办机关报告整改进展。整改完成后申请复查，经复查合格后予以摘牌销案。"
    )
    signature = document.add_paragraph("{{ government_name }}\n{{ decided_on }}")
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph("抄送：{{ brigade_name }}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    document.save(OUT)
    return OUT


if __name__ == "__main__":
    print(build())
