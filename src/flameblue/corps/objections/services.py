"""Writes of the 公示 objections: a station's officer files one against a published result within the
objection period; the assessment team upholds it (the result is corrected through
:func:`flameblue.corps.services.result_correct`, the original kept as superseded) or rejects it with the
reason. Moves go through the workflow kernel by the transition table below."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import audit, workflow
from flameblue.core.errors import DomainError, PermissionDeniedError
from flameblue.core.scoping import has_action
from flameblue.core.services import ensure_in_scope
from flameblue.corps.choices import PlanStatus
from flameblue.corps.models import AssessmentResult
from flameblue.corps.objections.choices import ObjectionStatus
from flameblue.corps.objections.models import Objection
from flameblue.corps.services import result_correct

__all__ = ["MOVES", "objection_file", "objection_reject", "objection_uphold"]

#: The objection's transition table: move → (statuses it starts from, status it leads to).
MOVES: dict[str, tuple[tuple[str, ...], str]] = {
    "uphold": ((ObjectionStatus.FILED,), ObjectionStatus.UPHELD),
    "reject": ((ObjectionStatus.FILED,), ObjectionStatus.REJECTED),
}


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


@transaction.atomic
def objection_file(*, by: Any, result: AssessmentResult, text: str) -> Objection:
    """异议: within the 公示 objection period, against one of the station's own published results."""
    if by is not None and not has_action(by, Objection, "add"):
        raise PermissionDeniedError(_("您没有提出公示异议的权限。"))
    text = (text or "").strip()
    if not text:
        raise DomainError(_("请填写异议内容。"), field="text")
    # The row as it is now (locked): the caller's copy may predate the publishing or a correction.
    result = AssessmentResult.objects.select_for_update(of=("self",)).select_related("plan").get(pk=result.pk)
    plan = result.plan
    if plan.status != PlanStatus.PUBLISHED:
        raise DomainError(_("该月考核尚未公示，不能提出异议。"), field="result")
    if timezone.localdate() > plan.objection_until:
        raise DomainError(
            _("公示异议期已于 %(d)s 截止。") % {"d": plan.objection_until.isoformat()}, field="result"
        )
    if result.superseded_by_id:
        raise DomainError(_("该成绩已被更正，请对更正后的成绩提出异议。"), field="result")
    if Objection.objects.filter(result=result, status=ObjectionStatus.FILED).exists():
        raise DomainError(_("该成绩已有待答复的异议。"), field="result")
    objection = Objection.objects.create(
        plan=plan, result=result, station=result.station, text=text, created_by=_actor(by),
        updated_by=_actor(by),
    )  # fmt: skip
    ensure_in_scope(objection, by=by, action="add")
    audit.record(
        audit.AuditAction.CREATE, by=by, obj=objection, changes=audit.diff({}, audit.snapshot(objection))
    )
    workflow.begin(objection, by=by, reason=text)
    return objection


def _lock(objection: Objection, *, by: Any, move: str, verb: str, version: int | None) -> Objection:
    allowed, _to = MOVES[move]
    return workflow.lock(
        objection, by=by, allowed=allowed, verb=verb, expected_version=version, action="answer"
    )


@transaction.atomic
def objection_uphold(
    objection: Objection,
    *,
    by: Any,
    answer: str,
    raw: Sequence[str],
    faults: int | None = None,
    expected_version: int | None = None,
) -> Objection:
    """异议成立: the result is corrected to ``raw`` (scored from the item's table); the original stays on the
    公示 page as superseded, with the answer as the reason."""
    answer = (answer or "").strip()
    if not answer:
        raise DomainError(_("请填写答复意见。"), field="answer")
    current = _lock(objection, by=by, move="uphold", verb=_("答复"), version=expected_version)
    corrected = result_correct(
        by=by, result=current.result, raw=raw, faults=faults, for_objection=True,
        reason=(_("公示异议成立：%(a)s") % {"a": answer})[:200],
    )  # fmt: skip
    current.answer, current.correction = answer, corrected
    return workflow.advance(
        current, by=by, to=MOVES["uphold"][1], reason=answer,
        data={"correction": corrected.pk, "score": str(corrected.score)},
    )  # fmt: skip


@transaction.atomic
def objection_reject(
    objection: Objection, *, by: Any, answer: str, expected_version: int | None = None
) -> Objection:
    """异议不成立: the result stands; the answer gives the reason."""
    answer = (answer or "").strip()
    if not answer:
        raise DomainError(_("请填写不成立的理由。"), field="answer")
    current = _lock(objection, by=by, move="reject", verb=_("答复"), version=expected_version)
    current.answer = answer
    return workflow.advance(current, by=by, to=MOVES["reject"][1], reason=answer)
