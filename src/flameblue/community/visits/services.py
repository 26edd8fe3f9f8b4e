"""Writes of holiday visits and the opinions collected on them. An opinion moves through the workflow
kernel: open (待答复) → answered (已答复, by its owner) → closed (已办结, by the political office), or back to
open when the answer does not satisfy (退回)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.community.models import Partner
from flameblue.community.visits.choices import OpinionStatus, VisiteeKind
from flameblue.community.visits.models import Holiday, HolidayVisit, Opinion
from flameblue.core import audit, workflow
from flameblue.core.errors import DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.scoping import has_action, within_scopes
from flameblue.core.services import ensure_in_scope
from flameblue.org.choices import FIRE_SERVICE_KINDS
from flameblue.org.models import Organization, Person

__all__ = ["TRANSITIONS", "opinion_add", "opinion_answer", "opinion_close", "opinion_return", "visit_record"]

S = OpinionStatus
#: The transition table of an opinion: move → (statuses it may start from, status it leads to).
TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "answer": ((S.OPEN,), S.ANSWERED),
    "close": ((S.ANSWERED,), S.CLOSED),
    "return": ((S.ANSWERED,), S.OPEN),
}


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


def _text(value: str | None, *, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(message, field=field)
    return value


def _in_scope_org(org: Organization, by: Any, model: type, action: str, message: str) -> None:
    if (
        by is not None
        and not within_scopes(Organization.objects.filter(pk=org.pk), by, model, action).exists()
    ):
        raise OutOfScope(message)


@transaction.atomic
def visit_record(
    *, by: Any, organization: Organization, holiday: Holiday, visited_on: dt.date, visitee_kind: str,
    visitee: str = "", partner: Partner | None = None, reported: str = "", visitors: Iterable[Person] = (),
) -> HolidayVisit:  # fmt: skip
    """Record a holiday visit made by a fire-service organization in ``by``'s jurisdiction."""
    if by is not None and not has_action(by, HolidayVisit, "add"):
        raise PermissionDeniedError(_("您没有登记走访慰问的权限。"))
    if organization.kind not in FIRE_SERVICE_KINDS:
        raise DomainError(_("走访单位应为支队、大队或消防救援站。"), field="organization")
    _in_scope_org(organization, by, HolidayVisit, "add", _("该走访单位不在您的管辖范围内。"))
    if not holiday.active:
        raise DomainError(_("该节日已停用。"), field="holiday")
    if visitee_kind not in VisiteeKind.values:
        raise DomainError(_("未知的走访对象类别。"), field="visitee_kind")
    if visitee_kind == VisiteeKind.PARTNER:
        if partner is None:
            raise DomainError(_("走访共建单位时请选择共建单位。"), field="partner")
        ensure_in_scope(partner, by=by, action="view")
        visitee = visitee or partner.name
    if visited_on > timezone.localdate():
        raise DomainError(_("走访日期不能晚于今天。"), field="visited_on")
    visitee = _text(visitee, field="visitee", message=_("请填写走访对象。"))
    actor = _actor(by)
    visit = HolidayVisit.objects.create(
        organization=organization, region_id=organization.region_id, holiday=holiday, visited_on=visited_on,
        visitee_kind=visitee_kind, visitee=visitee[:200], partner=partner, reported=(reported or "").strip(),
        created_by=actor, updated_by=actor,
    )  # fmt: skip
    visit.visitors.set(list(visitors))
    audit.record(audit.AuditAction.CREATE, by=by, obj=visit, changes=audit.diff({}, audit.snapshot(visit)))
    return visit


@transaction.atomic
def opinion_add(
    *, by: Any, visit: HolidayVisit, content: str, owner: Organization, due_on: dt.date
) -> Opinion:
    """Record an opinion collected on ``visit`` and hand it to ``owner`` (a fire-service organization in
    the visit's jurisdiction) to answer by ``due_on``."""
    ensure_in_scope(visit, by=by, action="view")
    if by is not None and not has_action(by, HolidayVisit, "add"):
        raise PermissionDeniedError(_("您没有登记意见建议的权限。"))
    content = _text(content, field="content", message=_("请填写意见建议内容。"))
    if owner.kind not in FIRE_SERVICE_KINDS:
        raise DomainError(_("责任单位应为支队、大队或消防救援站。"), field="owner")
    _in_scope_org(owner, by, HolidayVisit, "add", _("该责任单位不在您的管辖范围内。"))
    if due_on < visit.visited_on:
        raise DomainError(_("答复期限不能早于走访日期。"), field="due_on")
    actor = _actor(by)
    region = owner.region_id if len(owner.region_id) >= len(visit.region_id) else visit.region_id
    opinion = Opinion.objects.create(
        visit=visit, region_id=region, content=content, owner=owner, due_on=due_on,
        created_by=actor, updated_by=actor,
    )  # fmt: skip
    audit.record(
        audit.AuditAction.CREATE, by=by, obj=opinion, changes=audit.diff({}, audit.snapshot(opinion))
    )
    workflow.begin(opinion, by=by)
    return opinion


def _move(opinion: Opinion, move: str, *, by: Any, action: str, verb: str, expected_version: int | None,
          reason: str = "", **fields: Any) -> Opinion:  # fmt: skip
    allowed, to = TRANSITIONS[move]
    current = workflow.lock(
        opinion, by=by, action=action, allowed=allowed, verb=verb, expected_version=expected_version
    )
    for name, value in fields.items():
        setattr(current, name, value)
    return workflow.advance(current, to=to, by=by, reason=reason, data={"move": move})


@transaction.atomic
def opinion_answer(opinion: Opinion, *, by: Any, answer: str, expected_version: int | None = None) -> Opinion:
    """The owner answers the opinion (待答复 → 已答复)."""
    answer = _text(answer, field="answer", message=_("请填写答复情况。"))
    return _move(opinion, "answer", by=by, action="answer", verb=_("答复"), expected_version=expected_version,
                 answer=answer, answered_on=timezone.localdate())  # fmt: skip


@transaction.atomic
def opinion_close(
    opinion: Opinion, *, by: Any, expected_version: int | None = None, reason: str = ""
) -> Opinion:
    """The political office accepts the answer (已答复 → 已办结)."""
    return _move(opinion, "close", by=by, action="close", verb=_("办结"), expected_version=expected_version,
                 reason=reason)  # fmt: skip


@transaction.atomic
def opinion_return(opinion: Opinion, *, by: Any, reason: str, expected_version: int | None = None) -> Opinion:
    """The political office sends an unsatisfying answer back (已答复 → 待答复); the reason is kept."""
    reason = _text(reason, field="reason", message=_("请填写退回理由。"))
    return _move(opinion, "return", by=by, action="close", verb=_("退回"), expected_version=expected_version,
                 reason=reason)  # fmt: skip
