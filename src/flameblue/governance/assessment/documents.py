"""The published results as Word (考核结果通报): a ranking table rendered from a replaceable template
(``documents/assessment-results.docx``, registered as a core document kind)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from flameblue.core import audit
from flameblue.core.documents import DocumentKind, register_kind, render_document
from flameblue.governance.assessment.models import Assessment

__all__ = ["DOCUMENT_CODE", "results_context", "results_docx"]

DOCUMENT_CODE = "assessment_results"

register_kind(
    DocumentKind(
        code=DOCUMENT_CODE,
        title=gettext_lazy("年度考核结果通报"),
        builtin=Path(__file__).resolve().parent.parent / "documents" / "assessment-results.docx",
        sample_context={
            "title": "对县区政府2018年度消防工作进行考核", "organizer": "亳州市人民政府", "year": 2018,
            "scheme": "县（区）人民政府年度消防工作考核细则", "scheme_version": "2026.1", "published_on": "2019年3月1日",
            "rows": [{"rank": 1, "name": "谯城区人民政府", "total": "92.50", "grade": "优秀", "note": ""}],
        },
    )
)  # fmt: skip


def results_context(assessment: Assessment) -> dict[str, Any]:
    entries = assessment.entries.select_related("assessed").order_by("rank", "assessed__region_id")
    published = timezone.localtime(assessment.published_at) if assessment.published_at else None
    return {
        "title": assessment.title, "organizer": assessment.organizer.name, "year": assessment.year,
        "scheme": assessment.scheme.title, "scheme_version": assessment.scheme_version,
        "published_on": f"{published:%Y年%m月%d日}" if published else _("（尚未公布）"),
        "rows": [
            {"rank": e.rank or "", "name": e.assessed.name, "total": e.total if e.total is not None else "",
             "grade": e.grade, "note": _("一票否决") if e.vetoed else ""}
            for e in entries
        ],
    }  # fmt: skip


def results_docx(assessment: Assessment, *, by: Any) -> bytes:
    """The results as Word; the download is audited as an export."""
    data = render_document(DOCUMENT_CODE, results_context(assessment))
    audit.record(audit.AuditAction.EXPORT, by=by, obj=assessment, reason=_("下载考核结果通报"))
    return data
