"""Writes of the annual assessment: open it, fill the self-assessment item by item with evidence, submit it,
review item by item (a changed score needs a reason), complete the review, publish ranking and grades.

Every service is keyword-only and atomic, checks permission and scope for ``by`` (``None``: a trusted caller
such as the demo seed) and audits what it changed; the stateful moves run through the workflow kernel. A
refusal raises a :class:`~flameblue.core.errors.DomainError` with a Chinese message and saves nothing."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import audit, workflow
from flameblue.core.errors import DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.notify_models import StoredFile
from flameblue.core.scoping import has_action
from flameblue.core.uploads import store_upload
from flameblue.governance.assessment.indicators import measure, score_of
from flameblue.governance.assessment.models import Assessment, AssessmentEntry, ItemScore
from flameblue.governance.choices import AssessmentStatus, EntryStatus, ScoringMethod
from flameblue.governance.models import AssessmentItem, AssessmentScheme
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization

__all__ = [
    "HAND_SCORED",
    "VETO_GRADE",
    "by_hand",
    "events_from_records",
    "assessment_open",
    "assessment_publish",
    "assessment_start_review",
    "entry_review_complete",
    "entry_return",
    "entry_submit",
    "evidence_of",
    "item_review",
    "item_self_assess",
    "proposed_score",
]

A, E, M = AssessmentStatus, EntryStatus, ScoringMethod
CENT = Decimal("0.01")
#: The grade of an organization that triggered a veto item, whatever its total (一票否决).
VETO_GRADE = "不合格"


#: Items scored by hand: manual ones, and computed ones whose indicator FlameBlue cannot compute yet.
HAND_SCORED = Q(item__method=M.MANUAL) | Q(item__method=M.COMPUTED, computed_score__isnull=True)


def by_hand(score: ItemScore) -> bool:
    return score.item.method == M.MANUAL or (score.item.method == M.COMPUTED and score.computed_score is None)


def evidence_of(score: ItemScore):
    return StoredFile.objects.filter(owner_type=score._meta.label_lower, owner_id=str(score.pk))


def _in(queryset, obj, by: Any, action: str, message: str) -> None:
    if by is None:
        return
    if not has_action(by, queryset.model, action):
        raise PermissionDeniedError(message)
    if not queryset.model.objects.visible_to(by, action).filter(pk=obj.pk).exists():
        raise OutOfScope(_("该记录不在您的管辖范围内。"))


# ------------------------------------------------------------------------------------------------ open


def _check_assessed(
    organizer: Organization, scheme: AssessmentScheme, assessed: Sequence[Organization]
) -> None:
    if not assessed:
        raise DomainError(_("请至少选择一个被考核单位。"), field="assessed")
    for org in assessed:
        if org.kind != scheme.assessed_kind:
            raise DomainError(
                _("“%(name)s”不是该细则的考核对象（%(kind)s）。")
                % {"name": org.name, "kind": OrgKind(scheme.assessed_kind).label},
                field="assessed",
            )
        if org.pk == organizer.pk or not org.region_id.startswith(organizer.region_id):
            raise DomainError(
                _("“%(name)s”不在%(organizer)s的辖区内，不能对其考核。")
                % {"name": org.name, "organizer": organizer.name},
                field="assessed",
            )


@transaction.atomic
def assessment_open(
    *,
    by: Any,
    organizer: Organization,
    scheme: AssessmentScheme,
    year: int,
    assessed: Sequence[Organization],
    title: str = "",
) -> Assessment:
    """Open ``year``'s assessment of ``assessed`` on ``scheme``: one entry per organization with one score row
    per item, computed items filled from the records at once."""
    if by is not None and not has_action(by, Assessment, "add"):
        raise PermissionDeniedError(_("您没有组织年度考核的权限。"))
    if organizer.kind != OrgKind.GOVERNMENT:
        raise DomainError(_("年度考核由人民政府组织。"), field="organizer")
    if by is not None and not Organization.objects.visible_to(by).filter(pk=organizer.pk).exists():
        raise OutOfScope(_("该政府不在您的管辖范围内。"))
    if not scheme.is_active:
        raise DomainError(_("该考核细则已停用。"), field="scheme")
    _check_assessed(organizer, scheme, assessed)
    if Assessment.objects.filter(year=year, organizer=organizer, scheme=scheme).exists():
        raise DomainError(_("%(year)s年度的该项考核已经开启。") % {"year": year}, field="year")
    actor = by if getattr(by, "pk", None) else None
    assessment = Assessment.objects.create(
        year=year, organizer=organizer, scheme=scheme, scheme_version=scheme.version, created_by=actor,
        updated_by=actor, title=(title or "").strip() or f"{year}年度{scheme.title.removesuffix('细则')}",
    )  # fmt: skip
    workflow.begin(assessment, by=by)
    audit.record(
        audit.AuditAction.CREATE, by=by, obj=assessment, changes=audit.diff({}, audit.snapshot(assessment))
    )
    items = list(scheme.items.all())
    for org in {o.pk: o for o in assessed}.values():
        entry = AssessmentEntry.objects.create(
            assessment=assessment, assessed=org, created_by=actor, updated_by=actor
        )
        workflow.begin(entry, by=by)
        ItemScore.objects.bulk_create(ItemScore(entry=entry, item=item) for item in items)
        _compute(entry)
    return assessment


def _compute(entry: AssessmentEntry) -> None:
    """Fill the computed items of ``entry`` from the records (again, when called again)."""
    scores = entry.scores.select_related("item").filter(
        Q(item__method=M.COMPUTED) | Q(item__method=M.DEDUCTION, item__scoring__has_key="events_from")
    )
    for score in scores:
        item = score.item
        if item.method == M.DEDUCTION:
            _count_events(score, entry)
            continue
        m = measure(item.indicator, entry.assessed, entry.assessment.year, item.scoring)
        if m is None:
            score.computed_score, score.computed_detail = None, {"basis": _("该指标尚无记录可算，按人工评分")}
        else:
            score.computed_score = score_of(item.weight, m, item.scoring)
            score.computed_detail = m.as_detail()
    ItemScore.objects.bulk_update(scores, ["computed_score", "computed_detail", "events", "self_score"])


def events_from_records(item: AssessmentItem) -> bool:
    """A deduction item whose events FlameBlue counts from its records (the scheme's ``events_from``)."""
    return item.method == M.DEDUCTION and bool((item.scoring or {}).get("events_from"))


def _count_events(score: ItemScore, entry: AssessmentEntry) -> None:
    """A deduction item's events from the records: each record its indicator counts as missed."""
    m = measure(score.item.scoring["events_from"], entry.assessed, entry.assessment.year, score.item.scoring)
    if m is None:
        score.computed_detail = {"basis": _("该指标尚无记录可算，按自报事件数扣分")}
        return
    score.events = m.counted - m.met
    detail = m.as_detail()
    detail["basis"] = _("由记录计算的扣分事件：%(basis)s，未达标 %(n)s 起") % {
        "basis": m.basis,
        "n": score.events,
    }
    score.computed_detail = detail
    score.self_score = proposed_score(score)


# ------------------------------------------------------------------------------------------ self-assessment


def proposed_score(score: ItemScore) -> Decimal | None:
    """The score the item gets unless the team adjusts it: computed from records, deducted per event, the
    self-assessed score of a manual item, 0 for a veto item (it weighs nothing; it decides the grade)."""
    item: AssessmentItem = score.item
    if item.method == M.COMPUTED and score.computed_score is not None:
        return score.computed_score
    if item.method == M.DEDUCTION:
        cap = item.max_deduction if item.max_deduction is not None else item.weight
        return item.weight - min(cap, (item.per_event or Decimal(0)) * score.events)
    if item.method == M.VETO:
        return Decimal(0)
    return score.self_score


def _store_evidence(score: ItemScore, files: Sequence[Any], by: Any) -> None:
    for upload in files:
        try:
            store_upload(upload, owner=score, by=by, purpose="evidence", allow_pdf=True)
        except ValidationError as exc:
            raise DomainError(" ".join(exc.messages), field="evidence") from exc


def _check_manual(score: ItemScore, self_score: Decimal | None) -> None:
    if self_score is None:
        raise DomainError(_("请填写自评得分。"), field="self_score")
    if not Decimal(0) <= self_score <= score.item.weight:
        raise DomainError(
            _("自评得分应在 0 到 %(w)s 分之间。") % {"w": score.item.weight}, field="self_score"
        )


def _check_veto(veto: bool, note: str, score: ItemScore, field: str) -> None:
    if veto and not note:
        raise DomainError(_("一票否决项须写明理由。"), field=field)
    if veto and not evidence_of(score).exists():
        raise DomainError(
            _("一票否决项须上传佐证材料（%(e)s）。") % {"e": score.item.evidence}, field="evidence"
        )


@transaction.atomic
def item_self_assess(
    *,
    by: Any,
    score: ItemScore,
    note: str = "",
    self_score: Decimal | None = None,
    events: int | None = None,
    veto: bool | None = None,
    evidence: Sequence[Any] = (),
) -> ItemScore:
    """The assessed organization fills one item: a manual item's score with evidence, a deduction item's
    number of events, whether a veto event happened (then with evidence and a reason), a note on any item."""
    _in(ItemScore.objects, score, by, "change", _("您没有填写自评的权限。"))
    score = ItemScore.objects.select_for_update().select_related("item", "entry").get(pk=score.pk)
    if score.entry.status != E.SELF_ASSESSING:
        raise workflow.IllegalTransition(_("自评已提交，不能再修改。"))
    before = audit.snapshot(score)
    note = (note or "").strip()
    _store_evidence(score, evidence, by)
    method = score.item.method
    if by_hand(score):
        _check_manual(score, self_score)
        if not evidence_of(score).exists():
            raise DomainError(
                _("人工评分项须上传佐证材料（%(e)s）。") % {"e": score.item.evidence or score.item.rule},
                field="evidence",
            )
        score.self_score = self_score
    elif events_from_records(score.item):
        if events is not None and events != score.events:
            raise DomainError(
                _("扣分事件数由记录计算（%(n)s 起），不能自行填写；如有出入请在说明中写明，由考核组核定。")
                % {"n": score.events},
                field="events",
            )
    elif method == M.DEDUCTION:
        if events is None or events < 0:
            raise DomainError(_("请填写扣分事件数（没有则填 0）。"), field="events")
        score.events = events
    elif method == M.VETO:
        _check_veto(bool(veto), note, score, "note")
        score.veto = bool(veto)
    if not by_hand(score):
        score.self_score = proposed_score(score)
    score.self_note = note
    score.save()
    audit.record(
        audit.AuditAction.UPDATE, by=by, obj=score, changes=audit.diff(before, audit.snapshot(score))
    )
    return score


def _missing_items(entry: AssessmentEntry) -> list[str]:
    missing = []
    for score in entry.scores.select_related("item").filter(HAND_SCORED):
        if score.self_score is None or not evidence_of(score).exists():
            missing.append(score.item.code)
    return missing


@transaction.atomic
def entry_submit(*, by: Any, entry: AssessmentEntry, expected_version: int | None = None) -> AssessmentEntry:
    """Submit the self-assessment; every manual item must have its score and evidence."""
    current = workflow.lock(
        entry, by=by, action="submit", allowed=(E.SELF_ASSESSING,), verb=_("提交自评"),
        expected_version=expected_version,
    )  # fmt: skip
    missing = _missing_items(current)
    if missing:
        raise DomainError(_("以下人工评分项尚未自评或缺少佐证材料：%(c)s。") % {"c": "、".join(missing)})
    return workflow.advance(current, by=by, to=E.SUBMITTED)


# ---------------------------------------------------------------------------------------------- review


@transaction.atomic
def assessment_start_review(
    *, by: Any, assessment: Assessment, expected_version: int | None = None
) -> Assessment:
    """Close the self-assessment and start the team's review; every entry must have submitted. The
    computed items are computed again from the records as they stand now."""
    current = workflow.lock(
        assessment, by=by, action="review", allowed=(A.OPEN,), verb=_("开始审核"),
        expected_version=expected_version,
    )  # fmt: skip
    pending = current.entries.exclude(status=E.SUBMITTED).select_related("assessed")
    if pending:
        raise DomainError(
            _("以下单位尚未提交自评：%(n)s。") % {"n": "、".join(e.assessed.name for e in pending)}
        )
    for entry in current.entries.select_related("assessed", "assessment"):
        _compute(entry)
    return workflow.advance(current, by=by, to=A.REVIEWING)


def _reviewable(score: ItemScore, by: Any) -> ItemScore:
    assessment = score.entry.assessment
    _in(Assessment.objects, assessment, by, "review", _("您没有审核考核的权限。"))
    score = ItemScore.objects.select_for_update().select_related("item", "entry__assessment").get(pk=score.pk)
    if score.entry.assessment.status != A.REVIEWING or score.entry.status != E.SUBMITTED:
        raise workflow.IllegalTransition(_("该单位当前不在审核阶段，不能调整得分。"))
    return score


@transaction.atomic
def item_review(
    *,
    by: Any,
    score: ItemScore,
    final_score: Decimal | None = None,
    reason: str = "",
    events: int | None = None,
    veto: bool | None = None,
    evidence: Sequence[Any] = (),
) -> ItemScore:
    """The assessment team settles one item: the score (a change from the proposed score needs a reason),
    a deduction item's events, or a veto (with evidence and a reason). Audited with old → new."""
    score = _reviewable(score, by)
    before, reason, item = audit.snapshot(score), (reason or "").strip(), score.item
    _store_evidence(score, evidence, by)
    if item.method == M.DEDUCTION and events is not None:
        if events < 0:
            raise DomainError(_("扣分事件数不能为负数。"), field="events")
        score.events = events
    if item.method == M.VETO and veto is not None:
        _check_veto(veto, reason, score, "reason")
        score.veto = veto
    proposed = proposed_score(score)
    if final_score is None:
        final_score = proposed
    elif not Decimal(0) <= final_score <= item.weight:
        raise DomainError(_("得分应在 0 到 %(w)s 分之间。") % {"w": item.weight}, field="final_score")
    changed = final_score != (score.self_score if score.self_score is not None else proposed)
    if (changed or events is not None) and not reason:
        raise DomainError(_("调整得分须写明理由。"), field="reason")
    score.final_score, score.review_reason = final_score.quantize(CENT), reason or score.review_reason
    score.save()
    audit.record(
        audit.AuditAction.UPDATE,
        by=by,
        obj=score,
        changes=audit.diff(before, audit.snapshot(score)),
        reason=reason,
    )
    return score


@transaction.atomic
def entry_review_complete(
    *, by: Any, entry: AssessmentEntry, expected_version: int | None = None
) -> AssessmentEntry:
    """Finish reviewing one organization: items not adjusted keep their proposed score."""
    _in(Assessment.objects, entry.assessment, by, "review", _("您没有审核考核的权限。"))
    current = workflow.lock(
        entry,
        by=by,
        action=None,
        allowed=(E.SUBMITTED,),
        verb=_("完成审核"),
        expected_version=expected_version,
    )
    if current.assessment.status != A.REVIEWING:
        raise workflow.IllegalTransition(_("考核尚未进入审核阶段。"))
    scores = list(current.scores.select_related("item").filter(final_score__isnull=True))
    for score in scores:
        score.final_score = proposed_score(score) or Decimal(0)
    ItemScore.objects.bulk_update(scores, ["final_score"])
    return workflow.advance(current, by=by, to=E.REVIEWED)


@transaction.atomic
def entry_return(
    *, by: Any, entry: AssessmentEntry, reason: str, expected_version: int | None = None
) -> AssessmentEntry:
    """The team sends a submitted self-assessment back for correction during the review (missing or
    unconvincing evidence): the assessed organization fills it again and resubmits; its people are told."""
    _in(Assessment.objects, entry.assessment, by, "review", _("您没有审核考核的权限。"))
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("请写明退回修改的理由。"), field="reason")
    current = workflow.lock(
        entry, by=by, action=None, allowed=(E.SUBMITTED,), verb=_("退回修改"), expected_version=expected_version,
    )  # fmt: skip
    if current.assessment.status != A.REVIEWING:
        raise workflow.IllegalTransition(_("考核尚未进入审核阶段。"))
    returned = workflow.advance(current, by=by, to=E.SELF_ASSESSING, reason=reason)
    transaction.on_commit(lambda: _tell_returned(returned, reason))
    return returned


def _tell_returned(entry: AssessmentEntry, reason: str) -> None:
    from django.urls import reverse

    from flameblue.core.notify import Message, notify
    from flameblue.governance.services import organization_users

    users = organization_users([entry.assessed_id], ["government_leader", "department_supervisor"])
    notify(
        users,
        Message(
            _("【考核自评退回】%(t)s") % {"t": entry.assessment.title},
            _("考核组退回修改：%(r)s。请补充后重新提交自评。") % {"r": reason},
            reverse("governance:entry-detail", kwargs={"pk": entry.pk}),
            "warning",
        ),
        dedupe_key=f"governance:entry-return:{entry.pk}:v{entry.version}",
    )


# --------------------------------------------------------------------------------------------- publish


def _rank(entries: list[AssessmentEntry]) -> None:
    """Rank by total, highest first; a vetoed organization after every other; equal totals share a rank."""
    ordered = sorted(entries, key=lambda e: (e.vetoed, -(e.total or 0)))
    previous, rank = None, 0
    for position, entry in enumerate(ordered, start=1):
        key = (entry.vetoed, entry.total)
        if key != previous:
            rank, previous = position, key
        entry.rank = rank


@transaction.atomic
def assessment_publish(*, by: Any, assessment: Assessment, expected_version: int | None = None) -> Assessment:
    """Publish: each organization's total (sum of final scores), veto, grade (from the scheme's thresholds;
    不合格 on a veto) and rank. Every entry must be reviewed."""
    current = workflow.lock(
        assessment, by=by, action="publish", allowed=(A.REVIEWING,), verb=_("公布结果"),
        expected_version=expected_version,
    )  # fmt: skip
    entries = list(current.entries.select_related("assessed").prefetch_related("scores__item"))
    pending = [e.assessed.name for e in entries if e.status != E.REVIEWED]
    if pending:
        raise DomainError(_("以下单位尚未完成审核：%(n)s。") % {"n": "、".join(pending)})
    for entry in entries:
        scores = list(entry.scores.all())
        entry.total = sum((s.final_score or Decimal(0) for s in scores), Decimal(0))
        entry.vetoed = any(s.veto for s in scores if s.item.method == M.VETO)
        entry.grade = VETO_GRADE if entry.vetoed else current.scheme.grade_for(float(entry.total))
    _rank(entries)
    for entry in entries:
        before = {"total": None, "grade": "", "rank": None}
        entry.save(update_fields=["total", "vetoed", "grade", "rank"])
        audit.record(
            audit.AuditAction.UPDATE, by=by, obj=entry,
            changes=audit.diff(before, {"total": str(entry.total), "grade": entry.grade, "rank": entry.rank}),
        )  # fmt: skip
    current.published_at = timezone.now()
    return workflow.advance(current, by=by, to=A.PUBLISHED)
