"""Writes of political education: programmes, sessions and their attendance (keyword-only, atomic,
permission and scope checked for ``by``, audited)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from flameblue.community.education.models import EducationProgramme, EducationSession, SessionType
from flameblue.core import audit
from flameblue.core.errors import DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.scoping import has_action, within_scopes
from flameblue.core.services import ensure_in_scope
from flameblue.org.choices import FIRE_SERVICE_KINDS
from flameblue.org.models import Organization, Person

__all__ = ["attendance_set", "programme_create", "session_record"]


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


def _org_in_scope(org: Organization, by: Any, model: type, message: str) -> None:
    if org.kind not in FIRE_SERVICE_KINDS:
        raise DomainError(_("“%(name)s”不是消防救援机构。") % {"name": org.name}, field="organization")
    if (
        by is not None
        and not within_scopes(Organization.objects.filter(pk=org.pk), by, model, "add").exists()
    ):
        raise OutOfScope(message)


@transaction.atomic
def programme_create(
    *, by: Any, title: str, organization: Organization, starts_on: dt.date, ends_on: dt.date, aims: str = ""
) -> EducationProgramme:
    """Open a political-education programme of the detachment or a brigade."""
    if by is not None and not has_action(by, EducationProgramme, "add"):
        raise PermissionDeniedError(_("您没有组织教育专题的权限。"))
    title = (title or "").strip()
    if not title:
        raise DomainError(_("请填写教育名称。"), field="title")
    if ends_on < starts_on:
        raise DomainError(_("结束日期早于开始日期。"), field="ends_on")
    _org_in_scope(organization, by, EducationProgramme, _("该组织单位不在您的管辖范围内。"))
    actor = _actor(by)
    programme = EducationProgramme.objects.create(
        title=title, organization=organization, region_id=organization.region_id, starts_on=starts_on,
        ends_on=ends_on, aims=(aims or "").strip(), created_by=actor, updated_by=actor,
    )  # fmt: skip
    audit.record(
        audit.AuditAction.CREATE, by=by, obj=programme, changes=audit.diff({}, audit.snapshot(programme))
    )
    return programme


def _people_in_scope(people: list[Person], organization: Organization) -> None:
    """Attendees are people of the holding unit or of units below it (its region)."""
    outside = [p.name for p in people if not p.organization.region_id.startswith(organization.region_id)]
    if outside:
        raise DomainError(
            _("%(names)s 不属于承办单位及其下属单位。") % {"names": "、".join(outside[:5])}, field="attendees"
        )


@transaction.atomic
def session_record(
    *, by: Any, programme: EducationProgramme, session_type: SessionType, organization: Organization,
    title: str, held_on: dt.date, place: str = "", teacher: str = "", attendees: Iterable[Person] = (),
) -> EducationSession:  # fmt: skip
    """Record a session of ``programme`` held by ``organization`` within the programme's period, with the
    roster of who attended."""
    if by is not None and not has_action(by, EducationSession, "add"):
        raise PermissionDeniedError(_("您没有登记教育场次的权限。"))
    ensure_in_scope(programme, by=by, action="view")
    _org_in_scope(organization, by, EducationSession, _("该承办单位不在您的管辖范围内。"))
    if not session_type.active:
        raise DomainError(_("该教育形式已停用。"), field="session_type")
    title = (title or "").strip()
    if not title:
        raise DomainError(_("请填写场次主题。"), field="title")
    if not programme.starts_on <= held_on <= programme.ends_on:
        raise DomainError(
            _("日期 %(date)s 不在“%(title)s”的教育期间（%(start)s 至 %(end)s）内。")
            % {
                "date": held_on,
                "title": programme.title,
                "start": programme.starts_on,
                "end": programme.ends_on,
            },
            field="held_on",
        )
    people = list(Person.objects.filter(pk__in=[p.pk for p in attendees]).select_related("organization"))
    _people_in_scope(people, organization)
    session = EducationSession.objects.create(
        programme=programme, session_type=session_type, types_version=session_type.version,
        organization=organization, region_id=organization.region_id, title=title, held_on=held_on,
        place=(place or "").strip(), teacher=(teacher or "").strip(),
    )  # fmt: skip
    session.attendees.set(people)
    changes = audit.diff({}, audit.snapshot(session))
    changes["attendees"] = [None, len(people)]
    audit.record(audit.AuditAction.CREATE, by=by, obj=session, changes=changes)
    return session


@transaction.atomic
def attendance_set(*, by: Any, session: EducationSession, attendees: Iterable[Person]) -> EducationSession:
    """Replace the roster of a session (people of the holding unit and below)."""
    ensure_in_scope(session, by=by, action="add")
    people = list(Person.objects.filter(pk__in=[p.pk for p in attendees]).select_related("organization"))
    _people_in_scope(people, session.organization)
    before = sorted(session.attendees.values_list("pk", flat=True))
    session.attendees.set(people)
    audit.record(audit.AuditAction.UPDATE, by=by, obj=session,
                 changes={"attendees": [before, sorted(p.pk for p in people)]})  # fmt: skip
    return session
