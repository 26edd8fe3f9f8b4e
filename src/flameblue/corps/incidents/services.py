"""Writes of incidents (警情) and case reviews (战例研讨): keyword-only, atomic, scope-checked and audited.
A case review's corrective actions start their timeline here; their later moves are the shared
rectification services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from flameblue.core import audit, workflow
from flameblue.core.errors import DomainError, PermissionDeniedError
from flameblue.core.scoping import has_action
from flameblue.core.services import ensure_in_scope, object_create, object_update
from flameblue.corps.incidents.models import CaseReview, Incident, ReviewAction
from flameblue.corps.rectification.services import rules_version
from flameblue.org.choices import FIRE_SERVICE_KINDS, OrgKind
from flameblue.org.models import Organization, Person

__all__ = [
    "OWNER_KINDS",
    "check_owner",
    "incident_create",
    "incident_update",
    "review_add_action",
    "review_create",
]

#: Who may own a corrective action: a station (or government full-time brigade), a brigade, an HQ office.
OWNER_KINDS = {OrgKind.STATION, OrgKind.FULLTIME_BRIGADE, OrgKind.BRIGADE, OrgKind.DETACHMENT_OFFICE,
               OrgKind.DETACHMENT}  # fmt: skip
TEXT_MAX = 4000


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


def _check_incident(data: Mapping[str, Any]) -> None:
    called, arrived = data.get("called_at"), data.get("arrived_at")
    if called and arrived and arrived < called:
        raise DomainError(_("到场时间不能早于接警时间。"), field="arrived_at")
    if called and arrived and arrived - called > dt.timedelta(hours=12):
        raise DomainError(_("到场时间距接警超过 12 小时，请核对日期。"), field="arrived_at")
    lat, lng = data.get("lat"), data.get("lng")
    if (lat is None) != (lng is None):
        raise DomainError(_("经度和纬度须同时填写或同时留空。"), field="lat")
    if lat is not None and not (Decimal(-90) <= lat <= Decimal(90)):
        raise DomainError(_("纬度应在 -90 到 90 之间。"), field="lat")
    if lng is not None and not (Decimal(-180) <= lng <= Decimal(180)):
        raise DomainError(_("经度应在 -180 到 180 之间。"), field="lng")
    stations = data.get("stations")
    if stations is not None:
        if not stations:
            raise DomainError(_("请选择出动单位。"), field="stations")
        if any(s.kind not in FIRE_SERVICE_KINDS for s in stations):
            raise DomainError(_("出动单位须为消防救援队伍。"), field="stations")
    for name in ("narrative", "address"):
        if len(str(data.get(name) or "")) > TEXT_MAX:
            raise DomainError(_("内容过长：最多 %(n)d 个字。") % {"n": TEXT_MAX}, field=name)


@transaction.atomic
def incident_create(*, by: Any, data: Mapping[str, Any]) -> Incident:
    """Record an incident (the region decides who sees it)."""
    _check_incident(data)
    return object_create(Incident, by=by, data=dict(data))


@transaction.atomic
def incident_update(
    incident: Incident, *, by: Any, data: Mapping[str, Any], expected_version: int | None = None
) -> Incident:
    """Edit an incident; a stale version is refused (409) and nothing is saved."""
    merged = {
        "called_at": incident.called_at, "arrived_at": incident.arrived_at, "lat": incident.lat,
        "lng": incident.lng, **data,
    }  # fmt: skip
    _check_incident(merged)
    return object_update(incident, by=by, data=dict(data), expected_version=expected_version)


def check_owner(owner: Organization) -> None:
    if owner.kind not in OWNER_KINDS:
        raise DomainError(
            _("“%(name)s”不能作为责任单位：须为消防救援站、大队或支队机关处室。") % {"name": owner.name},
            field="owner",
        )


def _add_action(
    review: CaseReview, *, by: Any, owner: Organization, task: str, due_on: dt.date
) -> ReviewAction:
    check_owner(owner)
    task = (task or "").strip()
    if not task:
        raise DomainError(_("请填写整改措施。"), field="task")
    if due_on < review.held_on:
        raise DomainError(_("整改期限不能早于研讨日期。"), field="due_on")
    action = ReviewAction(review=review, owner=owner, task=task[:TEXT_MAX], due_on=due_on,
                          rules_version=rules_version(), created_by=_actor(by), updated_by=_actor(by))  # fmt: skip
    action.save()
    audit.record(audit.AuditAction.CREATE, by=by, obj=action, changes=audit.diff({}, audit.snapshot(action)))
    workflow.begin(action, by=by)
    return action


@transaction.atomic
def review_create(
    *,
    by: Any,
    incident: Incident,
    title: str,
    held_on: dt.date,
    participants: Sequence[Person],
    went_well: str,
    went_wrong: str,
    lessons: str,
    actions: Sequence[Mapping[str, Any]] = (),
) -> CaseReview:
    """Record a case review of ``incident`` with its corrective actions (owner, task, due_on each)."""
    if by is not None and not has_action(by, CaseReview, "add"):
        raise PermissionDeniedError(_("您没有新增此类记录的权限。"))
    if by is not None and not Incident.objects.visible_to(by).filter(pk=incident.pk).exists():
        raise DomainError(_("该警情不在您的管辖范围内。"), field="incident")
    if held_on < incident.called_at.date():
        raise DomainError(_("研讨日期不能早于警情发生日期。"), field="held_on")
    texts = {"title": title, "went_well": went_well, "went_wrong": went_wrong, "lessons": lessons}
    for name, value in texts.items():
        if not (value or "").strip():
            raise DomainError(_("此项为必填项。"), field=name)
        if len(value) > TEXT_MAX:
            raise DomainError(_("内容过长：最多 %(n)d 个字。") % {"n": TEXT_MAX}, field=name)
    if not participants:
        raise DomainError(_("请选择参加人员。"), field="participants")
    review = CaseReview.objects.create(
        incident=incident, held_on=held_on, created_by=_actor(by), updated_by=_actor(by),
        **{k: v.strip() for k, v in texts.items()},
    )  # fmt: skip
    review.participants.set(participants)
    ensure_in_scope(review, by=by, action="add")
    audit.record(audit.AuditAction.CREATE, by=by, obj=review, changes=audit.diff({}, audit.snapshot(review)))
    for row in actions:
        _add_action(review, by=by, owner=row["owner"], task=row["task"], due_on=row["due_on"])
    return review


@transaction.atomic
def review_add_action(
    *, by: Any, review: CaseReview, owner: Organization, task: str, due_on: dt.date
) -> ReviewAction:
    """Add a corrective action to an existing case review."""
    ensure_in_scope(review, by=by, action="change")
    if by is not None and not has_action(by, ReviewAction, "add"):
        raise PermissionDeniedError(_("您没有新增此类记录的权限。"))
    return _add_action(review, by=by, owner=owner, task=task, due_on=due_on)
