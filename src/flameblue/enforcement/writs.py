"""The enforcement documents (执法文书) as Word, from built-in templates under ``documents/`` (built by
``scripts/build-enforcement-templates.py``) that an administrator can replace like every other document kind:
临时查封决定书, 解除临时查封决定书, the pre-opening check's 受理凭证 and its 合格证明 / 检查意见书, and the large
event's 检查意见书. A document exists only once its step is done; every download is audited as an export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from flameblue.core import audit
from flameblue.core.documents import DocumentKind, register_kind, render_document
from flameblue.core.errors import DomainError
from flameblue.enforcement.choices import CheckPath, CheckResult, PreOpeningStatus, SealingStatus
from flameblue.enforcement.models import EventCheck, PreOpeningCheck, Sealing
from flameblue.enforcement.policy import clock, ground_label, rules

__all__ = ["WRITS", "writ_docx"]

DIR = Path(__file__).resolve().parent / "documents"


def _d(value: dt.date | None) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else "＿＿年＿＿月＿＿日"


def _sealing_context(s: Sealing) -> dict[str, Any]:
    return {
        "agency_name": s.agency.name, "number": s.decision_number, "unit_name": s.unit.name,
        "unit_address": s.unit.address, "inspected_on": _d(s.inspected_on), "facts": s.facts,
        "ground": ground_label(s.ground), "basis": rules()["sealing"]["grounds_basis"], "premises": s.premises,
        "starts_on": _d(s.executed_on or s.served_on or s.decided_on), "period_days": s.period_days,
        "method": s.method or _("张贴临时查封决定书并加贴封条"), "decided_on": _d(s.decided_on),
        "served_on": _d(s.served_on),
    }  # fmt: skip


def _lift_context(s: Sealing) -> dict[str, Any]:
    return {
        "agency_name": s.agency.name, "number": s.lift_number, "unit_name": s.unit.name,
        "decided_on": _d(s.decided_on), "decision_number": s.decision_number, "premises": s.premises,
        "requested_on": _d(s.lift_requested_on), "checked_on": _d(s.lift_checked_on),
        "check_notes": s.lift_check_notes, "basis": clock("sealing", "lift_decide")["basis"],
        "lifted_on": _d(s.lifted_on),
    }  # fmt: skip


def _receipt_context(c: PreOpeningCheck) -> dict[str, Any]:
    commitment = c.path == CheckPath.COMMITMENT
    next_step = (
        _("你单位已作出符合消防技术标准和管理规定的承诺，申请材料齐全、符合法定形式，予以许可。本机构将于%(due)s前进行现场核查；"
          "核查发现实际情况与承诺内容不符的，依法撤销许可。")
        if commitment
        else _("本机构将于%(due)s前对该场所进行消防安全检查，检查合格前不得投入使用、营业。")
    ) % {"due": _d(c.due_on)}  # fmt: skip
    return {
        "agency_name": c.agency.name, "number": c.number, "applicant": c.applicant, "applied_on": _d(c.applied_on),
        "accepted_on": _d(c.accepted_on), "path": c.get_path_display(), "place_name": c.place_name,
        "address": c.address, "area_m2": c.area_m2, "basis": rules()["preopening"]["scope_basis"],
        "next_step": next_step,
    }  # fmt: skip


def _result_context(c: PreOpeningCheck) -> dict[str, Any]:
    passed = c.result == CheckResult.PASSED
    if c.path == CheckPath.COMMITMENT:
        title = _("公众聚集场所告知承诺核查意见书")
        conclusion = _("经核查，场所实际情况与承诺内容相符。") if passed else _(
            "经核查，场所实际情况与承诺内容不符，依法撤销许可，你单位不得继续投入使用、营业。")  # fmt: skip
    else:
        title = _("公众聚集场所投入使用、营业消防安全检查合格证") if passed else _(
            "公众聚集场所投入使用、营业前消防安全检查意见书")  # fmt: skip
        conclusion = (
            _("检查合格，同意投入使用、营业。") if passed else _("检查不合格，不同意投入使用、营业。")
        )
    return {
        "agency_name": c.agency.name, "number": c.number, "title": title, "applicant": c.applicant,
        "basis": rules()["preopening"]["scope_basis"], "checked_on": _d(c.checked_on), "place_name": c.place_name,
        "address": c.address, "area_m2": c.area_m2, "findings": c.findings, "conclusion": conclusion,
        "decided_on": _d(c.decided_on),
    }  # fmt: skip


def _event_context(c: EventCheck) -> dict[str, Any]:
    passed = c.result == CheckResult.PASSED
    return {
        "agency_name": c.agency.name, "number": c.number, "unit_name": c.unit.name,
        "basis": rules()["event"]["scope_basis"], "checked_on": _d(c.checked_on), "event_name": c.event_name,
        "venue": c.venue, "starts_on": _d(c.starts_on), "ends_on": _d(c.ends_on),
        "expected_attendance": c.expected_attendance, "findings": c.findings,
        "conclusion": _("符合消防安全要求。") if passed else _("不符合消防安全要求，请整改后方可举办。"),
    }  # fmt: skip


def _sample(**extra: Any) -> dict[str, Any]:
    base = {
        "agency_name": "谯城区消防救援大队",
        "number": "亳谯消封字〔2026〕第0001号",
        "unit_name": "示例单位",
    }
    return {**base, **extra}


#: code → (title, template file, model, statuses in which it exists, context builder, sample)
WRITS: dict[str, tuple[Any, str, type, tuple[str, ...], Any]] = {
    "sealing_decision": (gettext_lazy("临时查封决定书"), "sealing-decision.docx", Sealing,
                         tuple(s for s in SealingStatus.values if s not in ("proposed", "rejected")), _sealing_context),
    "sealing_lift": (gettext_lazy("解除临时查封决定书"), "sealing-lift.docx", Sealing, (SealingStatus.LIFTED,),
                     _lift_context),
    "preopening_receipt": (gettext_lazy("受理凭证"), "preopening-receipt.docx", PreOpeningCheck,
                           tuple(s for s in PreOpeningStatus.values if s not in ("applied", "not_accepted")),
                           _receipt_context),
    "preopening_result": (gettext_lazy("检查意见书／合格证明"), "preopening-result.docx", PreOpeningCheck,
                          ("passed", "failed", "verified", "revoked"), _result_context),
    "event_opinion": (gettext_lazy("大型群众性活动消防安全检查意见书"), "event-opinion.docx", EventCheck,
                      ("passed", "failed"), _event_context),
}  # fmt: skip

for _code, (_title, _file, *_rest) in WRITS.items():
    register_kind(
        DocumentKind(code=f"enforcement.{_code}", title=_title, builtin=DIR / _file, sample_context=_sample())
    )


def writs_for(obj: Any) -> list[tuple[str, Any]]:
    """The documents ``obj`` has now: (code, title)."""
    return [(code, w[0]) for code, w in WRITS.items() if isinstance(obj, w[2]) and obj.status in w[3]]


def writ_docx(obj: Any, code: str, *, by: Any) -> tuple[bytes, str]:
    """The Word document ``code`` of ``obj`` and its file name; refused when the step is not done yet."""
    if code not in WRITS or not isinstance(obj, WRITS[code][2]):
        raise DomainError(_("没有这种文书。"))
    title, _file, _model, statuses, build = WRITS[code]
    if obj.status not in statuses:
        raise DomainError(_("该环节尚未办结，还没有%(title)s。") % {"title": title})
    data = render_document(f"enforcement.{code}", build(obj))
    audit.record(audit.AuditAction.EXPORT, by=by, obj=obj, reason=_("下载%(title)s") % {"title": title})
    return data, f"{title}_{obj.unit.name}.docx"
