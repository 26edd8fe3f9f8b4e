"""What a summary is exported as: Markdown, JSON (every figure with its value, definition and the filter
used, so the report can be audited) and Word (docxtpl, a replaceable template in 公文 layout). A draft not
saved (the command line) and a saved version are written the same way."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from flameblue.core.documents import DocumentKind, register_kind, render_document
from flameblue.core.figures import FigurePeriod, figures
from flameblue.org.models import Organization
from flameblue.reports.models import AnnualReportVersion
from flameblue.reports.summary.services import Draft, period_of
from flameblue.reports.summary.tokens import codes_in, substitute

__all__ = ["FORMATS", "Summary", "as_docx", "as_json", "as_markdown", "render", "summary_of"]

FORMATS = ("docx", "json", "md")
DOCUMENT_CODE = "annual-summary"


@dataclass(frozen=True)
class Summary:
    title: str
    organization: Organization
    year: int
    period: FigurePeriod
    blocks: list[dict[str, Any]]
    figures: dict[str, str]
    template_version: str
    changed: dict[str, list[Any]] = field(default_factory=dict)
    version: AnnualReportVersion | None = None

    def text(self, block: dict[str, Any], part: str = "text") -> str:
        return substitute(block.get(part, ""), lambda code: self.figures.get(code, "0"))

    def paragraphs(self, block: dict[str, Any]) -> list[str]:
        return [line.strip() for line in self.text(block).splitlines() if line.strip()]

    def cited(self) -> list[str]:
        return list(
            dict.fromkeys(c for b in self.blocks for c in codes_in(b.get("heading", "") + b.get("text", "")))
        )

    def records_url(self, code: str) -> str:
        query = urlencode({"year": self.year, "region": self.period.region})
        return f"{reverse('reports:figure-records', kwargs={'code': code})}?{query}"


def summary_of(source: Draft | AnnualReportVersion) -> Summary:
    if isinstance(source, Draft):
        return Summary(source.title, source.organization, source.year, source.period, source.blocks,
                       source.figures, source.template_version)  # fmt: skip
    report = source.report
    return Summary(report.title, report.organization, report.year, period_of(report), source.blocks,
                   source.figures, report.template_version, source.changed or {}, source)  # fmt: skip


def as_markdown(summary: Summary) -> str:
    lines = [f"# {summary.title}", ""]
    for block in summary.blocks:
        heading = summary.text(block, "heading")
        if heading:
            lines += [f"{'#' * (block['level'] + 1)} {heading}", ""]
        for paragraph in summary.paragraphs(block):
            lines += [paragraph, ""]
    lines += [summary.organization.name, _signed_on(summary), ""]
    return "\n".join(lines)


def as_json(summary: Summary) -> str:
    cited = set(summary.cited())
    region = summary.organization.region
    rows = []
    for fig in figures():
        rows.append({
            "code": fig.code, "label": str(fig.label), "unit": str(fig.unit), "group": str(fig.group),
            "value": _number(summary.figures.get(fig.code)), "definition": str(fig.definition),
            "filter": {"start": summary.period.start.isoformat(), "end": summary.period.end.isoformat(),
                       "region": summary.period.region, "region_name": region.name,
                       "records": "本区划内的全部记录（不受读者辖区限制）"},
            "cited": fig.code in cited, "changed": summary.changed.get(fig.code),
            "records_url": summary.records_url(fig.code),
        })  # fmt: skip
    version = summary.version
    data = {
        "title": summary.title,
        "organization": {"id": summary.organization.pk, "name": summary.organization.name,
                         "kind": summary.organization.kind},
        "year": summary.year,
        "region": {"code": region.code, "name": region.name},
        "template_version": summary.template_version,
        "version": None if version is None else {
            "number": version.number, "kind": version.kind,
            "saved_at": timezone.localtime(version.created_at).isoformat(),
            "saved_by": version.created_by.get_username() if version.created_by else "",
        },
        "blocks": [{"key": b["key"], "level": b["level"], "heading": summary.text(b, "heading"),
                    "text": summary.text(b), "source": b.get("text", "")} for b in summary.blocks],
        "figures": rows,
    }  # fmt: skip
    return json.dumps(data, ensure_ascii=False, indent=2)


def _number(text: str | None) -> int | float:
    if text is None:
        return 0
    number = float(text)
    return int(number) if number.is_integer() else number


def _signed_on(summary: Summary) -> str:
    day = timezone.localtime(summary.version.created_at).date() if summary.version else timezone.localdate()
    return f"{day.year}年{day.month}月{day.day}日"


def docx_context(summary: Summary) -> dict[str, Any]:
    return {
        "title": summary.title,
        "organization": summary.organization.name,
        "signed_on": _signed_on(summary),
        "blocks": [{"level": b["level"], "heading": summary.text(b, "heading"),
                    "paragraphs": summary.paragraphs(b)} for b in summary.blocks],
    }  # fmt: skip


def as_docx(summary: Summary) -> bytes:
    return render_document(DOCUMENT_CODE, docx_context(summary))


def render(summary: Summary, fmt: str) -> bytes:
    if fmt == "docx":
        return as_docx(summary)
    if fmt == "json":
        return as_json(summary).encode()
    if fmt == "md":
        return as_markdown(summary).encode()
    raise ValueError(_("导出格式须为 docx、json 或 md。"))


def filename(summary: Summary, fmt: str) -> str:
    return f"{summary.organization.name}{summary.year}年度工作总结.{fmt}"


register_kind(
    DocumentKind(
        code=DOCUMENT_CODE,
        title=gettext_lazy("年度工作总结"),
        builtin=Path(__file__).resolve().parent.parent / "documents" / "annual-summary.docx",
        sample_context={
            "title": "亳州市消防救援支队2019年度工作总结",
            "organization": "亳州市消防救援支队",
            "signed_on": "2019年12月31日",
            "blocks": [
                {"level": 0, "heading": "", "paragraphs": ["2019年，全年排查整治火灾隐患153处。"]},
                {"level": 1, "heading": "一、坚持警地联动", "paragraphs": []},
                {"level": 2, "heading": "（一）地方支持坚强有力。", "paragraphs": ["签订责任书17份。"]},
            ],
        },
    )
)
