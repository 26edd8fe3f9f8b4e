"""重大火灾隐患挂牌督办通知书: the listing document as Word, from a built-in template
(``documents/listing-notice.docx``, built by ``scripts/build-listing-notice-template.py``) that an
administrator can replace like every other document kind."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from flameblue.core import audit
from flameblue.core.documents import DocumentKind, register_kind, render_document
from flameblue.core.errors import DomainError
from flameblue.hazards.choices import SupervisionStatus
from flameblue.hazards.models import SupervisionCase

__all__ = ["LISTING_DOCUMENT_CODE", "listing_context", "listing_docx"]

LISTING_DOCUMENT_CODE = "hazards.listing_notice"


def _date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date()
    return f"{value.year}年{value.month}月{value.day}日"


def listing_context(case: SupervisionCase) -> dict[str, Any]:
    hazard = case.hazard
    determination = hazard.determinations.filter(decided_at__isnull=False).order_by("-decided_at").first()
    return {
        "government_name": case.government.name if case.government else "",
        "document_number": case.listing_document_number,
        "case_number": case.case_number,
        "unit_name": hazard.unit.name,
        "unit_address": hazard.unit.address,
        "brigade_name": hazard.brigade.name if hazard.brigade else "",
        "standard": determination.standard if determination else "GB 35181",
        "location": hazard.location or _("（未注明部位）"),
        "description": hazard.description,
        "deadline": _date(case.deadline),
        "report_interval_days": case.report_interval_days,
        "decided_on": _date(case.decided_at),
    }


SAMPLE_CONTEXT = {
    "government_name": "亳州市人民政府",
    "document_number": "亳政督〔2026〕1号",
    "case_number": "亳消督〔2026〕第001号",
    "unit_name": "示例单位",
    "unit_address": "示例地址",
    "brigade_name": "谯城区消防救援大队",
    "standard": "GB35181-2025",
    "location": "一层",
    "description": "未按规定设置自动喷水灭火系统",
    "deadline": "2026年6月30日",
    "report_interval_days": 30,
    "decided_on": "2026年3月10日",
}

register_kind(
    DocumentKind(
        code=LISTING_DOCUMENT_CODE,
        title=gettext_lazy("重大火灾隐患挂牌督办通知书"),
        builtin=Path(__file__).resolve().parent.parent / "documents" / "listing-notice.docx",
        sample_context=SAMPLE_CONTEXT,
    )
)


def listing_docx(case: SupervisionCase, *, by: Any) -> bytes:
    """The listing document of a listed (or delisted) case as Word; the download is audited as an export."""
    if (
        case.status not in (SupervisionStatus.LISTED, SupervisionStatus.DELISTED)
        or not case.listing_document_number
    ):
        raise DomainError(_("该案件尚未挂牌，没有挂牌督办通知书。"))
    data = render_document(LISTING_DOCUMENT_CODE, listing_context(case))
    audit.record(audit.AuditAction.EXPORT, by=by, obj=case, reason=_("下载挂牌督办通知书"))
    return data
