"""Target-responsibility letters (目标管理责任书): preparing them one by one or in one go for every government
and department under an issuing government, recording the signing with the scanned signed copy, and the
letter as Word from a replaceable template (document kind ``responsibility_letter``).

A letter is issued by a city or county government to a signatory inside its region: a government below it,
one of its own departments, or a key unit. Target items are copied from the template that fits the
signatory's kind, so a later template version never changes a letter already prepared."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from flameblue.core import audit, workflow
from flameblue.core.documents import DocumentKind, register_kind, render_document
from flameblue.core.errors import DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.scoping import has_action, within_scopes
from flameblue.core.services import ensure_in_scope
from flameblue.core.uploads import store_upload
from flameblue.governance.choices import LetterStatus
from flameblue.governance.models import LetterTarget, LetterTemplate, ResponsibilityLetter
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization
from flameblue.units.models import Unit

__all__ = [
    "BatchResult",
    "DOCUMENT_CODE",
    "batch_signatories",
    "letter_context",
    "letter_docx",
    "letter_prepare",
    "letter_sign",
    "letters_prepare_batch",
    "template_for",
]

DOCUMENT_CODE = "responsibility_letter"
S = LetterStatus
#: Region codes of issuers: a city (4 digits) or a county (6 digits) government.
ISSUER_CODE_LENGTHS = (4, 6)


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


def template_for(signatory: Organization) -> LetterTemplate | None:
    """The newest active template made for the signatory's kind of organization."""
    candidates = LetterTemplate.objects.filter(is_active=True).order_by("code", "-version")
    fitting = [t for t in candidates if signatory.kind in t.signatory_kinds]
    return max(fitting, key=lambda t: t.version) if fitting else None


def _check_issuer(issuer: Organization, by: Any) -> None:
    if issuer.kind != OrgKind.GOVERNMENT or len(issuer.region_id) not in ISSUER_CODE_LENGTHS:
        raise DomainError(_("目标管理责任书只能由市、县（区）人民政府发放。"), field="issuer")
    if by is None:
        return
    if not has_action(by, ResponsibilityLetter, "add"):
        raise PermissionDeniedError(_("您没有准备目标管理责任书的权限。"))
    issuers = within_scopes(Organization.objects.filter(pk=issuer.pk), by, ResponsibilityLetter, "add")
    if not issuers.exists():
        raise OutOfScope(_("该政府不在您的管辖范围内。"))


def _check_signatory(issuer: Organization, signatory: Organization) -> None:
    names = {"signatory": signatory.name, "issuer": issuer.name}
    if signatory.pk == issuer.pk:
        raise DomainError(_("发放政府不能与自己签订责任书。"), field="signatory")
    if not signatory.region_id.startswith(issuer.region_id):
        raise DomainError(
            _("“%(signatory)s”不在%(issuer)s的辖区内，不能与其签订目标管理责任书。") % names,
            field="signatory",
        )
    if signatory.kind == OrgKind.GOVERNMENT and len(signatory.region_id) <= len(issuer.region_id):
        raise DomainError(_("“%(signatory)s”不是%(issuer)s的下级政府。") % names, field="signatory")
    if signatory.kind == OrgKind.DEPARTMENT and signatory.region_id != issuer.region_id:
        raise DomainError(
            _("“%(signatory)s”不是%(issuer)s的本级部门，应由其所在地政府与之签订。") % names,
            field="signatory",
        )
    is_key_unit = (
        signatory.kind == OrgKind.SOCIAL_UNIT
        and Unit.objects.filter(organization=signatory, is_key_unit=True).exists()
    )
    if signatory.kind not in (OrgKind.GOVERNMENT, OrgKind.DEPARTMENT) and not is_key_unit:
        raise DomainError(
            _("“%(signatory)s”不能签订责任书：签订单位须为下级政府、本级部门或消防安全重点单位。") % names,
            field="signatory",
        )


def _check_year(year: int) -> None:
    if not 2000 <= year <= timezone.localdate().year + 1:
        raise DomainError(_("年度须在 2000 年至明年之间。"), field="year")


@transaction.atomic
def letter_prepare(
    *,
    by: Any,
    issuer: Organization,
    signatory: Organization,
    year: int,
    template: LetterTemplate | None = None,
) -> ResponsibilityLetter:
    """Prepare one letter (待签订) with the template's target items copied onto it."""
    _check_issuer(issuer, by)
    _check_year(year)
    _check_signatory(issuer, signatory)
    template = template or template_for(signatory)
    if template is None or signatory.kind not in template.signatory_kinds:
        raise DomainError(
            _("没有适用于“%(kind)s”的责任书模板。") % {"kind": signatory.get_kind_display()}, field="template"
        )
    if ResponsibilityLetter.objects.filter(year=year, issuer=issuer, signatory=signatory).exists():
        raise DomainError(
            _("%(year)d 年度%(issuer)s与“%(signatory)s”的责任书已经准备过。")
            % {"year": year, "issuer": issuer.name, "signatory": signatory.name},
            field="signatory",
        )
    actor = _actor(by)
    letter = ResponsibilityLetter.objects.create(
        year=year, issuer=issuer, signatory=signatory, template=template, template_version=template.version,
        title=f"{year}年度{template.title}", created_by=actor, updated_by=actor,
    )  # fmt: skip
    LetterTarget.objects.bulk_create(
        LetterTarget(
            letter=letter, number=i.number, section=i.section, content=i.content, weight=i.weight,
            indicator=i.indicator,
        )
        for i in template.items.order_by("number")
    )  # fmt: skip
    ensure_in_scope(letter, by=by, action="add")
    workflow.begin(letter, by=by)
    audit.record(audit.AuditAction.CREATE, by=by, obj=letter, changes=audit.diff({}, audit.snapshot(letter)))
    return letter


def batch_signatories(issuer: Organization) -> list[Organization]:
    """Who an issuer signs with each year, prefilled from the organization tree: the active governments
    directly below it and its own departments."""
    return list(
        Organization.objects.filter(
            parent=issuer, is_active=True, kind__in=(OrgKind.GOVERNMENT, OrgKind.DEPARTMENT)
        ).order_by("kind", "region_id", "name")
    )


@dataclass
class BatchResult:
    created: list[ResponsibilityLetter] = field(default_factory=list)
    existing: list[Organization] = field(default_factory=list)


@transaction.atomic
def letters_prepare_batch(*, by: Any, issuer: Organization, year: int) -> BatchResult:
    """Prepare the year's letters for every government and department under ``issuer`` that has none yet;
    all or nothing. Audited as one import besides each letter's own creation."""
    _check_issuer(issuer, by)
    _check_year(year)
    result = BatchResult()
    done = set(
        ResponsibilityLetter.objects.filter(year=year, issuer=issuer).values_list("signatory_id", flat=True)
    )
    signatories = batch_signatories(issuer)
    if not signatories:
        raise DomainError(
            _("%(issuer)s下没有可签订责任书的政府或部门。") % {"issuer": issuer.name}, field="issuer"
        )
    for signatory in signatories:
        if signatory.pk in done:
            result.existing.append(signatory)
            continue
        result.created.append(letter_prepare(by=by, issuer=issuer, signatory=signatory, year=year))
    audit.record(
        audit.AuditAction.IMPORT, by=by, obj=issuer, reason=_("批量准备 %(year)d 年度目标管理责任书") % {"year": year},
        changes={"created": len(result.created), "existing": len(result.existing)},
    )  # fmt: skip
    return result


@transaction.atomic
def letter_sign(
    *,
    letter: ResponsibilityLetter,
    by: Any,
    signed_on: dt.date,
    issuer_signer: str,
    signatory_signer: str,
    scan: Any,
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> ResponsibilityLetter:
    """Record that the letter was signed: the date, who signed for each side and the scanned signed copy."""
    current = workflow.lock(
        letter, by=by, action="change", allowed=(S.DRAFT,), verb=_("登记签订"), expected_version=expected_version,
        noun=_("责任书"),
    )  # fmt: skip
    if signed_on > timezone.localdate():
        raise DomainError(_("签订日期不能晚于今天。"), field="signed_on")
    if signed_on.year not in (current.year - 1, current.year):
        raise DomainError(
            _("%(year)d 年度的责任书应在 %(prev)d 年或 %(year)d 年内签订。")
            % {"year": current.year, "prev": current.year - 1},
            field="signed_on",
        )
    current.issuer_signer = (issuer_signer or "").strip()
    current.signatory_signer = (signatory_signer or "").strip()
    if not current.issuer_signer:
        raise DomainError(_("请填写发放方签订人。"), field="issuer_signer")
    if not current.signatory_signer:
        raise DomainError(_("请填写签订方签订人。"), field="signatory_signer")
    if scan is None:
        raise DomainError(_("请上传签字盖章后的责任书扫描件。"), field="scan")
    stored = store_upload(scan, owner=current, by=by, purpose="signed", allow_pdf=True)
    current.signed_on = signed_on
    return workflow.advance(current, by=by, to=S.SIGNED, data={"scan": stored.pk}, at=at)


# ------------------------------------------------------------------------------------------- Word


def letter_context(letter: ResponsibilityLetter) -> dict[str, Any]:
    return {
        "title": letter.title,
        "year": letter.year,
        "issuer": letter.issuer.name,
        "signatory": letter.signatory.name,
        "preamble": letter.template.preamble,
        "targets": [
            {
                "number": t.number,
                "section": t.section,
                "content": t.content,
                "weight": f"{t.weight:g}",
                "indicator": t.indicator,
            }
            for t in letter.targets.order_by("number")
        ],  # fmt: skip
        "total": f"{sum(t.weight for t in letter.targets.all()):g}",
        "issuer_signer": letter.issuer_signer,
        "signatory_signer": letter.signatory_signer,
        "signed_on": f"{letter.signed_on:%Y年%m月%d日}" if letter.signed_on else "     年   月   日",
    }


SAMPLE_CONTEXT = {
    "title": "2019年度消防工作目标管理责任书",
    "year": 2019,
    "issuer": "亳州市人民政府",
    "signatory": "利辛县人民政府",
    "preamble": "为全面落实消防安全责任制……",
    "targets": [
        {"number": 1, "section": "组织领导", "content": "……", "weight": "10", "indicator": "……"},
    ],
    "total": "100",
    "issuer_signer": "",
    "signatory_signer": "",
    "signed_on": "2019年3月1日",
}

register_kind(
    DocumentKind(
        code=DOCUMENT_CODE,
        title=gettext_lazy("目标管理责任书"),
        builtin=Path(__file__).resolve().parent / "documents" / "responsibility-letter.docx",
        sample_context=SAMPLE_CONTEXT,
    )
)


def letter_docx(letter: ResponsibilityLetter, *, by: Any) -> bytes:
    """The letter as Word; the download is audited as an export."""
    data = render_document(DOCUMENT_CODE, letter_context(letter))
    audit.record(audit.AuditAction.EXPORT, by=by, obj=letter, reason=_("下载目标管理责任书"))
    return data
