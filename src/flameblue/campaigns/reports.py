"""周报: a campaign's weekly progress report as Excel and as Word — the totals against the targets, the
campaign's own facts, progress by township and by assignee, and the target list with each unit's counts.
Both are built from one :class:`WeeklyReport` (``selectors.progress`` counted at the moment of the download,
over what the user may see), so the two documents always show the same figures."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Pt
from openpyxl import Workbook

from flameblue.campaigns.models import Campaign
from flameblue.campaigns.selectors import Progress, progress
from flameblue.core.exports import neutralise

__all__ = ["WeeklyReport", "weekly_report", "weekly_report_docx", "weekly_report_xlsx"]


@dataclass
class WeeklyReport:
    """The figures of one weekly report: heading lines and titled tables (header row + rows)."""

    title: str
    heading: list[list[Any]]
    tables: list[tuple[str, list[str], list[list[Any]]]]


def _progress_headers(fields: list[Any]) -> list[str]:
    return [_("名称"), _("整治对象"), _("已检查"), _("检查率%"), _("发现隐患单位"), _("隐患"), _("已整改"),
            _("整改率%"), _("逾期未改"), *(f.label for f in fields)]  # fmt: skip


def _progress_row(p: Progress) -> list[Any]:
    return [p.label, p.targets, p.checked, p.checked_rate, p.with_hazards, p.hazards, p.rectified,
            p.rectified_rate, p.overdue, *p.fact_values]  # fmt: skip


def weekly_report(campaign: Campaign, user: Any, today: dt.date) -> WeeklyReport:
    data = progress(campaign, user, today)
    fields = data["fields"]
    week_start = today - dt.timedelta(days=today.weekday())
    heading = [
        [_("统计截至"), today.isoformat(), _("本周"), f"{week_start:%Y-%m-%d} — {today:%Y-%m-%d}"],
        [_("组织单位"), campaign.organiser.name, _("整治期限"),
         f"{campaign.starts_on:%Y-%m-%d} — {campaign.ends_on:%Y-%m-%d}"],
        [_("检查单位目标数"), campaign.target_checked, _("整改隐患目标数"), campaign.target_rectified],
    ]  # fmt: skip
    headers = _progress_headers(fields)
    targets = [
        [t.unit.name, t.unit.region.name, t.get_origin_display(), _("是") if t.is_checked else _("否"),
         t.n_hazards, t.n_rectified, t.n_overdue, *t.fact_values]
        for t in data["rows"]
    ]  # fmt: skip
    target_headers = [_("单位名称"), _("乡镇（街道）"), _("来源"), _("已检查"), _("隐患"), _("已整改"),
                      _("逾期未改"), *(f.label for f in fields)]  # fmt: skip
    return WeeklyReport(
        title=campaign.name,
        heading=heading,
        tables=[
            (_("进度汇总"), headers, [_progress_row(data["total"])]),
            (_("按乡镇（街道）"), headers, [_progress_row(p) for p in data["by_region"]]),
            (_("按责任单位"), headers, [_progress_row(p) for p in data["by_assignee"]]),
            (_("整治对象"), target_headers, targets),
        ],
    )


def _append(sheet: Any, row: list[Any]) -> None:
    sheet.append([neutralise(v) for v in row])


def weekly_report_xlsx(campaign: Campaign, user: Any, today: dt.date) -> bytes:
    """Excel: the summary sheet (heading and totals), then one sheet per table."""
    report = weekly_report(campaign, user, today)
    book = Workbook()
    summary = book.active
    (title, headers, rows), *others = report.tables
    summary.title = title
    _append(summary, [report.title])
    for line in report.heading:
        _append(summary, line)
    _append(summary, [])
    _append(summary, headers)
    for row in rows:
        _append(summary, row)
    for title, headers, rows in others:
        sheet = book.create_sheet(title)
        _append(sheet, headers)
        for row in rows:
            _append(sheet, row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _table(doc: Any, headers: list[str], rows: list[list[Any]]) -> None:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = str(text)
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = "" if value is None else str(value)


def weekly_report_docx(campaign: Campaign, user: Any, today: dt.date) -> bytes:
    """Word: the title, the heading lines as paragraphs, then each table under its title."""
    report = weekly_report(campaign, user, today)
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10)
    doc.add_heading(f"{report.title} {_('周报')}", level=1)
    for line in report.heading:
        doc.add_paragraph(f"{line[0]}：{line[1]}　{line[2]}：{line[3]}")
    for title, headers, rows in report.tables:
        doc.add_heading(title, level=2)
        _table(doc, headers, rows)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
