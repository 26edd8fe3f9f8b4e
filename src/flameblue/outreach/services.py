"""Writes of the outreach app: training sessions and their roster (a person added by hand, or a whole
sign-in sheet imported all or nothing), publicity drives and their photos, materials with print runs and
distributions (never more than in stock), education bases and their visits.

Keyword-only and atomic; ``by=None`` is a trusted caller (the demo seed). Every write is audited; every
refusal is a :class:`~flameblue.core.errors.DomainError` (or ValidationError) naming the field, and leaves
nothing behind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from flameblue.core import audit
from flameblue.core.errors import DomainError, OutOfScope
from flameblue.core.notify_models import StoredFile
from flameblue.core.services import ensure_in_scope, object_create, object_update
from flameblue.core.uploads import store_upload
from flameblue.geo.choices import RegionLevel
from flameblue.org.models import Person
from flameblue.outreach.choices import TermKind
from flameblue.outreach.models import (
    Attendee,
    BaseVisit,
    Distribution,
    EducationBase,
    Material,
    PrintRun,
    PublicityDrive,
    Term,
    TrainingSession,
)
from flameblue.outreach.signin import SigninSheet, read_signin
from flameblue.units.sheets.importing import RowError, SheetError

__all__ = [
    "SigninRefused",
    "attendee_add",
    "base_create",
    "base_update",
    "distribution_add",
    "drive_create",
    "drive_photo_add",
    "drive_update",
    "material_create",
    "material_update",
    "print_run_add",
    "session_create",
    "session_update",
    "signin_import",
    "stock",
    "visit_add",
]


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


def _terms_version() -> str:
    return Term.objects.order_by("-version").values_list("version", flat=True).first() or ""


def _check_terms(values: Any, kind: str, field: str) -> None:
    for term in values or ():
        if term.kind != kind:
            raise DomainError(_("“%(v)s”不是可选的%(what)s。") % {"v": term.name, "what": TermKind(kind).label},
                              field=field)  # fmt: skip


# --- training ---------------------------------------------------------------------------------------------


def _session_data(data: Mapping[str, Any]) -> dict[str, Any]:
    data = dict(data)
    _check_terms(data.get("rules_taught"), TermKind.RULE_TAUGHT, "rules_taught")
    _check_terms(data.get("audiences"), TermKind.AUDIENCE, "audiences")
    if "organiser" in data:
        data["region"] = data["organiser"].region
    if not (data.get("title") or "").strip() and "title" in data:
        raise DomainError(_("请填写培训主题。"), field="title")
    return data


@transaction.atomic
def session_create(*, by: Any, data: Mapping[str, Any]) -> TrainingSession:
    """登记培训: the organiser's region scopes it; the rule-data version is kept on it."""
    return object_create(
        TrainingSession, by=by, data={**_session_data(data), "terms_version": _terms_version()}
    )


@transaction.atomic
def session_update(
    session: TrainingSession, *, by: Any, data: Mapping[str, Any], expected_version: int | None = None
) -> TrainingSession:
    return object_update(session, by=by, data=_session_data(data), expected_version=expected_version)


@transaction.atomic
def attendee_add(*, session: TrainingSession, person: Person, audience: Term, by: Any) -> Attendee:
    """Put a person in FlameBlue on the roster (with their organisation and title; the phone masked)."""
    ensure_in_scope(session, by=by, action="change")
    if by is not None and not Person.objects.visible_to(by).filter(pk=person.pk).exists():
        raise OutOfScope(_("该人员不在您的管辖范围内。"))
    _check_terms([audience], TermKind.AUDIENCE, "audience")
    org = person.organization
    if Attendee.objects.filter(session=session, name=person.name, organization_name=org.name).exists():
        raise DomainError(_("“%(v)s”已在本次培训的花名册中。") % {"v": person.name}, field="person")
    attendee = Attendee.objects.create(
        session=session, person=person, name=person.name, organization=org, organization_name=org.name,
        title=person.title, phone_masked=person.phone_masked, audience=audience,
    )  # fmt: skip
    audit.record(audit.AuditAction.CREATE, by=by, obj=attendee, changes=audit.snapshot(attendee))
    return attendee


class SigninRefused(DomainError):
    """The sign-in sheet has problems; ``errors`` lists each with its row and column. Nothing was saved."""

    def __init__(self, errors: list[RowError]):
        super().__init__(_("签到表有 %(n)d 处问题，未导入任何人员，请修改后重新上传。") % {"n": len(errors)},
                         field="file")  # fmt: skip
        self.errors = errors


@dataclass(frozen=True)
class SigninImported:
    created: int
    matched: int


@transaction.atomic
def signin_import(*, session: TrainingSession, upload: Any, by: Any) -> SigninImported:
    """Import a sign-in sheet onto the roster: every row checked first; any problem refuses the whole sheet
    (:class:`SigninRefused` with row/column errors), a clean sheet is imported in full and audited."""
    ensure_in_scope(session, by=by, action="change")
    session = TrainingSession.objects.select_for_update().get(pk=session.pk)
    try:
        sheet: SigninSheet = read_signin(session, upload)
    except SheetError as exc:
        raise DomainError(exc.message, field="file") from exc
    if sheet.errors:
        raise SigninRefused(sheet.errors)
    Attendee.objects.bulk_create([
        Attendee(session=session, person=r.person, name=r.name, organization=r.organization,
                 organization_name=r.organization_name, title=r.title, phone_masked=r.phone_masked,
                 audience=r.audience, source_row=r.row)
        for r in sheet.rows
    ])  # fmt: skip
    audit.record(audit.AuditAction.IMPORT, by=by, obj=session, object_repr=_("培训签到表"),
                 changes={"rows": len(sheet.rows), "matched": sheet.matched,
                          "file": str(getattr(upload, "name", ""))[:200]})  # fmt: skip
    return SigninImported(created=len(sheet.rows), matched=sheet.matched)


# --- publicity --------------------------------------------------------------------------------------------


def _drive_data(data: Mapping[str, Any]) -> dict[str, Any]:
    data = dict(data)
    drive_type, target = data.get("drive_type"), data.get("target")
    if drive_type is not None:
        if drive_type.flags.get("needs_target") and target is None:
            raise DomainError(_("“%(t)s”活动须选择“七进”对象。") % {"t": drive_type.name}, field="target")
        if not drive_type.flags.get("needs_target") and target is not None:
            raise DomainError(_("只有“七进”活动需要选择对象，请清空“七进”对象。"), field="target")
    township = data.get("township")
    if township is not None and township.level != RegionLevel.TOWNSHIP:
        raise DomainError(_("请选择乡镇（街道）一级的区划。"), field="township")
    return data


@transaction.atomic
def drive_create(*, by: Any, data: Mapping[str, Any]) -> PublicityDrive:
    """登记宣传活动 in a township of the user's jurisdiction; the rule-data version is kept on it."""
    return object_create(PublicityDrive, by=by, data={**_drive_data(data), "terms_version": _terms_version()})


@transaction.atomic
def drive_update(
    drive: PublicityDrive, *, by: Any, data: Mapping[str, Any], expected_version: int | None = None
) -> PublicityDrive:
    merged = {"drive_type": drive.drive_type, "target": drive.target, **data}
    _drive_data(merged)
    return object_update(drive, by=by, data=data, expected_version=expected_version)


@transaction.atomic
def drive_photo_add(*, drive: PublicityDrive, upload: Any, by: Any) -> StoredFile:
    """A photo of the drive, checked by content and size and re-encoded (EXIF, GPS dropped)."""
    ensure_in_scope(drive, by=by, action="change")
    stored = store_upload(upload, owner=drive, by=by, purpose="photo")
    audit.record(audit.AuditAction.CREATE, by=by, obj=drive, object_repr=_("宣传活动照片"),
                 changes={"photo": stored.original_name, "size": stored.size})  # fmt: skip
    return stored


# --- materials --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stock:
    printed: int
    distributed: int

    @property
    def left(self) -> int:
        return self.printed - self.distributed


def stock(material: Material) -> Stock:
    """Copies printed, distributed and left of a material, counted from its rows."""
    printed = material.print_runs.aggregate(n=Sum("copies"))["n"] or 0
    distributed = material.distributions.aggregate(n=Sum("copies"))["n"] or 0
    return Stock(printed=printed, distributed=distributed)


def _material_data(data: Mapping[str, Any]) -> dict[str, Any]:
    data = dict(data)
    if "organiser" in data:
        data["region"] = data["organiser"].region
    return data


@transaction.atomic
def material_create(*, by: Any, data: Mapping[str, Any]) -> Material:
    return object_create(Material, by=by, data=_material_data(data))


@transaction.atomic
def material_update(
    material: Material, *, by: Any, data: Mapping[str, Any], expected_version: int | None = None
) -> Material:
    return object_update(material, by=by, data=_material_data(data), expected_version=expected_version)


def _positive(copies: int, field: str = "copies") -> None:
    if copies is None or copies <= 0:
        raise DomainError(_("数量须大于 0。"), field=field)


@transaction.atomic
def print_run_add(
    *, material: Material, printed_on: dt.date, copies: int, by: Any, printer: str = ""
) -> PrintRun:
    """印制: add copies to the stock."""
    ensure_in_scope(material, by=by, action="change")
    _positive(copies)
    run = PrintRun.objects.create(material=material, printed_on=printed_on, copies=copies,
                                  printer=(printer or "").strip(), created_by=_actor(by))  # fmt: skip
    audit.record(audit.AuditAction.CREATE, by=by, obj=run, changes=audit.snapshot(run))
    return run


@transaction.atomic
def distribution_add(
    *, material: Material, township: Any, copies: int, distributed_on: dt.date, by: Any, unit: Any = None,
    recipient: str = "",
) -> Distribution:  # fmt: skip
    """发放: hand copies to a township (and a unit in it). Refused when more than the stock left — the
    material row is locked, so two distributions at once cannot both take the last copies."""
    ensure_in_scope(material, by=by, action="change")
    material = Material.objects.select_for_update().get(pk=material.pk)
    _positive(copies)
    if township.level != RegionLevel.TOWNSHIP or not township.code.startswith(material.region_id):
        raise DomainError(_("请选择编印单位辖区内的乡镇（街道）。"), field="township")
    if unit is not None and not unit.region_id.startswith(township.code):
        raise DomainError(_("该单位不在所选乡镇（街道）内。"), field="unit")
    left = stock(material).left
    if copies > left:
        raise DomainError(
            _("库存不足：《%(title)s》现有库存 %(left)d 份，不能发放 %(copies)d 份。")
            % {"title": material.title.strip("《》"), "left": left, "copies": copies},
            field="copies",
        )
    row = Distribution.objects.create(material=material, township=township, unit=unit, copies=copies,
                                      distributed_on=distributed_on, recipient=(recipient or "").strip(),
                                      created_by=_actor(by))  # fmt: skip
    audit.record(
        audit.AuditAction.CREATE, by=by, obj=row, changes={**audit.snapshot(row), "left": left - copies}
    )
    return row


# --- education bases --------------------------------------------------------------------------------------


@transaction.atomic
def base_create(*, by: Any, data: Mapping[str, Any]) -> EducationBase:
    return object_create(EducationBase, by=by, data={**data, "terms_version": _terms_version()})


@transaction.atomic
def base_update(
    base: EducationBase, *, by: Any, data: Mapping[str, Any], expected_version: int | None = None
) -> EducationBase:
    return object_update(base, by=by, data=data, expected_version=expected_version)


@transaction.atomic
def visit_add(
    *, base: EducationBase, visited_on: dt.date, visitors: int, by: Any, group_name: str = ""
) -> BaseVisit:
    """参观登记: a visit on or after the base opened."""
    ensure_in_scope(base, by=by, action="change")
    _positive(visitors, "visitors")
    if visited_on < base.opened_on:
        raise DomainError(_("参观日期早于基地开放日期（%(d)s）。") % {"d": base.opened_on.isoformat()},
                          field="visited_on")  # fmt: skip
    visit = BaseVisit.objects.create(base=base, visited_on=visited_on, visitors=visitors,
                                     group_name=(group_name or "").strip(), created_by=_actor(by))  # fmt: skip
    audit.record(audit.AuditAction.CREATE, by=by, obj=visit, changes=audit.snapshot(visit))
    return visit
