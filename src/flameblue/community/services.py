"""Writes of the 双拥 co-construction work: partners and their pairing with a station, annual plans with
quarterly arrangements and monthly content, and the activities carried out.

Every service is keyword-only and atomic, checks permission and scope for ``by`` (``None``: a trusted caller
such as the demo seed) and writes the audit event. A refusal raises a
:class:`~flameblue.core.errors.DomainError` with a Chinese message naming the field, and leaves nothing
behind."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from flameblue.community.choices import PartnerKind
from flameblue.community.models import (
    Activity,
    ActivityType,
    AnnualPlan,
    MonthlyContent,
    Partner,
    QuarterArrangement,
)
from flameblue.core import audit
from flameblue.core.errors import DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.notify_models import StoredFile
from flameblue.core.scoping import has_action, within_scopes
from flameblue.core.services import ensure_in_scope, object_update
from flameblue.core.uploads import store_upload
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization

__all__ = [
    "ATTACHMENTS",
    "PAIRING_KINDS",
    "activity_record",
    "activity_update",
    "attach_file",
    "attachments",
    "partner_update",
    "plan_update",
    "monthly_content_add",
    "partner_create",
    "plan_create",
    "quarter_arrange",
]

#: Who a partner may be paired with: a fire station or a brigade.
PAIRING_KINDS = (OrgKind.STATION, OrgKind.BRIGADE)


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


def _text(value: str | None, *, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(message, field=field)
    return value


def _may_add(by: Any, model: type, message: str) -> None:
    if by is not None and not has_action(by, model, "add"):
        raise PermissionDeniedError(message)


def _created(obj: Any, by: Any, **extra: Any) -> None:
    if by is not None and not type(obj).objects.visible_to(by, "view").filter(pk=obj.pk).exists():
        raise OutOfScope(_("该记录不在您的管辖范围内。"))
    audit.record(
        audit.AuditAction.CREATE, by=by, obj=obj, changes=audit.diff({}, audit.snapshot(obj)), **extra
    )


# ------------------------------------------------------------------------------------------- partners


@transaction.atomic
def partner_create(
    *,
    by: Any,
    name: str,
    kind: str,
    station: Organization,
    organization: Organization | None = None,
    agreement_signed_on: dt.date | None = None,
    agreement_starts_on: dt.date | None = None,
    agreement_ends_on: dt.date | None = None,
    contact_name: str = "",
    contact_phone: str = "",
) -> Partner:
    """Register a co-construction partner paired with a station or brigade within ``by``'s jurisdiction."""
    _may_add(by, Partner, _("您没有登记共建单位的权限。"))
    name = _text(
        name or (organization.name if organization else ""), field="name", message=_("请填写共建单位名称。")
    )
    if kind not in PartnerKind.values:
        raise DomainError(_("未知的单位类别。"), field="kind")
    if station.kind not in PAIRING_KINDS:
        raise DomainError(_("“%(name)s”不是消防救援站或大队。") % {"name": station.name}, field="station")
    if (
        by is not None
        and not within_scopes(Organization.objects.filter(pk=station.pk), by, Partner, "add").exists()
    ):
        raise OutOfScope(_("该消防救援站不在您的管辖范围内。"))
    if agreement_starts_on and agreement_ends_on and agreement_ends_on < agreement_starts_on:
        raise DomainError(_("协议截止日期早于起始日期。"), field="agreement_ends_on")
    if Partner.objects.filter(station=station, name=name).exists():
        raise DomainError(_("“%(name)s”已与该站结对。") % {"name": name}, field="name")
    actor = _actor(by)
    partner = Partner.objects.create(
        name=name, kind=kind, station=station, organization=organization, region_id=station.region_id,
        agreement_signed_on=agreement_signed_on, agreement_starts_on=agreement_starts_on,
        agreement_ends_on=agreement_ends_on, contact_name=contact_name.strip(),
        contact_phone=contact_phone.strip(), created_by=actor, updated_by=actor,
    )  # fmt: skip
    _created(partner, by)
    return partner


# ------------------------------------------------------------------------------------------- plans


@transaction.atomic
def plan_create(*, by: Any, partner: Partner, year: int, goals: str) -> AnnualPlan:
    """The annual plan of a pairing ("年有计划"); one per partner and year."""
    _may_add(by, AnnualPlan, _("您没有制定共建计划的权限。"))
    ensure_in_scope(partner, by=by, action="view")
    goals = _text(goals, field="goals", message=_("请填写年度目标与主要活动。"))
    if not 2000 <= int(year) <= 2100:
        raise DomainError(_("年度不正确。"), field="year")
    if AnnualPlan.objects.filter(partner=partner, year=year).exists():
        raise DomainError(_("%(partner)s %(year)s 年度计划已经制定。") % {"partner": partner, "year": year},
                          field="year")  # fmt: skip
    actor = _actor(by)
    plan = AnnualPlan.objects.create(
        partner=partner, year=year, goals=goals, created_by=actor, updated_by=actor
    )
    _created(plan, by)
    return plan


def _plan_for_change(plan: AnnualPlan, by: Any) -> AnnualPlan:
    ensure_in_scope(plan, by=by, action="change")
    return AnnualPlan.objects.select_for_update().get(pk=plan.pk)


def _touch(plan: AnnualPlan, by: Any) -> None:
    from django.utils import timezone

    AnnualPlan.objects.filter(pk=plan.pk).update(
        version=plan.version + 1, updated_at=timezone.now(), updated_by=_actor(by)
    )


@transaction.atomic
def quarter_arrange(*, by: Any, plan: AnnualPlan, quarter: int, content: str) -> QuarterArrangement:
    """Set the arrangement of one quarter ("季有安排"); a second call for the same quarter revises it."""
    plan = _plan_for_change(plan, by)
    if not 1 <= int(quarter) <= 4:
        raise DomainError(_("季度应为 1 至 4。"), field="quarter")
    content = _text(content, field="content", message=_("请填写本季度活动安排。"))
    arrangement = QuarterArrangement.objects.filter(plan=plan, quarter=quarter).first()
    before = audit.snapshot(arrangement) if arrangement else {}
    if arrangement is None:
        arrangement = QuarterArrangement.objects.create(plan=plan, quarter=quarter, content=content)
    else:
        arrangement.content = content
        arrangement.save(update_fields=["content"])
    _touch(plan, by)
    action = audit.AuditAction.UPDATE if before else audit.AuditAction.CREATE
    audit.record(action, by=by, obj=arrangement, changes=audit.diff(before, audit.snapshot(arrangement)))
    return arrangement


@transaction.atomic
def monthly_content_add(
    *, by: Any, plan: AnnualPlan, month: int, activity_type: ActivityType, content: str
) -> MonthlyContent:
    """Add one item of a month's content ("月有内容") to a plan."""
    plan = _plan_for_change(plan, by)
    if not 1 <= int(month) <= 12:
        raise DomainError(_("月份应为 1 至 12。"), field="month")
    if not activity_type.active:
        raise DomainError(_("该活动类型已停用。"), field="activity_type")
    content = _text(content, field="content", message=_("请填写本月活动内容。"))
    item = MonthlyContent.objects.create(plan=plan, month=month, activity_type=activity_type, content=content)
    _touch(plan, by)
    audit.record(audit.AuditAction.CREATE, by=by, obj=item, changes=audit.diff({}, audit.snapshot(item)))
    return item


# ------------------------------------------------------------------------------------------- activities


@transaction.atomic
def activity_record(
    *,
    by: Any,
    partner: Partner,
    activity_type: ActivityType,
    title: str,
    held_on: dt.date,
    place: str,
    plan_item: MonthlyContent | None = None,
    our_participants: int = 0,
    partner_participants: int = 0,
    beneficiaries: int = 0,
    account: str = "",
) -> Activity:
    """Record an activity carried out with a partner. When it carries out a plan's monthly content, that
    content must be the same partner's and the activity must fall within the plan's year."""
    _may_add(by, Activity, _("您没有登记共建活动的权限。"))
    ensure_in_scope(partner, by=by, action="view")
    title = _text(title, field="title", message=_("请填写活动名称。"))
    place = _text(place, field="place", message=_("请填写活动地点。"))
    if not activity_type.active:
        raise DomainError(_("该活动类型已停用。"), field="activity_type")
    if plan_item is not None:
        plan = plan_item.plan
        if plan.partner_id != partner.pk:
            raise DomainError(_("所选计划内容不属于该共建单位。"), field="plan_item")
        if held_on.year != plan.year:
            raise DomainError(
                _("活动日期 %(date)s 不在所属计划的年度（%(year)s 年）内，请核对日期或改选当年计划内容。")
                % {"date": held_on.isoformat(), "year": plan.year},
                field="held_on",
            )
    actor = _actor(by)
    activity = Activity.objects.create(
        partner=partner, plan_item=plan_item, activity_type=activity_type, types_version=activity_type.version,
        title=title, held_on=held_on, place=place, our_participants=our_participants,
        partner_participants=partner_participants, beneficiaries=beneficiaries, account=account.strip(),
        created_by=actor, updated_by=actor,
    )  # fmt: skip
    _created(activity, by)
    return activity


# ------------------------------------------------------------------------------------------- edits


def _check_agreement(data: dict[str, Any], current: Any) -> None:
    starts = data.get("agreement_starts_on", getattr(current, "agreement_starts_on", None))
    ends = data.get("agreement_ends_on", getattr(current, "agreement_ends_on", None))
    if starts and ends and ends < starts:
        raise DomainError(_("协议截止日期早于起始日期。"), field="agreement_ends_on")


@transaction.atomic
def partner_update(
    partner: Partner, *, by: Any, data: dict[str, Any], expected_version: int | None = None
) -> Partner:
    """Edit a partner's name, kind, agreement and contact (the pairing itself is not changed here). A stale
    ``expected_version`` is refused naming who changed it and when."""
    data = {k: v for k, v in data.items() if k in PARTNER_EDIT_FIELDS}
    if "name" in data:
        data["name"] = _text(data["name"], field="name", message=_("请填写共建单位名称。"))
        clash = Partner.objects.filter(station_id=partner.station_id, name=data["name"]).exclude(
            pk=partner.pk
        )
        if clash.exists():
            raise DomainError(_("“%(name)s”已与该站结对。") % {"name": data["name"]}, field="name")
    if "kind" in data and data["kind"] not in PartnerKind.values:
        raise DomainError(_("未知的单位类别。"), field="kind")
    _check_agreement(data, partner)
    return object_update(partner, by=by, data=data, expected_version=expected_version)


@transaction.atomic
def plan_update(plan: AnnualPlan, *, by: Any, goals: str, expected_version: int | None = None) -> AnnualPlan:
    """Revise an annual plan's goals."""
    goals = _text(goals, field="goals", message=_("请填写年度目标与主要活动。"))
    return object_update(plan, by=by, data={"goals": goals}, expected_version=expected_version)


@transaction.atomic
def activity_update(
    activity: Activity, *, by: Any, data: dict[str, Any], expected_version: int | None = None
) -> Activity:
    """Edit an activity's account of what happened; its date stays within its plan's year."""
    data = {k: v for k, v in data.items() if k in ACTIVITY_EDIT_FIELDS}
    for name, message in (("title", _("请填写活动名称。")), ("place", _("请填写活动地点。"))):
        if name in data:
            data[name] = _text(data[name], field=name, message=message)
    kind = data.get("activity_type")
    if kind is not None:
        if kind.pk != activity.activity_type_id and not kind.active:
            raise DomainError(_("该活动类型已停用。"), field="activity_type")
        data["types_version"] = (
            kind.version if kind.pk != activity.activity_type_id else activity.types_version
        )
    held_on = data.get("held_on", activity.held_on)
    if activity.plan_item_id and held_on.year != activity.plan_item.plan.year:
        raise DomainError(
            _("活动日期 %(date)s 不在所属计划的年度（%(year)s 年）内，请核对日期或改选当年计划内容。")
            % {"date": held_on.isoformat(), "year": activity.plan_item.plan.year},
            field="held_on",
        )
    return object_update(activity, by=by, data=data, expected_version=expected_version)


PARTNER_EDIT_FIELDS = ("name", "kind", "agreement_signed_on", "agreement_starts_on", "agreement_ends_on",
                       "contact_name", "contact_phone", "active")  # fmt: skip
ACTIVITY_EDIT_FIELDS = ("activity_type", "title", "held_on", "place", "our_participants", "partner_participants",
                        "beneficiaries", "account")  # fmt: skip

#: What may be attached to which record: purpose → (model, PDF allowed, how many at most).
ATTACHMENTS = {"agreement": (Partner, True, 5), "photo": (Activity, False, 12)}


@transaction.atomic
def attach_file(*, by: Any, obj: Partner | Activity, upload: Any, purpose: str) -> StoredFile:
    """Attach a checked upload (type by content, size and pixel limits, images re-encoded) to a partner
    (the signed agreement: JPEG, PNG or PDF) or an activity (photos: JPEG or PNG)."""
    model, allow_pdf, most = ATTACHMENTS[purpose]
    if not isinstance(obj, model):
        raise DomainError(_("该记录不能上传此类文件。"), field="file")
    ensure_in_scope(obj, by=by, action="change")
    if attachments(obj, purpose).count() >= most:
        raise DomainError(_("最多上传 %(n)d 个文件。") % {"n": most}, field="file")
    try:
        stored = store_upload(upload, owner=obj, by=by, purpose=purpose, allow_pdf=allow_pdf)
    except ValidationError as exc:
        raise DomainError(" ".join(exc.messages), field="file") from exc
    audit.record(audit.AuditAction.UPDATE, by=by, obj=obj,
                 changes={purpose: [None, stored.original_name]})  # fmt: skip
    return stored


def attachments(obj: Partner | Activity, purpose: str):
    return StoredFile.objects.filter(
        owner_type=obj._meta.label_lower, owner_id=str(obj.pk), purpose=purpose
    ).order_by("uploaded_at", "pk")
