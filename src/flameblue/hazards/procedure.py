"""重大火灾隐患的处理程序（《消防监督检查规定》第二十一条）: the handling opinion within seven working days of
the inspection and the written report to the government, and the 重大火灾隐患整改通知书 within three working
days of the determination — ten working days more for both when experts were convened. The clocks are
stored on :class:`MajorHazardProcedure`; the sweep reminds once when one runs out (``hazards/clocks.py``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from flameblue.core import audit
from flameblue.core.documents import DocumentKind, register_kind, render_document
from flameblue.core.errors import DomainError, PermissionDeniedError
from flameblue.core.scoping import may
from flameblue.hazards import order120
from flameblue.hazards.models import MajorHazardDetermination, MajorHazardProcedure

__all__ = [
    "MAJOR_NOTICE_CODE",
    "major_notice_context",
    "major_notice_docx",
    "major_notice_issue",
    "procedure_open",
    "procedure_opinion",
    "procedure_sync",
]

MAJOR_NOTICE_CODE = "hazards.major_notice"


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


def _concluded(hazard: Any) -> MajorHazardDetermination | None:
    return (
        MajorHazardDetermination.objects.filter(hazard=hazard, decided_at__isnull=False, is_major=True)
        .order_by("-decided_at", "-pk")
        .first()
    )


def _apply_determination(proc: MajorHazardProcedure, determination: MajorHazardDetermination | None) -> bool:
    """Set the determination date, the expert extension and the due dates; True when something changed."""
    experts = bool(determination and determination.expert_panel) or proc.experts_convened
    determined_on = timezone.localdate(determination.decided_at) if determination else None
    opinion_due = order120.clock_due("opinion", proc.inspected_on, experts=experts).date
    notice_due = (
        order120.clock_due("major_notice", determined_on, experts=experts).date if determined_on else None
    )
    new = (experts, opinion_due, determined_on, notice_due)
    old = (proc.experts_convened, proc.opinion_due, proc.determined_on, proc.notice_due)
    proc.experts_convened, proc.opinion_due, proc.determined_on, proc.notice_due = new
    return new != old


@transaction.atomic
def procedure_open(hazard: Any, *, by: Any = None, at: dt.datetime | None = None) -> MajorHazardProcedure:
    """Start (or return) the 第二十一条 procedure of a hazard that is or may be major; the inspection day is
    the day the hazard was found."""
    existing = MajorHazardProcedure.objects.filter(hazard=hazard).first()
    if existing is not None:
        return existing
    at = at or timezone.now()
    inspected_on = timezone.localdate(hazard.found_at)
    proc = MajorHazardProcedure(
        hazard=hazard, region_id=hazard.region_id, industry_id=hazard.industry_id, inspected_on=inspected_on,
        opinion_due=order120.clock_due("opinion", inspected_on).date, created_at=at, updated_at=at,
        created_by=_actor(by), updated_by=_actor(by),
    )  # fmt: skip
    _apply_determination(proc, _concluded(hazard))
    proc.save()
    audit.record(audit.AuditAction.CREATE, by=by, obj=proc, changes=audit.diff({}, audit.snapshot(proc)))
    return proc


def procedure_sync(*, today: dt.date | None = None) -> int:
    """Open the procedure of every hazard with a determination, and bring each open procedure's clocks in
    line with its hazard's concluded determination (date, expert panel). Idempotent; returns rows changed."""
    changed = 0
    pending = MajorHazardDetermination.objects.filter(hazard__major_procedure__isnull=True)
    for hazard_id in pending.values_list("hazard_id", flat=True).distinct():
        from flameblue.hazards.models import Hazard

        procedure_open(Hazard.objects.get(pk=hazard_id))
        changed += 1
    open_rows = MajorHazardProcedure.objects.filter(notice_issued_at__isnull=True).select_related("hazard")
    for proc in open_rows.iterator(chunk_size=500):
        if _apply_determination(proc, _concluded(proc.hazard)):
            proc.save(update_fields=["experts_convened", "opinion_due", "determined_on", "notice_due"])
            changed += 1
    return changed


def _check(by: Any, proc: MajorHazardProcedure, action: str) -> None:
    if by is not None and not may(by, f"hazards.hazard.{action}", proc.hazard):
        raise PermissionDeniedError(_("您没有办理重大火灾隐患处理程序的权限。"))


@transaction.atomic
def procedure_opinion(
    *,
    proc: MajorHazardProcedure,
    by: Any,
    opinion: str,
    government: Any = None,
    report_number: str = "",
    experts_convened: bool | None = None,
    at: dt.datetime | None = None,
) -> MajorHazardProcedure:
    """Record the handling opinion (处理意见) and its written report to the government (书面报告本级人民政府)."""
    _check(by, proc, "confirm")
    proc = MajorHazardProcedure.objects.select_for_update().get(pk=proc.pk)
    opinion = (opinion or "").strip()
    if not opinion:
        raise DomainError(_("请填写处理意见。"), field="opinion")
    if proc.opinion_at is not None:
        raise DomainError(_("处理意见已于 %(at)s 提出，不能修改。") % {"at": _stamp(proc.opinion_at)})
    before = audit.snapshot(proc)
    at = at or timezone.now()
    if experts_convened is not None:
        proc.experts_convened = experts_convened or proc.experts_convened
        _apply_determination(proc, _concluded(proc.hazard))
    proc.opinion, proc.opinion_at = opinion, at
    if government is not None:
        proc.government, proc.reported_at = government, at
        proc.report_number = (report_number or "").strip()
    proc.updated_at, proc.updated_by = at, _actor(by)
    proc.version += 1
    proc.save()
    audit.record(audit.AuditAction.UPDATE, by=by, obj=proc, changes=audit.diff(before, audit.snapshot(proc)))
    return proc


def _stamp(value: dt.datetime) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


@transaction.atomic
def major_notice_issue(
    *,
    proc: MajorHazardProcedure,
    by: Any,
    deadline: dt.date,
    at: dt.datetime | None = None,
    served: bool = True,
) -> MajorHazardProcedure:
    """Number and issue the 重大火灾隐患整改通知书 once the hazard is determined major; issued once, never
    changed."""
    from flameblue.hazards.notices import notice_series_number

    _check(by, proc, "confirm")
    proc = MajorHazardProcedure.objects.select_for_update().select_related("hazard").get(pk=proc.pk)
    if proc.notice_issued_at is not None:
        raise DomainError(
            _("重大火灾隐患整改通知书 %(number)s 已签发，不能修改。") % {"number": proc.notice_number}
        )
    _apply_determination(proc, _concluded(proc.hazard))
    if proc.determined_on is None:
        raise DomainError(_("该隐患尚未经集体研究确定为重大火灾隐患，不能签发重大火灾隐患整改通知书。"))
    at = at or timezone.now()
    if deadline <= timezone.localdate(at):
        raise DomainError(_("整改期限须晚于签发日期。"), field="deadline")
    if proc.hazard.brigade is None:
        raise DomainError(_("该单位所在县（区）没有消防救援大队，无法签发整改通知书。"))
    before = audit.snapshot(proc)
    proc.notice_number = notice_series_number(proc.hazard.brigade, kind="major", at=at)
    proc.notice_issued_at, proc.notice_issued_by, proc.notice_deadline = at, _actor(by), deadline
    proc.notice_served_at = at if served else None
    proc.updated_at, proc.updated_by = at, _actor(by)
    proc.version += 1
    proc.save()
    audit.record(audit.AuditAction.UPDATE, by=by, obj=proc, changes=audit.diff(before, audit.snapshot(proc)))
    return proc


def _date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date()
    return f"{value.year}年{value.month}月{value.day}日"


def major_notice_context(proc: MajorHazardProcedure) -> dict[str, Any]:
    from flameblue.hazards.notices import notice_rules

    hazard = proc.hazard
    determination = _concluded(hazard)
    return {
        "number": proc.notice_number,
        "brigade_name": hazard.brigade.name if hazard.brigade else "",
        "unit_name": hazard.unit.name,
        "unit_address": hazard.unit.address,
        "inspected_on": _date(proc.inspected_on),
        "determined_on": _date(proc.determined_on),
        "experts": proc.experts_convened,
        "standard": determination.standard if determination else "GB 35181",
        "location": hazard.location or _("（未注明部位）"),
        "description": hazard.description,
        "basis": order120.hazard_articles(hazard),
        "legal_basis": "、".join(
            ["《中华人民共和国消防法》第五十四条", order120.clock_basis("major_notice").replace("第一款", "")]
        ),
        "deadline": _date(proc.notice_deadline),
        "measures": determination.proposed_measures if determination else "",
        "government_name": proc.government.name if proc.government_id else _("本级人民政府"),
        "appeal": notice_rules().get("appeal", ""),
        "issued_on": _date(proc.notice_issued_at),
    }


SAMPLE_CONTEXT = {
    "number": "亳谯消重改字〔2026〕第0001号",
    "brigade_name": "谯城区消防救援大队",
    "unit_name": "示例单位",
    "unit_address": "示例地址",
    "inspected_on": "2026年1月5日",
    "determined_on": "2026年1月9日",
    "experts": False,
    "standard": "GB35181-2025",
    "location": "地下一层",
    "description": "自动喷水灭火系统不能正常运行",
    "basis": "《中华人民共和国消防法》第十六条",
    "legal_basis": "《中华人民共和国消防法》第五十四条、《消防监督检查规定》第二十一条",
    "deadline": "2026年4月30日",
    "measures": "",
    "government_name": "谯城区人民政府",
    "appeal": "",
    "issued_on": "2026年1月12日",
}

register_kind(
    DocumentKind(
        code=MAJOR_NOTICE_CODE,
        title=gettext_lazy("重大火灾隐患整改通知书"),
        builtin=Path(__file__).resolve().parent / "documents" / "major-notice.docx",
        sample_context=SAMPLE_CONTEXT,
    )
)


def major_notice_docx(proc: MajorHazardProcedure, *, by: Any) -> bytes:
    if proc.notice_issued_at is None:
        raise DomainError(_("重大火灾隐患整改通知书尚未签发。"))
    data = render_document(MAJOR_NOTICE_CODE, major_notice_context(proc))
    audit.record(audit.AuditAction.EXPORT, by=by, obj=proc, reason=_("下载重大火灾隐患整改通知书"))
    return data
