"""Writes of the work at one campaign target: starting its inspection from the campaign (开始检查: the
campaign's checklist, the inspection carrying the campaign) and recording what the campaign found and did
there beyond the checklist (整治情况登记: the extra check items' results and the kind's facts).

Keyword-only and atomic; ``by=None`` is a trusted caller (the demo seed); refusals are DomainErrors naming
the field."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from flameblue.campaigns.choices import CampaignStatus
from flameblue.campaigns.kinds import clean_facts, kind_rule
from flameblue.campaigns.models import Campaign, CampaignRecord, CampaignTarget
from flameblue.core import audit
from flameblue.core.errors import ConcurrencyError, DomainError, OutOfScope
from flameblue.core.services import ensure_in_scope
from flameblue.inspections.choices import AnswerResult, ChecklistStatus, InspectionKind, InspectionStatus
from flameblue.inspections.models import Checklist, Inspection
from flameblue.inspections.services import inspection_start

__all__ = [
    "CHECK_RESULTS",
    "CONTEXT_TYPE",
    "campaign_checklist",
    "campaign_inspections",
    "record_save",
    "target_inspection_start",
]

#: How an inspection names the campaign it was made for (Inspection.context_type).
CONTEXT_TYPE = "campaigns.campaign"
#: The answers to an extra check item.
CHECK_RESULTS = dict(AnswerResult.choices)


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


def campaign_inspections(campaign: Campaign, inspections: Any = None):
    """The inspections made for ``campaign`` (started from it), among ``inspections`` (all by default: pass
    ``Inspection.objects.visible_to(user)`` for what a user may see)."""
    base = Inspection.objects.all() if inspections is None else inspections
    return base.filter(context_type=CONTEXT_TYPE, context_id=str(campaign.pk))


def campaign_checklist(campaign: Campaign) -> Checklist | None:
    """The checklist version the campaign's inspections use: its own (or, once that version is retired, the
    version of the same checklist published now); None lets the inspection pick the unit's place checklist."""
    chosen = campaign.checklist
    if chosen is None or chosen.is_published:
        return chosen
    newer = Checklist.objects.filter(code=chosen.code, status=ChecklistStatus.PUBLISHED)
    return newer.order_by("-effective_from", "-pk").first() or chosen


def _visible_target(target: CampaignTarget, by: Any) -> None:
    if by is not None and not CampaignTarget.objects.visible_to(by).filter(pk=target.pk).exists():
        raise OutOfScope(_("该整治对象不在您的管辖范围内。"))


@transaction.atomic
def target_inspection_start(*, target: CampaignTarget, by: Any) -> Inspection:
    """开始检查: start (or resume the user's own draft of) the campaign inspection of one target — kind 专项整治
    检查, with the campaign's checklist, carrying the campaign so its progress and hazards are its."""
    _visible_target(target, by)
    campaign = Campaign.objects.get(pk=target.campaign_id)  # its status as it is now
    if campaign.status != CampaignStatus.LAUNCHED:
        raise DomainError(_("专项整治不在进行中，不能开始检查。"), field="target")
    draft = campaign_inspections(campaign).filter(
        unit_id=target.unit_id, status=InspectionStatus.DRAFT, inspector=_actor(by)
    )
    existing = draft.order_by("-pk").first()
    if existing is not None:
        return existing
    return inspection_start(
        kind=InspectionKind.CAMPAIGN, unit=target.unit, by=by, checklist=campaign_checklist(campaign),
        context_type=CONTEXT_TYPE, context_id=str(campaign.pk),
    )  # fmt: skip


def _clean_checks(campaign: Campaign, raw: Mapping[str, Any]) -> dict[str, str]:
    checks: dict[str, str] = {}
    for key, value in raw.items():
        if not str(key).isdigit() or not 0 <= int(key) < len(campaign.extra_items):
            raise DomainError(_("附加检查项第 %(n)s 项不存在。") % {"n": key}, field="checks")
        if value in (None, ""):
            continue
        if value not in CHECK_RESULTS:
            raise DomainError(
                _("附加检查项“%(item)s”的结果应为合格、不合格或不适用。")
                % {"item": campaign.extra_items[int(key)]},
                field="checks",
            )
        checks[str(int(key))] = value
    return checks


def _stale(current: CampaignRecord) -> str:
    who = current.updated_by
    return _("整治情况已被 %(who)s 于 %(when)s 修改，请刷新后重新填写。") % {
        "who": who.get_username() if who else _("其他用户"),
        "when": date_format(timezone.localtime(current.updated_at), "Y-m-d H:i"),
    }


@transaction.atomic
def record_save(
    *,
    target: CampaignTarget,
    by: Any,
    facts: Mapping[str, Any],
    checks: Mapping[str, Any] | None = None,
    expected_version: int | None = None,
) -> CampaignRecord:
    """整治情况登记: save the facts (checked against the campaign kind's rule file, whose version is kept)
    and the extra items' results of one target of a running campaign. A stale version is refused naming who
    changed it; old and new values are audited."""
    _visible_target(target, by)
    campaign = Campaign.objects.get(pk=target.campaign_id)
    if campaign.status != CampaignStatus.LAUNCHED:
        raise DomainError(_("专项整治不在进行中，不能登记整治情况。"), field="facts")
    rule = kind_rule(campaign.kind)
    if rule is None and facts:
        raise DomainError(_("该专项整治没有规定需登记的整治数据。"), field="facts")
    cleaned = clean_facts(rule, dict(facts)) if rule else {}
    answers = _clean_checks(campaign, checks or {})
    current = CampaignRecord.objects.select_for_update().filter(target=target).first()
    if current is not None and expected_version is not None and current.version != expected_version:
        raise ConcurrencyError(_stale(current))
    before = {"facts": current.facts, "checks": current.checks} if current else {}
    record = current or CampaignRecord(target=target, created_by=_actor(by))
    record.facts, record.checks = cleaned, answers
    record.rules_version = rule.version if rule else ""
    if current is not None:
        record.version += 1
    record.updated_at, record.updated_by = timezone.now(), _actor(by)
    record.save()
    ensure_in_scope(record, by=by, action="change" if current else "add")
    after = {"facts": cleaned, "checks": answers}
    action = audit.AuditAction.UPDATE if current else audit.AuditAction.CREATE
    audit.record(action, by=by, obj=record, changes=audit.diff(before, after))
    return record
