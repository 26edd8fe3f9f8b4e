"""Public tips (举报投诉): receiving a tip from the portal or the API, and the staff's checking of it —
start checking, convert it into a hazard of a unit, or dismiss it as unfounded with a reason and a public
reply. The tipster follows progress with the tracking code only; no personal data is ever shown to them.

Checking deadline (核查期限): 24 hours for blocked/locked exits and disabled fire systems, otherwise 3
working days on the editable calendar (``hazards/rules/tips.yaml``); stored on the tip for the sweep.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import audit, workflow
from flameblue.core.errors import DomainError, OutOfScope
from flameblue.core.masking import mask_phone
from flameblue.core.notify_models import StoredFile
from flameblue.core.uploads import store_copy, store_upload
from flameblue.geo.choices import RegionLevel
from flameblue.geo.models import Region
from flameblue.hazards import notifications
from flameblue.hazards import services as hazard_services
from flameblue.hazards.choices import URGENT_TIP_CATEGORIES, HazardGrade, HazardSource, TipCategory, TipStatus
from flameblue.hazards.models import Hazard, Tip
from flameblue.hazards.tips.guard import check_content, check_rate_limits, phone_digest, rules
from flameblue.units.models import Unit
from flameblue.workdays.services import due_date

__all__ = [
    "PublicTipView",
    "check_due_for",
    "new_tracking_code",
    "normalise_code",
    "tip_convert",
    "tip_dismiss",
    "tip_photos",
    "tip_regions",
    "tip_start_check",
    "tip_submit",
    "tip_track",
]

PHONE = re.compile(r"^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")
OPEN_TIP_STATUSES = (TipStatus.RECEIVED, TipStatus.CHECKING)


def new_tracking_code() -> str:
    config = rules()
    return "".join(secrets.choice(config.code_alphabet) for _ in range(config.code_length))


def normalise_code(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "").upper()[:16]


def check_due_for(category: str, received_at: dt.datetime) -> dt.datetime:
    """24 hours after receipt for urgent categories; otherwise the end of the Nth working day after it."""
    config = rules()
    if category in URGENT_TIP_CATEGORIES:
        return received_at + dt.timedelta(hours=config.urgent_hours)
    day = due_date(timezone.localtime(received_at), config.normal_amount, config.normal_unit).date
    return timezone.make_aware(dt.datetime.combine(day, dt.time(23, 59, 59)))


def tip_regions():
    """The townships a tip may name: every township under the configured city (亳州 3416)."""
    prefix = rules().region_prefix
    return (
        Region.objects.filter(level=RegionLevel.TOWNSHIP, code__startswith=prefix)
        .select_related("parent")
        .order_by("code")
    )


def _normalise_phone(phone: str) -> str:
    phone = re.sub(r"[\s()（）]", "", phone or "")
    if phone.startswith("+86"):
        phone = phone[3:]
    if phone and not PHONE.match(phone):
        raise DomainError(_("联系电话格式不正确，请填写 11 位手机号或带区号的固定电话。"), field="phone")
    return phone


def _audit_state(tip: Tip) -> dict[str, Any]:
    state = audit.snapshot(tip)
    state["phone"] = mask_phone(tip.phone)
    state.pop("phone_digest", None)
    return state


def _clean_submission(
    *, category: str, description: str, region: Any, address: str
) -> tuple[str, Region, str]:
    config = rules()
    if category not in TipCategory.values:
        raise DomainError(_("请选择举报类别。"), field="category")
    description = (description or "").strip()
    if len(description) < config.min_description_length:
        raise DomainError(
            _("请具体描述隐患情况（至少 %(n)d 个字）。") % {"n": config.min_description_length},
            field="description",
        )
    check_content(description)
    code = getattr(region, "code", region) or ""
    township = tip_regions().filter(code=str(code)).first()
    if township is None:
        raise DomainError(_("请选择亳州市范围内的乡镇（街道）。"), field="region")
    address = (address or "").strip()
    if not address:
        raise DomainError(_("请填写隐患所在的详细地址。"), field="address")
    if len(address) > 200:
        raise DomainError(_("地址不能超过 200 个字。"), field="address")
    return description, township, address


@transaction.atomic
def tip_submit(
    *,
    category: str,
    description: str,
    region: Any,
    address: str,
    place_name: str = "",
    phone: str = "",
    photos: Sequence[Any] = (),
    ip: str | None = None,
    now: dt.datetime | None = None,
) -> Tip:
    """Receive a tip from the public: validate, apply the rate limits, store it with its tracking code and
    checking deadline, and store its photos through the one upload service."""
    description, township, address = _clean_submission(
        category=category, description=description, region=region, address=address
    )
    phone = _normalise_phone(phone)
    digest = phone_digest(phone)
    if len(photos) > rules().max_photos:
        raise DomainError(_("最多上传 %(n)d 张照片。") % {"n": rules().max_photos}, field="photos")
    now = now or timezone.now()
    check_rate_limits(ip=ip, digest=digest, now=now)
    tip = Tip(
        category=category, description=description, region=township, address=address,
        place_name=(place_name or "").strip()[:120], phone=phone, phone_digest=digest, ip=ip or None,
        received_at=now, check_due_at=check_due_for(category, now),
    )  # fmt: skip
    for _attempt in range(5):
        tip.tracking_code = new_tracking_code()
        try:
            with transaction.atomic():
                tip.save()
            break
        except IntegrityError:
            continue  # a code collision (about 1 in 10^14): draw again
    else:  # pragma: no cover - practically impossible
        raise DomainError(_("系统繁忙，请稍后再试。"))
    for photo in photos:
        try:
            store_upload(photo, owner=tip, by=None, purpose="photo")
        except ValidationError as exc:
            raise ValidationError({"photos": exc.messages}) from exc
    audit.record(
        audit.AuditAction.CREATE, obj=tip, changes=audit.diff({}, _audit_state(tip)), actor_name=_("公众")
    )
    notifications.tip_received(tip)
    return tip


# ------------------------------------------------------------------------------------------- tracking


@dataclass(frozen=True)
class PublicTipView:
    """What a tipster may see about their tip: nothing personal, nothing about other tips."""

    tracking_code: str
    category: str
    status: str
    status_label: str
    township: str
    received_on: dt.date
    check_due_at: dt.datetime
    public_reply: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "tracking_code": self.tracking_code,
            "category": self.category,
            "status": self.status,
            "status_label": self.status_label,
            "township": self.township,
            "received_on": self.received_on.isoformat(),
            "check_due_at": self.check_due_at.isoformat(),
            "public_reply": self.public_reply,
        }


def tip_track(code: str) -> PublicTipView | None:
    code = normalise_code(code)
    if len(code) != rules().code_length:
        return None
    tip = Tip.objects.select_related("region__parent").filter(tracking_code=code).first()
    if tip is None:
        return None
    township = f"{tip.region.parent.name if tip.region.parent else ''}{tip.region.name}"
    return PublicTipView(
        tracking_code=tip.tracking_code,
        category=tip.get_category_display(),
        status=tip.status,
        status_label=tip.get_status_display(),
        township=township,
        received_on=timezone.localtime(tip.received_at).date(),
        check_due_at=tip.check_due_at,
        public_reply=tip.public_reply,
    )


# ------------------------------------------------------------------------------------------- staff moves


def _lock(tip: Tip, *, by: Any, allowed: tuple[str, ...], expected_version: int | None, verb: str) -> Tip:
    return workflow.lock(
        tip, by=by, allowed=allowed, verb=verb, expected_version=expected_version, noun=_("举报"),
        snapshot=_audit_state,
    )  # fmt: skip


def _save(tip: Tip, *, to: str, by: Any, reason: str = "") -> Tip:
    return workflow.advance(tip, to=to, by=by, reason=reason, at=tip.checked_at, snapshot=_audit_state)


@transaction.atomic
def tip_start_check(*, tip: Tip, by: Any, expected_version: int | None = None) -> Tip:
    """An officer takes the tip up: received → checking."""
    tip = _lock(
        tip, by=by, allowed=(TipStatus.RECEIVED,), expected_version=expected_version, verb=_("开始核查")
    )
    tip.checked_by = by if getattr(by, "pk", None) else None
    return _save(tip, to=TipStatus.CHECKING, by=by)


@transaction.atomic
def tip_convert(
    *,
    tip: Tip,
    by: Any,
    unit: Unit | None,
    description: str = "",
    location: str = "",
    grade: str = HazardGrade.GENERAL,
    public_reply: str = "",
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> Hazard:
    """Checking found the tip founded: it becomes a hazard of ``unit`` (source 群众举报), both linked; the
    tip's photos are attached to the hazard as its "before" photos."""
    tip = _lock(tip, by=by, allowed=OPEN_TIP_STATUSES, expected_version=expected_version, verb=_("立为隐患"))
    if unit is None:
        raise DomainError(_("请选择隐患所在的单位。"), field="unit")
    if by is not None and not Unit.objects.visible_to(by, "view").filter(pk=unit.pk).exists():
        raise OutOfScope(_("该单位不在您的管辖范围内。"))
    hazard = hazard_services.hazard_report(
        by=by, unit=unit, source=HazardSource.PUBLIC_TIP, tip=tip, grade=grade,
        description=(description or "").strip() or tip.description, location=location or tip.address,
        source_ref=tip.tracking_code, at=at,
    )  # fmt: skip
    _copy_photos(tip, hazard, by=by)
    tip.unit = unit
    tip.checked_at = at or timezone.now()
    tip.checked_by = by if getattr(by, "pk", None) else None
    tip.public_reply = (public_reply or "").strip() or _(
        "经核查，举报情况属实，已立案督促整改。感谢您的监督。"
    )
    _save(tip, to=TipStatus.CONVERTED, by=by)
    return hazard


def tip_photos(tip: Tip):
    return StoredFile.objects.filter(owner_type=Tip._meta.label_lower, owner_id=str(tip.pk)).order_by("pk")


def _copy_photos(tip: Tip, hazard: Hazard, *, by: Any) -> None:
    """The tipster's photos show the hazard as found: each becomes a "before" photo of the hazard."""
    for stored in tip_photos(tip):
        store_copy(stored, owner=hazard, purpose="before", by=by)


@transaction.atomic
def tip_dismiss(
    *,
    tip: Tip,
    by: Any,
    reason: str,
    public_reply: str = "",
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> Tip:
    """Checking found the tip unfounded: dismissed with the reason (kept) and a reply the tipster sees."""
    tip = _lock(
        tip, by=by, allowed=OPEN_TIP_STATUSES, expected_version=expected_version, verb=_("作为不属实处理")
    )
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("请填写经核查不属实的理由。"), field="reason")
    tip.dismissal_reason = reason
    tip.public_reply = (public_reply or "").strip() or _("经核查，未发现举报所述火灾隐患。感谢您的监督。")
    tip.checked_at = at or timezone.now()
    tip.checked_by = by if getattr(by, "pk", None) else None
    return _save(tip, to=TipStatus.DISMISSED, by=by, reason=reason)
