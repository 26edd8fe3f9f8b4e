"""The monthly statistics a detachment reports (月度统计): the usual figures — inspections, hazards found and
rectified, notices, listed hazards, tips, campaigns, incidents — month by month for a year and a region, in
the reader's jurisdiction, with the year's total; as a table on the page and as an Excel workbook."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from flameblue.core.exports import neutralise
from flameblue.core.figures import Figure, FigurePeriod, Number, figure
from flameblue.reports.selectors import readable_figures
from flameblue.reports.series import SeriesPoint, by_month, month_label, records_url

__all__ = [
    "MONTHLY_FIGURES",
    "MonthlyRow",
    "MonthlyTable",
    "monthly_figures",
    "monthly_table",
    "monthly_xlsx",
]

#: The figures of the monthly statistics, in the order of the table (a code not registered is left out,
#: so a figure added later by its app only needs its code here).
MONTHLY_FIGURES = (
    "inspections.submitted",
    "inspections.fire_service",
    "hazards.found",
    "hazards.rectified",
    "hazards.notices",
    "hazards.listed_major",
    "hazards.listed_prominent",
    "hazards.delisted",
    "hazards.tips",
    "campaigns.launched",
    "campaigns.targets_checked",
    "corps.incidents",
    "outreach.training_sessions",
    "outreach.publicity_drives",
)


@dataclass(frozen=True)
class MonthlyRow:
    figure: Figure
    months: list[SeriesPoint]
    total: Number
    total_url: str

    @property
    def cells(self) -> list[dict[str, Any]]:
        return [{"value": p.value, "url": records_url(self.figure, p.period)} for p in self.months]


@dataclass(frozen=True)
class MonthlyTable:
    year: int
    region: str
    rows: list[MonthlyRow]

    @property
    def month_labels(self) -> list[str]:
        return [month_label(m) for m in range(1, 13)]


def monthly_figures(user: Any) -> list[Figure]:
    """The monthly statistics' figures the reader may read, in the table's order."""
    readable = {f.code for f in readable_figures(user)}
    found = []
    for code in MONTHLY_FIGURES:
        try:
            fig = figure(code)
        except KeyError:
            continue
        if code in readable:
            found.append(fig)
    return found


def _total(points: list[SeriesPoint]) -> Number:
    return sum((p.value for p in points), 0)


def monthly_table(user: Any, year: int, region: str = "") -> MonthlyTable:
    """Each monthly figure by month of ``year`` in ``region`` (the reader's whole jurisdiction when empty),
    counted for the reader, with the year's total (the months' sum: every figure here counts or sums
    records by a date in the year)."""
    rows = []
    for fig in monthly_figures(user):
        points = by_month(fig, year, region=region, user=user)
        url = records_url(fig, FigurePeriod.year(year, region))
        rows.append(MonthlyRow(fig, points, _total(points), url))
    return MonthlyTable(year, region, rows)


def monthly_xlsx(table: MonthlyTable, *, region_name: str = "") -> bytes:
    """The table as a workbook: a title line, the header (指标, 单位, 1月 … 12月, 全年) and a row per figure."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("月度统计")
    title = _("%(year)d年月度统计") % {"year": table.year}
    if region_name:
        title = f"{region_name} {title}"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    header = [_("指标"), _("单位"), *table.month_labels, _("全年")]
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for row in table.rows:
        values = [p.value for p in row.months] + [row.total]
        sheet.append([neutralise(str(row.figure.label)), neutralise(str(row.figure.unit)), *values])
    sheet.column_dimensions["A"].width = 34
    sheet.freeze_panes = "C3"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
