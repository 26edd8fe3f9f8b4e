"""Writes of event security: prepare an event and its venues, start a venue's pre-event inspection (the
inspections app, tagged with the venue), record an ad-hoc place's site check, accept a hazard's risk
(commander, with reason), set up duty posts and the daily roster, start security duty (only when every venue
is ready), record daily reports and incidents, and end the event with its close-out summary.

Keyword-only and atomic; ``by=None`` is a trusted caller (the demo seed). Every write is audited; every
refusal is a :class:`~flameblue.core.errors.DomainError` naming the field, and leaves nothing behind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import audit, workflow
from flameblue.core.errors import DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.scoping import has_action
from flameblue.core.services import ensure_in_scope
from flameblue.events.choices import VENUE_CONTEXT, EventLevel, EventStatus, IncidentKind
from flameblue.events.models import (
    DailyReport,
    DutyPost,
    Event,
    HazardAcceptance,
    Incident,
    RosterShift,
    Venue,
)
from flameblue.events.selectors import open_hazards, readiness, venue_hazards
from flameblue.geo.models import Region
from flameblue.hazards.models import Hazard
from flameblue.inspections.choices import InspectionKind
from flameblue.inspections.models import Inspection
from flameblue.inspections.services import inspection_start
from flameblue.org.models import Organization, Person
from flameblue.units.models import Unit

__all__ = [
    "daily_report_add",
    "event_create",
    "event_end",
    "event_start",
    "event_update",
    "hazard_accept",
    "incident_add",
    "post_add",
    "shift_add",
    "venue_add",
    "venue_inspection_start",
    "venue_site_check",
]

S = EventStatus
MAX_EVENT_DAYS = 120


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


def _text(value: str, field: str, label: str, *, required: bool = True, limit: int = 2000) -> str:
    value = (value or "").strip()
    if required and not value:
        raise DomainError(_("请填写%(label)s。") % {"label": label}, field=field)
    if len(value) > limit:
        raise DomainError(_("%(label)s不能超过 %(n)d 个字。") % {"label": label, "n": limit}, field=field)
    return value


def _validate(*, organiser: Organization, region: Region, name: str, level: str, starts_on: dt.date,
              ends_on: dt.date) -> str:  # fmt: skip
    name = _text(name, "name", _("活动名称"), limit=200)
    if level not in EventLevel.values:
        raise DomainError(_("请选择级别。"), field="level")
    if ends_on < starts_on:
        raise DomainError(_("结束日期不能早于开始日期。"), field="ends_on")
    if (ends_on - starts_on).days >= MAX_EVENT_DAYS:
        raise DomainError(_("安保期不能超过 %(n)d 天。") % {"n": MAX_EVENT_DAYS}, field="ends_on")
    if not region.pk.startswith(organiser.region_id) and not organiser.region_id.startswith(region.pk):
        raise DomainError(_("所在区划与主办单位的辖区不符。"), field="region")
    return name


def _open_for_preparation(event: Event) -> Event:
    current = Event.objects.select_for_update().get(pk=event.pk)
    if current.status == S.ENDED:
        raise DomainError(_("该活动的安保已结束。"))
    return current


@transaction.atomic
def event_create(
    *,
    by: Any,
    organiser: Organization,
    region: Region,
    name: str,
    level: str,
    starts_on: dt.date,
    ends_on: dt.date,
    description: str = "",
) -> Event:
    """Prepare an event (筹备). Its region decides who sees it; the creator must act in that region."""
    if by is not None and not has_action(by, Event, "add"):
        raise PermissionDeniedError(_("您没有登记重大活动的权限。"))
    name = _validate(organiser=organiser, region=region, name=name, level=level, starts_on=starts_on,
                     ends_on=ends_on)  # fmt: skip
    actor = _actor(by)
    event = Event.objects.create(
        name=name, level=level, organiser=organiser, region=region, starts_on=starts_on, ends_on=ends_on,
        description=_text(description, "description", _("安保要求"), required=False), created_by=actor,
        updated_by=actor,
    )  # fmt: skip
    if by is not None and not Event.objects.visible_to(by, "add").filter(pk=event.pk).exists():
        raise OutOfScope(_("所在区划不在您的管辖范围内。"))
    audit.record(audit.AuditAction.CREATE, by=by, obj=event, changes=audit.diff({}, audit.snapshot(event)))
    workflow.begin(event, by=by)
    return event


@transaction.atomic
def event_update(
    event: Event,
    *,
    by: Any,
    expected_version: int | None,
    name: str,
    level: str,
    starts_on: dt.date,
    ends_on: dt.date,
    description: str = "",
) -> Event:
    """Edit an event in preparation or under way (its organiser and region stay); a stale version is
    refused naming who changed it."""
    current = workflow.lock(event, by=by, action="change", allowed=(S.PREPARING, S.SECURING), verb=_("修改"),
                            expected_version=expected_version)  # fmt: skip
    current.name = _validate(organiser=current.organiser, region=current.region, name=name, level=level,
                             starts_on=starts_on, ends_on=ends_on)  # fmt: skip
    current.level, current.starts_on, current.ends_on = level, starts_on, ends_on
    current.description = _text(description, "description", _("安保要求"), required=False)
    return workflow.advance(current, by=by, audit_action=audit.AuditAction.UPDATE)


@transaction.atomic
def event_start(*, event: Event, by: Any, expected_version: int | None = None,
                at: dt.datetime | None = None) -> Event:  # fmt: skip
    """进入安保 (筹备 → 安保中): only when every venue is checked, has no open hazard and is staffed."""
    current = workflow.lock(event, by=by, action="command", allowed=(S.PREPARING,), verb=_("进入安保"),
                            expected_version=expected_version)  # fmt: skip
    state = readiness(current)
    if not state.green:
        pending = [v.venue.name for v in state.venues if not v.ready]
        message = (
            _("尚未登记活动场所。")
            if not state.venues
            else _("以下场所尚未就绪（未检查、隐患未整改或未接受、岗位未排班）：%(v)s。")
            % {"v": "、".join(pending)}
        )
        raise DomainError(message, field="venues")
    return workflow.advance(current, to=S.SECURING, by=by, at=at, data={"venues": len(state.venues)})


@transaction.atomic
def event_end(*, event: Event, by: Any, summary: str, expected_version: int | None = None,
              at: dt.datetime | None = None) -> Event:  # fmt: skip
    """结束安保 with the close-out summary (总结), required."""
    summary = _text(summary, "summary", _("安保总结"), limit=5000)

    def close(current: Event) -> None:
        current.summary = summary

    return workflow.transition(event, by=by, to=S.ENDED, allowed=(S.SECURING,), verb=_("结束安保"),
                               expected_version=expected_version, action="command", change=close, at=at)  # fmt: skip


def _point(value: Any, field: str, low: int, high: int) -> Decimal | None:
    if value in (None, ""):
        return None
    number = Decimal(str(value))
    if not low <= number <= high:
        raise DomainError(_("坐标超出范围。"), field=field)
    return number.quantize(Decimal("0.000001"))


@transaction.atomic
def venue_add(
    *,
    event: Event,
    by: Any,
    name: str = "",
    unit: Unit | None = None,
    region: Region | None = None,
    address: str = "",
    latitude: Any = None,
    longitude: Any = None,
) -> Venue:
    """活动场所: a registered unit (its name, region and address by default) or an ad-hoc place, which needs a
    name, a township and an address (the map point is optional)."""
    ensure_in_scope(event, by=by, action="change")
    current = _open_for_preparation(event)
    if unit is not None:
        if by is not None and not Unit.objects.visible_to(by).filter(pk=unit.pk).exists():
            raise OutOfScope(_("该单位不在您的管辖范围内。"))
        name = (name or "").strip() or unit.name
        region = unit.region
        address = (address or "").strip() or unit.address
    elif region is None:
        raise DomainError(_("临时场所请选择所在乡镇（街道）。"), field="region")
    if not region.pk.startswith(current.region_id):
        raise DomainError(_("场所不在活动所在区划内。"), field="unit" if unit is not None else "region")
    name = _text(name, "name", _("场所名称"), limit=200)
    if unit is None:
        address = _text(address, "address", _("地址"), limit=200)
    if current.venues.filter(name=name).exists():
        raise DomainError(_("该活动已登记名为“%(n)s”的场所。") % {"n": name}, field="name")
    venue = Venue.objects.create(
        event=current, name=name, unit=unit, region=region, address=address,
        latitude=_point(latitude, "latitude", -90, 90), longitude=_point(longitude, "longitude", -180, 180),
    )  # fmt: skip
    audit.record(audit.AuditAction.CREATE, by=by, obj=venue, changes=audit.diff({}, audit.snapshot(venue)))
    return venue


@transaction.atomic
def venue_inspection_start(*, venue: Venue, by: Any, inspected_on: dt.date | None = None) -> Inspection:
    """Start the pre-event inspection of a registered venue: an 消防安保检查 of its unit, tagged with the venue,
    so its hazards count for the venue's readiness. The inspections app checks who may inspect the unit."""
    ensure_in_scope(venue.event, by=by, action="view")
    _open_for_preparation(venue.event)
    if venue.unit is None:
        raise DomainError(_("临时场所不是登记单位，请在场所页登记现场检查情况。"), field="venue")
    return inspection_start(
        kind=InspectionKind.EVENT_SECURITY, unit=venue.unit, by=by, context_type=VENUE_CONTEXT,
        context_id=str(venue.pk), inspected_on=inspected_on,
    )  # fmt: skip


@transaction.atomic
def venue_site_check(*, venue: Venue, by: Any, checked_on: dt.date, note: str) -> Venue:
    """现场检查 of an ad-hoc place (not in the unit registry): the date and what was found, audited."""
    ensure_in_scope(venue.event, by=by, action="change")
    _open_for_preparation(venue.event)
    if not venue.is_ad_hoc:
        raise DomainError(_("登记单位请发起消防安保检查。"), field="checked_on")
    note = _text(note, "note", _("现场检查情况"))
    current = Venue.objects.select_for_update().get(pk=venue.pk)
    before = audit.snapshot(current)
    current.site_checked_on, current.site_check_note = checked_on, note
    current.save(update_fields=["site_checked_on", "site_check_note"])
    audit.record(
        audit.AuditAction.UPDATE, by=by, obj=current, changes=audit.diff(before, audit.snapshot(current))
    )
    return current


@transaction.atomic
def hazard_accept(*, venue: Venue, hazard: Hazard, by: Any, reason: str) -> HazardAcceptance:
    """风险接受: the commander lets the venue open with this open hazard (interim measures in place), giving the
    reason. Only a hazard found at this venue by its pre-event inspections, still open, accepted once."""
    ensure_in_scope(venue.event, by=by, action="command")
    _open_for_preparation(venue.event)
    reason = _text(reason, "reason", _("接受理由"), limit=1000)
    if not venue_hazards(venue).filter(pk=hazard.pk).exists():
        raise DomainError(_("该隐患不是本场所安保检查中发现的。"), field="hazard")
    if HazardAcceptance.objects.filter(venue=venue, hazard=hazard).exists():
        raise DomainError(_("该隐患的风险已接受。"), field="hazard")
    if not open_hazards(venue).filter(pk=hazard.pk).exists():
        raise DomainError(_("该隐患已整改销案，无需接受风险。"), field="hazard")
    acceptance = HazardAcceptance.objects.create(
        venue=venue, hazard=hazard, reason=reason, accepted_by=_actor(by)
    )
    audit.record(
        audit.AuditAction.CREATE, by=by, obj=acceptance, changes=audit.snapshot(acceptance), reason=reason
    )
    return acceptance


def _people(people: Iterable[Person], by: Any, field: str) -> list[Person]:
    people = list(people)
    if by is not None:
        visible = set(
            Person.objects.visible_to(by).filter(pk__in=[p.pk for p in people]).values_list("pk", flat=True)
        )
        if any(p.pk not in visible for p in people):
            raise DomainError(_("所选人员不在您的管辖范围内。"), field=field)
    return people


@transaction.atomic
def post_add(*, venue: Venue, by: Any, name: str, duty: str = "", vehicles: str = "",
             crew: Iterable[Person] = ()) -> DutyPost:  # fmt: skip
    """执勤岗位 at a venue, with its standing crew (people in FlameBlue) and vehicles."""
    ensure_in_scope(venue.event, by=by, action="change")
    _open_for_preparation(venue.event)
    name = _text(name, "name", _("岗位名称"), limit=100)
    if venue.posts.filter(name=name).exists():
        raise DomainError(_("该场所已有名为“%(n)s”的岗位。") % {"n": name}, field="name")
    crew = _people(crew, by, "crew")
    post = DutyPost.objects.create(
        venue=venue, name=name, duty=_text(duty, "duty", _("岗位职责"), required=False, limit=300),
        vehicles=_text(vehicles, "vehicles", _("执勤车辆"), required=False, limit=300),
    )  # fmt: skip
    post.crew.set(crew)
    changes = audit.snapshot(post) | {"crew": sorted(p.name for p in crew)}
    audit.record(audit.AuditAction.CREATE, by=by, obj=post, changes=changes)
    return post


@transaction.atomic
def shift_add(*, post: DutyPost, by: Any, date: dt.date, starts_at: dt.time, ends_at: dt.time,
              people: Iterable[Person]) -> RosterShift:  # fmt: skip
    """排班: people on a post on one day of the event (inside the event's dates), from when to when (a night
    shift may end the next morning)."""
    event = post.venue.event
    ensure_in_scope(event, by=by, action="change")
    event = _open_for_preparation(event)
    if not event.starts_on <= date <= event.ends_on:
        raise DomainError(
            _("排班日期须在安保期内（%(a)s 至 %(b)s）。") % {"a": event.starts_on, "b": event.ends_on},
            field="date",
        )
    if starts_at == ends_at:
        raise DomainError(_("结束时间不能与开始时间相同。"), field="ends_at")
    people = _people(people, by, "people")
    if not people:
        raise DomainError(_("请选择执勤人员。"), field="people")
    if RosterShift.objects.filter(post=post, date=date, starts_at=starts_at).exists():
        raise DomainError(_("该岗位当日同一时间已有排班。"), field="starts_at")
    shift = RosterShift.objects.create(post=post, date=date, starts_at=starts_at, ends_at=ends_at)
    shift.people.set(people)
    changes = audit.snapshot(shift) | {"people": sorted(p.name for p in people)}
    audit.record(audit.AuditAction.CREATE, by=by, obj=shift, changes=changes)
    return shift


@transaction.atomic
def daily_report_add(*, event: Event, by: Any, date: dt.date, summary: str, staff_on_duty: int = 0,
                     vehicles_on_duty: int = 0, checks: int = 0, hazards_found: int = 0) -> DailyReport:  # fmt: skip
    """安保日报 for one day of the event (one a day), while security is under way or just after."""
    ensure_in_scope(event, by=by, action="change")
    event = Event.objects.get(pk=event.pk)  # the status as it is now
    if event.status == S.PREPARING:
        raise DomainError(_("活动尚未进入安保，不能报送日报。"), field="date")
    if not event.starts_on - dt.timedelta(days=7) <= date <= event.ends_on:
        raise DomainError(_("日报日期须在安保期内。"), field="date")
    if DailyReport.objects.filter(event=event, date=date).exists():
        raise DomainError(_("%(d)s 的日报已报送。") % {"d": date}, field="date")
    report = DailyReport.objects.create(
        event=event, date=date, summary=_text(summary, "summary", _("当日情况")), staff_on_duty=staff_on_duty,
        vehicles_on_duty=vehicles_on_duty, checks=checks, hazards_found=hazards_found, created_by=_actor(by),
    )  # fmt: skip
    audit.record(audit.AuditAction.CREATE, by=by, obj=report, changes=audit.snapshot(report))
    return report


@transaction.atomic
def incident_add(*, event: Event, by: Any, occurred_at: dt.datetime, kind: str, description: str,
                 venue: Venue | None = None, handled: bool = False, handling: str = "") -> Incident:  # fmt: skip
    """安保期间警情: when, where (a venue of this event), what kind, what happened and how it was handled."""
    ensure_in_scope(event, by=by, action="change")
    event = Event.objects.get(pk=event.pk)  # the status as it is now
    if event.status == S.PREPARING:
        raise DomainError(_("活动尚未进入安保，不能登记警情。"), field="occurred_at")
    if kind not in IncidentKind.values:
        raise DomainError(_("请选择警情类型。"), field="kind")
    if venue is not None and venue.event_id != event.pk:
        raise DomainError(_("该场所不属于本活动。"), field="venue")
    if occurred_at > timezone.now():
        raise DomainError(_("发生时间不能晚于现在。"), field="occurred_at")
    handling = _text(handling, "handling", _("处置情况"), required=False)
    if handled and not handling:
        raise DomainError(_("已处置的警情请填写处置情况。"), field="handling")
    incident = Incident.objects.create(
        event=event, venue=venue, occurred_at=occurred_at, kind=kind,
        description=_text(description, "description", _("情况描述")), handled=handled, handling=handling,
        created_by=_actor(by),
    )  # fmt: skip
    audit.record(audit.AuditAction.CREATE, by=by, obj=incident, changes=audit.snapshot(incident))
    return incident
