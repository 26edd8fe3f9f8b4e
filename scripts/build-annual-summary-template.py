#!/usr/bin/env python
"""Build the built-in Word template of the annual work summary (年度工作总结) with python-docx.

The output, ``src/flameblue/reports/documents/annual-summary.docx``, is committed; run this again after
changing the layout. An administrator may replace it with their own .docx (文书模板 page); it must use the
same docxtpl tags. Layout after GB/T 9704-2012 (党政机关公文格式): A4, margins 37/35/28/26 mm, title in
小标宋 二号 centred, 一级标题 黑体 三号, 二级标题 楷体 三号, body 仿宋 三号 with a two-character first-line
indent at a fixed 28-point line spacing, the organization and date at the end.

Context (``reports.summary.output.docx_context``): ``title``, ``organization``, ``signed_on`` and ``blocks``,
each ``{level (0 opening, 1 part, 2 section), heading, paragraphs: [str]}``.
Usage: .venv/bin/python scripts/build-annual-summary-template.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

OUT = (
    Path(__file__).resolve().parent.parent
    / "src"
    / "flameblue"
    / "reports"
    / "documents"
    / "annual-summary.docx"
)

BODY = ("仿宋_GB2312", "FangSong")
LEVEL_1 = ("黑体", "SimHei")
LEVEL_2 = ("楷体_GB2312", "KaiTi")
TITLE = ("方正小标宋简体", "SimSun")
SIZE_3 = Pt(16)  # 三号
SIZE_2 = Pt(22)  # 二号


def _fonts(run, fonts: tuple[str, str], size, bold: bool = False) -> None:
    east_asia, latin = fonts
    run.font.name = latin
    run.font.size = size
    run.bold = bold
    run_properties = run._element.get_or_add_rPr()
    run_properties.get_or_add_rFonts().set(qn("w:eastAsia"), east_asia)


def _paragraph(document, text: str, fonts=BODY, size=SIZE_3, *, indent: bool = True, align=None, bold=False):
    paragraph = document.add_paragraph()
    form = paragraph.paragraph_format
    form.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    form.line_spacing = Pt(28)
    form.space_before = Pt(0)
    form.space_after = Pt(0)
    if indent:
        form.first_line_indent = Pt(32)  # two characters of 三号
    if align is not None:
        paragraph.alignment = align
    _fonts(paragraph.add_run(text), fonts, size, bold)
    return paragraph


def _tag(document, text: str) -> None:
    """A paragraph holding only a docxtpl {%p %} tag: docxtpl removes the paragraph when rendering."""
    document.add_paragraph(text)


def build() -> Path:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = document.styles["Normal"]
    normal.font.name = BODY[1]
    normal.font.size = SIZE_3
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY[0])

    title = _paragraph(document, "{{ title }}", TITLE, SIZE_2, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    title.paragraph_format.line_spacing = Pt(36)
    _paragraph(document, "", indent=False)
    _tag(document, "{%p for block in blocks %}")
    _tag(document, "{%p if block.heading and block.level == 1 %}")
    _paragraph(document, "{{ block.heading }}", LEVEL_1)
    _tag(document, "{%p endif %}")
    _tag(document, "{%p if block.heading and block.level == 2 %}")
    _paragraph(document, "{{ block.heading }}", LEVEL_2)
    _tag(document, "{%p endif %}")
    _tag(document, "{%p for text in block.paragraphs %}")
    _paragraph(document, "{{ text }}")
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p endfor %}")
    _paragraph(document, "", indent=False)
    _paragraph(document, "{{ organization }}", indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _paragraph(document, "{{ signed_on }}", indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    document.save(OUT)
    return OUT


if __name__ == "__main__":
    print(build())
