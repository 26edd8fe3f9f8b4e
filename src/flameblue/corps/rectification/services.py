"""The moves of a corrective action (整改措施), whatever record it belongs to: the owner reports it done with
evidence (报告整改完成, upload checked by the one upload service), the checking side accepts it (销号) or
sends it back (退回). Each move goes through the workflow kernel (lock, version check, status guard,
transition row, audit event)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import workflow
from flameblue.core.errors import DomainError
from flameblue.core.notify_models import StoredFile
from flameblue.core.uploads import store_upload
from flameblue.corps.rectification.models import ActionStatus as S
from flameblue.corps.rectification.models import CorrectiveAction
from flameblue.corps.rectification.policy import escalation_policy

__all__ = ["action_close", "action_report", "action_return", "evidence_of", "rules_version"]

A = TypeVar("A", bound=CorrectiveAction)

#: The largest text a report or reason may carry.
TEXT_MAX = 2000


def rules_version() -> str:
    """The escalation rules' version, stored on each new corrective action."""
    return escalation_policy().version


def evidence_of(action: CorrectiveAction):
    """The evidence files stored for ``action`` (oldest first)."""
    return StoredFile.objects.filter(
        owner_type=action._meta.label_lower, owner_id=str(action.pk), purpose="evidence"
    ).order_by("uploaded_at", "id")


def _text(value: str, *, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(message, field=field)
    if len(value) > TEXT_MAX:
        raise DomainError(_("内容过长：最多 %(n)d 个字。") % {"n": TEXT_MAX}, field=field)
    return value


@transaction.atomic
def action_report(
    *,
    action: A,
    by: Any,
    report: str,
    evidence: Sequence[Any] = (),
    expected_version: int | None = None,
) -> A:
    """The owner reports the action done, with at least one evidence file (photo or PDF)."""
    current = workflow.lock(
        action, by=by, action="report_completion", allowed=(S.OPEN,), verb=_("报告整改完成"),
        expected_version=expected_version, noun=_("整改措施"),
    )  # fmt: skip
    current.report = _text(report, field="report", message=_("请填写整改情况。"))
    for upload in evidence:
        store_upload(upload, owner=current, by=by, purpose="evidence", allow_pdf=True)
    if not evidence_of(current).exists():
        raise DomainError(_("请上传整改佐证材料（照片或 PDF）。"), field="evidence")
    current.submitted_at = timezone.now()
    late = current.overdue_since is not None
    return workflow.advance(current, by=by, to=S.SUBMITTED, data={"late": late})


@transaction.atomic
def action_close(*, action: A, by: Any, reason: str = "", expected_version: int | None = None) -> A:
    """The checking side accepts the evidence: the action is closed (销号)."""
    current = workflow.lock(
        action, by=by, action="close", allowed=(S.SUBMITTED,), verb=_("销号"),
        expected_version=expected_version, noun=_("整改措施"),
    )  # fmt: skip
    current.closed_at = timezone.now()
    return workflow.advance(current, by=by, to=S.CLOSED, reason=(reason or "").strip()[:TEXT_MAX])


@transaction.atomic
def action_return(*, action: A, by: Any, reason: str, expected_version: int | None = None) -> A:
    """The checking side sends the report back: the action is open again, its deadline unchanged."""
    current = workflow.lock(
        action, by=by, action="close", allowed=(S.SUBMITTED,), verb=_("退回"),
        expected_version=expected_version, noun=_("整改措施"),
    )  # fmt: skip
    reason = _text(reason, field="reason", message=_("请填写退回原因。"))
    current.submitted_at = None
    return workflow.advance(current, by=by, to=S.OPEN, reason=reason)
