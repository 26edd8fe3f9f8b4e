"""Writes of readiness checks (执勤战备检查): a check with an answer per checklist item and a finding for
each item found wanting (its corrective action, owner and deadline). Keyword-only, atomic, audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from flameblue.core import audit, workflow
from flameblue.core.errors import DomainError, PermissionDeniedError
from flameblue.core.scoping import has_action
from flameblue.core.services import ensure_in_scope
from flameblue.corps.incidents.services import check_owner
from flameblue.corps.readiness.choices import Answer
from flameblue.corps.readiness.models import ReadinessCheck, ReadinessChecklist, ReadinessFinding
from flameblue.corps.rectification.services import rules_version
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization

__all__ = ["check_create", "finding_add"]

TEXT_MAX = 2000


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


def _add_finding(check: ReadinessCheck, *, by: Any, item_code: str, problem: str, task: str,
                 owner: Organization, due_on: dt.date) -> ReadinessFinding:  # fmt: skip
    if item_code not in {i["code"] for i in check.checklist.items}:
        raise DomainError(_("检查项目“%(code)s”不在检查表中。") % {"code": item_code}, field="item_code")
    check_owner(owner)
    problem, task = (problem or "").strip(), (task or "").strip()
    if not problem:
        raise DomainError(_("请填写“%(item)s”存在的问题。") % {"item": check.checklist.item_text(item_code)},
                          field="problem")  # fmt: skip
    if not task:
        raise DomainError(_("请填写“%(item)s”的整改措施。") % {"item": check.checklist.item_text(item_code)},
                          field="task")  # fmt: skip
    if due_on < check.checked_on:
        raise DomainError(_("整改期限不能早于检查日期。"), field="due_on")
    finding = ReadinessFinding.objects.create(
        check_record=check, item_code=item_code, problem=problem[:TEXT_MAX], task=task[:TEXT_MAX], owner=owner,
        due_on=due_on, rules_version=rules_version(), created_by=_actor(by), updated_by=_actor(by),
    )  # fmt: skip
    audit.record(
        audit.AuditAction.CREATE, by=by, obj=finding, changes=audit.diff({}, audit.snapshot(finding))
    )
    workflow.begin(finding, by=by)
    return finding


@transaction.atomic
def check_create(
    *,
    by: Any,
    checklist: ReadinessChecklist,
    station: Organization,
    checked_on: dt.date,
    inspectors: str,
    answers: Mapping[str, str],
    summary: str = "",
    findings: Sequence[Mapping[str, Any]] = (),
) -> ReadinessCheck:
    """Record a check of ``station``: every item answered; each failed item has a finding with its
    corrective action (``item_code``, ``problem``, ``task``, ``owner``, ``due_on``)."""
    if by is not None and not has_action(by, ReadinessCheck, "add"):
        raise PermissionDeniedError(_("您没有新增此类记录的权限。"))
    if not checklist.is_active:
        raise DomainError(_("请选择现行版本的检查表。"), field="checklist")
    if station.kind not in (OrgKind.STATION, OrgKind.FULLTIME_BRIGADE):
        raise DomainError(_("受检单位须为消防救援站或政府专职消防队。"), field="station")
    if not (inspectors or "").strip():
        raise DomainError(_("请填写检查人员。"), field="inspectors")
    codes = [i["code"] for i in checklist.items]
    missing = [checklist.item_text(c) for c in codes if answers.get(c) not in Answer.values]
    if missing:
        raise DomainError(_("以下项目未作答：%(items)s") % {"items": "；".join(missing[:3])}, field="answers")
    failed = {c for c in codes if answers[c] == Answer.FAIL}
    found = {row["item_code"] for row in findings}
    if failed - found:
        first = checklist.item_text(sorted(failed - found)[0])
        raise DomainError(
            _("“%(item)s”不符合，请填写存在的问题和整改措施。") % {"item": first}, field="findings"
        )
    check = ReadinessCheck.objects.create(
        checklist=checklist, station=station, checked_on=checked_on, inspectors=inspectors.strip()[:200],
        answers={c: answers[c] for c in codes}, summary=(summary or "").strip()[:TEXT_MAX],
        rules_version=checklist.version, created_by=_actor(by), updated_by=_actor(by),
    )  # fmt: skip
    ensure_in_scope(check, by=by, action="add")
    audit.record(audit.AuditAction.CREATE, by=by, obj=check, changes=audit.diff({}, audit.snapshot(check)))
    for row in findings:
        _add_finding(check, by=by, **row)
    return check


@transaction.atomic
def finding_add(*, by: Any, check: ReadinessCheck, item_code: str, problem: str, task: str,
                owner: Organization, due_on: dt.date) -> ReadinessFinding:  # fmt: skip
    """Add a finding to a recorded check (e.g. one found on a second look)."""
    ensure_in_scope(check, by=by, action="change")
    return _add_finding(
        check, by=by, item_code=item_code, problem=problem, task=task, owner=owner, due_on=due_on
    )
