#!/usr/bin/env python
"""Build the built-in Word templates of the enforcement app with python-docx: 临时查封决定书, 解除临时查封决定书,
公众聚集场所投入使用、营业前消防安全检查受理凭证 and 检查意见书/合格证明, 大型群众性活动消防安全检查意见书.

The outputs under ``src/flameblue/enforcement/documents/`` are committed; run this again after changing a
layout. Placeholders are docxtpl (Jinja) tags; the contexts are built by ``enforcement.documents``.
Usage: .venv/bin/python scripts/build-enforcement-templates.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

OUT = Path(__file__).resolve().parent.parent / "src" / "flameblue" / "enforcement" / "documents"


def _document() -> Document:
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "SimSun"
    style.font.size = Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    return document


def _centered(document: Document, text: str, size: int, bold: bool = False) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold


def _head(document: Document, title: str) -> None:
    _centered(document, "{{ agency_name }}", 16, bold=True)
    _centered(document, title, 22, bold=True)
    _centered(document, "{{ number }}", 12)


def _sign(document: Document, day: str) -> None:
    signature = document.add_paragraph("{{ agency_name }}（印章）\n" + day)
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _table(document: Document, rows: list[tuple[str, str]]) -> None:
    table = document.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for row, (label, value) in zip(table.rows, rows, strict=True):
        row.cells[0].text = label
        row.cells[1].text = value


def sealing_decision() -> Document:
    document = _document()
    _head(document, "临时查封决定书")
    document.add_paragraph("{{ unit_name }}：")
    document.add_paragraph(
        "　　{{ inspected_on }}，本机构对你单位（地址：{{ unit_address }}）进行消防监督检查，发现{{ facts }}。"
        "该情形属于{{ ground }}，不及时消除可能严重威胁公共安全。根据{{ basis }}，经本机构负责人组织集体研究，"
        "决定自{{ starts_on }}起对{{ premises }}实施临时查封，期限{{ period_days }}日（逾期未消除火灾隐患的，"
        "不受查封期限的限制）。实施方法：{{ method }}。"
    )
    document.add_paragraph(
        "　　查封期间，你单位可以进入被查封的部位或者场所整改火灾隐患，但不得生产、经营或者使用。火灾隐患消除后，"
        "应当向本机构申请解除临时查封。如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，"
        "或者在六个月内依法向人民法院提起行政诉讼。"
    )
    _sign(document, "{{ decided_on }}")
    document.add_paragraph("被查封单位签收：＿＿＿＿＿＿　　送达日期：{{ served_on }}")
    return document


def sealing_lift() -> Document:
    document = _document()
    _head(document, "解除临时查封决定书")
    document.add_paragraph("{{ unit_name }}：")
    document.add_paragraph(
        "　　本机构于{{ decided_on }}以{{ decision_number }}临时查封决定书对你单位{{ premises }}实施临时查封。"
        "你单位于{{ requested_on }}申请解除临时查封，经{{ checked_on }}现场检查，火灾隐患已经消除（{{ check_notes }}）。"
        "根据{{ basis }}，决定自{{ lifted_on }}起解除临时查封。"
    )
    _sign(document, "{{ lifted_on }}")
    return document


def preopening_receipt() -> Document:
    document = _document()
    _head(document, "公众聚集场所投入使用、营业前消防安全检查受理凭证")
    document.add_paragraph("{{ applicant }}：")
    document.add_paragraph("　　你单位于{{ applied_on }}提出的公众聚集场所投入使用、营业前消防安全检查申请，本机构已于"
                           "{{ accepted_on }}受理（办理方式：{{ path }}）。")  # fmt: skip
    _table(document, [("场所名称", "{{ place_name }}"), ("场所地址", "{{ address }}"),
                      ("使用面积", "{{ area_m2 }} 平方米"), ("依据", "{{ basis }}")])  # fmt: skip
    document.add_paragraph("　　{{ next_step }}")
    _sign(document, "{{ accepted_on }}")
    return document


def preopening_result() -> Document:
    document = _document()
    _head(document, "{{ title }}")
    document.add_paragraph("{{ applicant }}：")
    document.add_paragraph("　　根据{{ basis }}，本机构于{{ checked_on }}对{{ place_name }}（地址：{{ address }}，"
                           "使用面积{{ area_m2 }}平方米）进行了消防安全检查，检查情况如下：")  # fmt: skip
    document.add_paragraph("　　{{ findings }}")
    document.add_paragraph("　　结论：{{ conclusion }}")
    _sign(document, "{{ decided_on }}")
    return document


def event_opinion() -> Document:
    document = _document()
    _head(document, "大型群众性活动消防安全检查意见书")
    document.add_paragraph("{{ unit_name }}：")
    document.add_paragraph("　　根据{{ basis }}，本机构于{{ checked_on }}对你单位承办的“{{ event_name }}”"
                           "（{{ venue }}，{{ starts_on }}至{{ ends_on }}，预计{{ expected_attendance }}人）进行了举办前消防安全检查：")  # fmt: skip
    document.add_paragraph("　　{{ findings }}")
    document.add_paragraph("　　结论：{{ conclusion }}")
    _sign(document, "{{ checked_on }}")
    return document


BUILDERS = {
    "sealing-decision.docx": sealing_decision,
    "sealing-lift.docx": sealing_lift,
    "preopening-receipt.docx": preopening_receipt,
    "preopening-result.docx": preopening_result,
    "event-opinion.docx": event_opinion,
}


def build() -> list[Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, builder in BUILDERS.items():
        path = OUT / name
        builder().save(path)
        paths.append(path)
    return paths


if __name__ == "__main__":
    for path in build():
        print(path)
