"""周报: a campaign's weekly progress report as Excel — the totals against the targets, progress by township
and by assignee, and the target list with each unit's counts. Counted from records at the moment of the
download (``selectors.progress``), over what the user may see."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook

from flameblue.campaigns.models import Campaign
from flameblue.campaigns.selectors import Progress, progress
from flameblue.core.exports import neutralise

__all__ = ["weekly_report_xlsx"]


def _progress_headers() -> list[str]:
    return [_("名称"), _("整治对象"), _("已检查"), _("检查率%"), _("发现隐患单位"), _("隐患"), _("已整改"),
            _("整改率%"), _("逾期未改")]  # fmt: skip


def _progress_row(p: Progress) -> list[Any]:
    return [p.label, p.targets, p.checked, p.checked_rate, p.with_hazards, p.hazards, p.rectified,
            p.rectified_rate, p.overdue]  # fmt: skip


def _append(sheet: Any, row: list[Any]) -> None:
    sheet.append([neutralise(v) for v in row])


def weekly_report_xlsx(campaign: Campaign, user: Any, today: dt.date) -> bytes:
    data = progress(campaign, user, today)
    week_start = today - dt.timedelta(days=today.weekday())
    book = Workbook()
    summary = book.active
    summary.title = _("进度汇总")
    _append(summary, [campaign.name])
    _append(
        summary, [_("统计截至"), today.isoformat(), _("本周"), f"{week_start:%Y-%m-%d} — {today:%Y-%m-%d}"]
    )
    _append(summary, [_("组织单位"), campaign.organiser.name, _("整治期限"),
                      f"{campaign.starts_on:%Y-%m-%d} — {campaign.ends_on:%Y-%m-%d}"])  # fmt: skip
    _append(
        summary,
        [_("检查单位目标数"), campaign.target_checked, _("整改隐患目标数"), campaign.target_rectified],
    )
    _append(summary, [])
    _append(summary, _progress_headers())
    _append(summary, _progress_row(data["total"]))
    for title, rows in ((_("按乡镇（街道）"), data["by_region"]), (_("按责任单位"), data["by_assignee"])):
        sheet = book.create_sheet(title)
        _append(sheet, _progress_headers())
        for row in rows:
            _append(sheet, _progress_row(row))
    targets = book.create_sheet(_("整治对象"))
    _append(
        targets,
        [_("单位名称"), _("乡镇（街道）"), _("来源"), _("已检查"), _("隐患"), _("已整改"), _("逾期未改")],
    )
    for t in data["rows"]:
        _append(targets, [t.unit.name, t.unit.region.name, t.get_origin_display(), _("是") if t.is_checked else _("否"),
                          t.n_hazards, t.n_rectified, t.n_overdue])  # fmt: skip
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
