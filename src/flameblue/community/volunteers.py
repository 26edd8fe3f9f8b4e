"""学雷锋志愿服务队: the services (team, member, service record with each member's hours) and the reads
(yearly hours per team and member, the certificate of a member's hours). Writes follow services.py: keyword
only, atomic, permission and scope checked for ``by`` (``None``: a trusted caller), audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Count, OuterRef, QuerySet, Subquery, Sum
from django.utils.translation import gettext as _

from flameblue.community.models import Activity, ServiceHours, ServiceRecord, VolunteerMember, VolunteerTeam
from flameblue.community.services import PAIRING_KINDS
from flameblue.core import audit
from flameblue.core.errors import DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.scoping import has_action, within_scopes
from flameblue.core.services import ensure_in_scope, object_update
from flameblue.org.models import Organization, Person

__all__ = [
    "Certificate",
    "certificate",
    "hours_rows",
    "member_add",
    "member_hours",
    "service_record",
    "team_create",
    "team_hours",
    "team_update",
]


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


def _text(value: str | None, *, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(message, field=field)
    return value


@transaction.atomic
def team_create(
    *, by: Any, name: str, station: Organization, leader_name: str, founded_on: dt.date, description: str = ""
) -> VolunteerTeam:
    """Found a volunteer team of a station or brigade in ``by``'s jurisdiction."""
    if by is not None and not has_action(by, VolunteerTeam, "add"):
        raise PermissionDeniedError(_("您没有登记志愿服务队的权限。"))
    name = _text(name, field="name", message=_("请填写服务队名称。"))
    leader_name = _text(leader_name, field="leader_name", message=_("请填写队长。"))
    if station.kind not in PAIRING_KINDS:
        raise DomainError(_("“%(name)s”不是消防救援站或大队。") % {"name": station.name}, field="station")
    if (
        by is not None
        and not within_scopes(Organization.objects.filter(pk=station.pk), by, VolunteerTeam, "add").exists()
    ):
        raise OutOfScope(_("该消防救援站不在您的管辖范围内。"))
    if VolunteerTeam.objects.filter(station=station, name=name).exists():
        raise DomainError(_("该站已有同名服务队。"), field="name")
    actor = _actor(by)
    team = VolunteerTeam.objects.create(
        name=name, station=station, region_id=station.region_id, leader_name=leader_name, founded_on=founded_on,
        description=description.strip(), created_by=actor, updated_by=actor,
    )  # fmt: skip
    audit.record(audit.AuditAction.CREATE, by=by, obj=team, changes=audit.diff({}, audit.snapshot(team)))
    return team


@transaction.atomic
def member_add(
    *, by: Any, team: VolunteerTeam, joined_on: dt.date, person: Person | None = None, name: str = "",
    phone: str = "",
) -> VolunteerMember:  # fmt: skip
    """Add an officer (``person``) or a civilian (``name`` and ``phone``) to a team."""
    ensure_in_scope(team, by=by, action="change")
    if person is not None:
        name = person.name
    name = _text(name, field="name", message=_("请选择消防员或填写社会志愿者姓名。"))
    if person is not None and team.members.filter(person=person).exists():
        raise DomainError(_("%(name)s 已是本队队员。") % {"name": name}, field="person")
    member = VolunteerMember.objects.create(
        team=team, person=person, name=name, civilian=person is None, phone=phone.strip(), joined_on=joined_on,
        created_by=_actor(by),
    )  # fmt: skip
    audit.record(audit.AuditAction.CREATE, by=by, obj=member, changes=audit.diff({}, audit.snapshot(member)))
    return member


@transaction.atomic
def service_record(
    *, by: Any, team: VolunteerTeam, served_on: dt.date, title: str, hours: Sequence[tuple[VolunteerMember, Decimal]],
    people_served: int = 0, activity: Activity | None = None,
) -> ServiceRecord:  # fmt: skip
    """Record one service of a team with the hours each participating member served (0.5 to 24 hours, each
    member once, members of this team who had joined by then)."""
    ensure_in_scope(team, by=by, action="change")
    title = _text(title, field="title", message=_("请填写服务内容。"))
    if not hours:
        raise DomainError(_("请至少登记一名队员的服务时长。"), field="hours")
    seen = set()
    for member, value in hours:
        if member.team_id != team.pk:
            raise DomainError(_("%(name)s 不是本队队员。") % {"name": member.name}, field="hours")
        if member.joined_on > served_on:
            raise DomainError(_("%(name)s 在服务日期时尚未入队。") % {"name": member.name}, field="hours")
        if member.pk in seen:
            raise DomainError(_("%(name)s 重复登记。") % {"name": member.name}, field="hours")
        if not Decimal("0.5") <= Decimal(value) <= Decimal(24):
            raise DomainError(_("每人服务时长应在 0.5 至 24 小时之间。"), field="hours")
        seen.add(member.pk)
    record = ServiceRecord.objects.create(
        team=team, served_on=served_on, title=title, people_served=people_served, activity=activity,
        created_by=_actor(by),
    )  # fmt: skip
    ServiceHours.objects.bulk_create(
        ServiceHours(record=record, member=m, hours=Decimal(h)) for m, h in hours
    )
    changes = audit.diff({}, audit.snapshot(record))
    changes["hours"] = [None, {m.name: str(h) for m, h in hours}]
    audit.record(audit.AuditAction.CREATE, by=by, obj=record, changes=changes)
    return record


# ------------------------------------------------------------------------------------------- reads


def team_hours(teams: QuerySet[VolunteerTeam], year: int) -> QuerySet[VolunteerTeam]:
    """Each team with its members, services and total hours in ``year``."""
    members = (
        VolunteerMember.objects.filter(team=OuterRef("pk")).values("team").annotate(n=Count("pk")).values("n")
    )
    hours = (
        ServiceHours.objects.filter(record__team=OuterRef("pk"), record__served_on__year=year)
        .values("record__team").annotate(total=Sum("hours")).values("total")
    )  # fmt: skip
    return teams.annotate(n_members=Subquery(members), year_hours=Subquery(hours))


def member_hours(team: VolunteerTeam, year: int) -> list[tuple[VolunteerMember, Decimal, int]]:
    """(member, hours in ``year``, services in ``year``) for each member of ``team``."""
    rows = (
        ServiceHours.objects.filter(member__team=team, record__served_on__year=year)
        .values("member_id").annotate(total=Sum("hours"), n=Count("record"))
    )  # fmt: skip
    totals = {r["member_id"]: (r["total"], r["n"]) for r in rows}
    return [(m, *totals.get(m.pk, (Decimal(0), 0))) for m in team.members.all()]


@dataclass(frozen=True)
class Certificate:
    """志愿服务时长证明: a member's services in a year and their sum."""

    member: VolunteerMember
    year: int
    services: list[ServiceHours]
    total: Decimal


def certificate(member: VolunteerMember, year: int) -> Certificate:
    services = list(
        member.hours.filter(record__served_on__year=year)
        .select_related("record")
        .order_by("record__served_on")
    )
    return Certificate(member, year, services, sum((s.hours for s in services), Decimal(0)))


@transaction.atomic
def team_update(
    team: VolunteerTeam, *, by: Any, data: dict[str, Any], expected_version: int | None = None
) -> VolunteerTeam:
    """Edit a team's name, leader, founding date and description (its station is not changed here)."""
    data = {k: v for k, v in data.items() if k in ("name", "leader_name", "founded_on", "description")}
    for name, message in (("name", _("请填写服务队名称。")), ("leader_name", _("请填写队长。"))):
        if name in data:
            data[name] = _text(data[name], field=name, message=message)
    if (
        "name" in data
        and VolunteerTeam.objects.filter(station_id=team.station_id, name=data["name"])
        .exclude(pk=team.pk)
        .exists()
    ):
        raise DomainError(_("该站已有同名服务队。"), field="name")
    return object_update(team, by=by, data=data, expected_version=expected_version)


def hours_rows(teams: QuerySet[VolunteerTeam], year: int) -> list[list[Any]]:
    """Rows of the volunteer-hours export: team, station, member, kind, services and hours in ``year``."""
    rows = (
        ServiceHours.objects.filter(record__team__in=teams, record__served_on__year=year)
        .values("member__team__name", "member__team__station__name", "member__name", "member__civilian")
        .annotate(total=Sum("hours"), n=Count("record"))
        .order_by("member__team__name", "member__name")
    )  # fmt: skip
    return [
        [r["member__team__name"], r["member__team__station__name"], r["member__name"],
         _("社会志愿者") if r["member__civilian"] else _("消防员"), r["n"], float(r["total"])]
        for r in rows
    ]  # fmt: skip
