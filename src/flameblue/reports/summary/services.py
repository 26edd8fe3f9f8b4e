"""Writing the annual summary: the figures of an organization's year, the draft from the prose templates, and
the versions an officer saves — edits of the text, and "refresh figures", which takes new values under the
unchanged text and records which figures moved.

Whose figures: a summary is the organization's document about its jurisdiction, so its figures count every
record in the organization's region (the records pages a number links to are still limited to the reader's
jurisdiction). Only someone whose role may write summaries for that region can create, edit or refresh one
(``AnnualReport.objects.visible_to(user, action)``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from flameblue.core import audit
from flameblue.core.errors import ConcurrencyError, PermissionDeniedError
from flameblue.core.figures import FigurePeriod, figure, figure_records, figure_value, figures
from flameblue.core.scoping import has_action, within_scopes
from flameblue.core.services import ensure_in_scope
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization
from flameblue.reports.models import AnnualReport, AnnualReportVersion, VersionKind
from flameblue.reports.summary.prose import ProseTemplates, active_templates, render_blocks
from flameblue.reports.summary.tokens import check_known, codes_in, format_value

__all__ = [
    "Draft",
    "REPORTING_KINDS",
    "create_report",
    "draft",
    "figure_snapshot",
    "period_of",
    "refresh_figures",
    "reporting_organizations",
    "restore_builtin_templates",
    "save_edit",
    "save_templates",
]

# who writes an annual summary of its jurisdiction
REPORTING_KINDS = (OrgKind.DETACHMENT, OrgKind.BRIGADE, OrgKind.GOVERNMENT, OrgKind.COMMITTEE)


@dataclass(frozen=True)
class Draft:
    """A summary not (yet) saved: what the command line prints and what a new report starts from."""

    organization: Organization
    year: int
    title: str
    blocks: list[dict[str, Any]]
    figures: dict[str, str]
    template_version: str

    @property
    def period(self) -> FigurePeriod:
        return FigurePeriod.year(self.year, self.organization.region_id)


def period_of(report: AnnualReport) -> FigurePeriod:
    return FigurePeriod.year(report.year, report.region_id)


def figure_snapshot(period: FigurePeriod) -> dict[str, str]:
    """Every registered figure's value for the period, as text (``{"hazards.found": "153", …}``)."""
    return {f.code: format_value(figure_value(f, period).value) for f in figures()}


def _names(period: FigurePeriod, code: str, limit: int) -> list[str]:
    rows = figure_records(figure(code), period)[: max(0, min(limit, 50))]
    return [str(row) for row in rows]


def draft(organization: Organization, year: int, templates: ProseTemplates | None = None) -> Draft:
    """The summary of ``organization``'s region for ``year`` as the templates write it."""
    templates = templates or active_templates()
    period = FigurePeriod.year(year, organization.region_id)
    values = figure_snapshot(period)

    def value(code: str):
        if code not in values:
            raise KeyError(_("没有代码为“%(code)s”的统计指标") % {"code": code})
        number = float(values[code])
        return int(number) if number.is_integer() else number

    context = {"year": year, "previous_year": year - 1, "org": organization.name,
               "region": organization.region.name}  # fmt: skip
    title, blocks = render_blocks(
        templates,
        context=context,
        value=value,
        names=lambda code, limit: _names(period, code, limit),
        known=lambda code: code in values,
    )
    return Draft(organization, year, title, blocks, values, templates.version)


def reporting_organizations(user: Any):
    """The organizations ``user`` may write a summary for: detachments, brigades, governments and
    committees in the scopes where the role may add summaries."""
    base = Organization.objects.filter(kind__in=REPORTING_KINDS, is_active=True).select_related("region")
    return within_scopes(base, user, AnnualReport, "add").order_by("region_id", "kind", "name")


def _check_year(year: int) -> None:
    this_year = timezone.localdate().year
    if not 2000 <= year <= this_year:
        raise ValidationError({"year": [_("年度须在 2000 至 %(year)d 之间。") % {"year": this_year}]})


@transaction.atomic
def create_report(*, by: Any, organization: Organization, year: int) -> AnnualReport:
    """Start the summary of ``organization`` for ``year`` with the templates' draft as version 1."""
    _check_year(year)
    if by is not None and not reporting_organizations(by).filter(pk=organization.pk).exists():
        raise PermissionDeniedError(_("您不能为“%(org)s”撰写年度工作总结。") % {"org": organization.name})
    if AnnualReport.objects.filter(organization=organization, year=year).exists():
        raise ValidationError(
            {
                "year": [
                    _("%(org)s的%(year)d年度工作总结已经存在，请打开它继续编辑。")
                    % {"org": organization.name, "year": year}
                ]
            }  # fmt: skip
        )
    text = draft(organization, year)
    user = by if getattr(by, "pk", None) else None
    report = AnnualReport.objects.create(
        organization=organization, region_id=organization.region_id, year=year, title=text.title,
        template_version=text.template_version, created_by=user, updated_by=user,
    )  # fmt: skip
    ensure_in_scope(report, by=by, action="add")
    AnnualReportVersion.objects.create(
        report=report, number=1, kind=VersionKind.DRAFTED, blocks=text.blocks, figures=text.figures,
        created_by=user, note=_("按文稿模板 %(version)s 生成") % {"version": text.template_version},
    )  # fmt: skip
    audit.record(
        audit.AuditAction.CREATE, by=by, obj=report,
        changes={"year": [None, year], "organization": [None, organization.name], "version": [None, 1]},
    )  # fmt: skip
    return report


def _locked(report: AnnualReport, *, by: Any, expected_version: int | None) -> AnnualReport:
    ensure_in_scope(report, by=by, action="change")
    current = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if expected_version is not None and current.version != expected_version:
        who = current.updated_by.get_username() if current.updated_by else _("其他用户")
        raise ConcurrencyError(
            _(
                "这份总结已被 %(who)s 于 %(when)s 保存为新版本，您的修改没有保存；请复制您的文字，刷新后再编辑。"
            )
            % {"who": who, "when": date_format(timezone.localtime(current.updated_at), "Y-m-d H:i:s")}
        )
    return current


def _bump(report: AnnualReport, *, by: Any) -> None:
    report.version += 1
    report.updated_at = timezone.now()
    report.updated_by = by if getattr(by, "pk", None) else None
    report.save(update_fields=["version", "updated_at", "updated_by", "title"])


@transaction.atomic
def save_edit(
    report: AnnualReport,
    *,
    by: Any,
    title: str,
    blocks: list[dict[str, Any]],
    expected_version: int | None = None,
    note: str = "",
) -> AnnualReportVersion:
    """Save the officer's text as a new version. ``blocks`` carry ``key``, ``heading`` and ``text``; the
    levels come from the previous version. Placeholders must name registered figures; the figure values
    stay those of the previous version (refreshing them is a separate, visible step)."""
    current = _locked(report, by=by, expected_version=expected_version)
    latest = current.latest
    previous = {b["key"]: b for b in latest.blocks}
    errors: dict[str, list[str]] = {}
    title = (title or "").strip()
    if not title:
        errors["title"] = [_("请填写标题。")]
    new_blocks = []
    for block in blocks:
        if block["key"] not in previous:
            raise ValidationError({"__all__": [_("段落“%(key)s”不属于这份总结。") % {"key": block["key"]}]})
        new_blocks.append({**previous[block["key"]], "heading": (block.get("heading") or "").strip(),
                           "text": (block.get("text") or "").strip()})  # fmt: skip
    unknown = check_known(new_blocks)
    for key, messages in unknown.items():
        errors.setdefault(f"text_{key}", []).extend(messages)
    if errors:
        raise ValidationError(errors)
    kept = {b["key"] for b in new_blocks}
    new_blocks += [b for b in latest.blocks if b["key"] not in kept]  # blocks not sent stay as they were
    order = [b["key"] for b in latest.blocks]
    new_blocks.sort(key=lambda b: order.index(b["key"]))
    values = dict(latest.figures)
    missing = [code for b in new_blocks for code in _codes(b) if code not in values]
    for code in missing:  # a figure registered after the last refresh and now quoted
        values[code] = format_value(figure_value(figure(code), period_of(current)).value)
    edited = [b["key"] for b in new_blocks if b != previous.get(b["key"])]
    current.title = title
    version = AnnualReportVersion.objects.create(
        report=current, number=latest.number + 1, kind=VersionKind.EDITED, blocks=new_blocks,
        figures=values, created_by=current.updated_by if by is None else _user(by), note=note[:200],
    )  # fmt: skip
    _bump(current, by=by)
    audit.record(
        audit.AuditAction.UPDATE, by=by, obj=current,
        changes={"version": [latest.number, version.number], "edited": edited,
                 **({"title": [report.title, title]} if title != report.title else {})},
    )  # fmt: skip
    return version


def _codes(block: dict[str, Any]) -> list[str]:
    return codes_in(block.get("heading", "")) + codes_in(block.get("text", ""))


def _user(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


@transaction.atomic
def refresh_figures(
    report: AnnualReport, *, by: Any, expected_version: int | None = None
) -> AnnualReportVersion:
    """A new version with today's figure values under the latest text; ``changed`` lists the figures whose
    value is not the previous version's (``{code: [old, new]}``)."""
    current = _locked(report, by=by, expected_version=expected_version)
    latest = current.latest
    values = figure_snapshot(period_of(current))
    changed = {
        code: [latest.figures.get(code), value]
        for code, value in values.items()
        if latest.figures.get(code) != value
    }
    version = AnnualReportVersion.objects.create(
        report=current, number=latest.number + 1, kind=VersionKind.REFRESHED, blocks=latest.blocks,
        figures=values, changed=changed, created_by=_user(by),
        note=_("刷新数据：%(count)d 项数字有变化") % {"count": len(changed)},
    )  # fmt: skip
    _bump(current, by=by)
    audit.record(
        audit.AuditAction.UPDATE, by=by, obj=current,
        changes={"version": [latest.number, version.number], "figures": changed},
    )  # fmt: skip
    return version


@transaction.atomic
def save_templates(*, by: Any, text: str) -> Any:
    """Save an edit of the prose templates after checking it and drafting one summary with it (last year,
    the first organization the editor may write for), so a template that cannot render is refused with the
    reason and the templates in use stay as they were."""
    from flameblue.reports.models import ProseTemplate
    from flameblue.reports.summary.prose import parse_templates

    if by is not None and not has_action(by, ProseTemplate, "add"):
        raise PermissionDeniedError(_("您没有修改文稿模板的权限。"))
    templates = parse_templates(text)
    sample = reporting_organizations(by).first() if by is not None else None
    sample = sample or Organization.objects.filter(kind__in=REPORTING_KINDS).first()
    if sample is not None:
        draft(sample, timezone.localdate().year - 1, templates)
    latest = ProseTemplate.objects.order_by("-number").first()
    saved = ProseTemplate.objects.create(
        number=(latest.number if latest else 0) + 1, text=text, template_version=templates.version,
        created_by=_user(by),
    )  # fmt: skip
    ProseTemplate.objects.exclude(pk=saved.pk).update(is_active=False)
    audit.record(
        audit.AuditAction.UPDATE, by=by, obj=saved,
        changes={"template_version": [latest.template_version if latest else "", templates.version]},
    )  # fmt: skip
    return saved


@transaction.atomic
def restore_builtin_templates(*, by: Any) -> None:
    """Go back to the built-in templates (saved edits are kept, none is in use)."""
    from flameblue.reports.models import ProseTemplate

    if by is not None and not has_action(by, ProseTemplate, "add"):
        raise PermissionDeniedError(_("您没有修改文稿模板的权限。"))
    active = list(ProseTemplate.objects.filter(is_active=True))
    ProseTemplate.objects.filter(is_active=True).update(is_active=False)
    for saved in active:
        audit.record(audit.AuditAction.UPDATE, by=by, obj=saved, changes={"is_active": [True, False]})
