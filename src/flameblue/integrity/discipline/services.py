"""Writes of the discipline records: keyword-only, atomic, validated, audited. The clue register moves along
the disposal path of ``rules/clue-disposal.yaml`` through the workflow kernel (each step's deadline stored);
declarations (phones, credit checks, family pledges) are filed by the officer for themself, or by a discipline
officer for anyone in their jurisdiction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import audit, workflow
from flameblue.core.errors import ConcurrencyError, OutOfScope, PermissionDeniedError
from flameblue.core.scoping import has_action, within_scopes
from flameblue.core.services import ensure_in_scope
from flameblue.core.uploads import store_upload
from flameblue.integrity.discipline.choices import ClueStatus
from flameblue.integrity.discipline.models import (
    Clue,
    CreditCheck,
    FamilyPledge,
    IntegrityReport,
    PhoneRegistration,
    ProcuratorateExchange,
    ServiceMeasure,
    WarningSession,
)
from flameblue.integrity.discipline.policy import disposal_rules
from flameblue.org.choices import FIRE_SERVICE_KINDS
from flameblue.org.models import Organization, Person

__all__ = [
    "clue_dispose",
    "clue_register",
    "credit_check_record",
    "exchange_log",
    "integrity_report_record",
    "measure_update",
    "phone_register",
    "pledge_file",
    "warning_session_record",
]


def _require(by: Any, model: type, action: str) -> None:
    if by is not None and not has_action(by, model, action):
        raise PermissionDeniedError(_("您没有执行此操作的权限。"))


def _created(obj: Any, by: Any, m2m: dict[str, Sequence[Any]] | None = None) -> Any:
    user = by if getattr(by, "pk", None) else None
    obj.created_by = obj.updated_by = user
    obj.full_clean()
    obj.save()
    for name, values in (m2m or {}).items():
        getattr(obj, name).set(values)
    audit.record(audit.AuditAction.CREATE, by=by, obj=obj, changes=audit.diff({}, audit.snapshot(obj)))
    return obj


def _fire_officer(person: Person, field: str) -> None:
    if person.organization.kind not in FIRE_SERVICE_KINDS:
        raise ValidationError({field: _("只适用于消防救援队伍人员。")})


def _not_future(day: dt.date, field: str, label: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: _("%(label)s不能晚于今天。") % {"label": label}})


def _filer(by: Any, person: Person | None, model: type) -> Person:
    """Officers file for themselves; a discipline officer (``oversee``) for anyone in their jurisdiction."""
    own = getattr(by, "person", None) if by is not None else None
    if person is None or (own is not None and person.pk == own.pk):
        if person is None and own is None:
            raise ValidationError(_("申报人未关联人员档案，无法申报。"))
        chosen = person or own
    else:
        if by is not None and not has_action(by, model, "oversee"):
            raise PermissionDeniedError(_("只能申报本人的情况。"))
        if (
            by is not None
            and not within_scopes(Person.objects.filter(pk=person.pk), by, model, "oversee").exists()
        ):
            raise OutOfScope(_("该人员不在您的管辖范围内。"))
        chosen = person
    _fire_officer(chosen, "person")
    return chosen


def _placed(person: Person) -> dict[str, Any]:
    return {"person": person, "organization": person.organization, "region_id": person.organization.region_id}


# ------------------------------------------------------------------------------------------- clues


def _next_number(year: int) -> str:
    prefix = f"LX{year}-"
    last = (
        Clue.objects.select_for_update()
        .filter(number__startswith=prefix)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    return f"{prefix}{int(last.rsplit('-', 1)[1]) + 1 if last else 1:04d}"


@transaction.atomic
def clue_register(*, by: Any, source: str, subject: Person, received_on: dt.date, summary: str) -> Clue:
    """Register a clue about an officer; its first step (待处置) gets the rule's deadline."""
    _require(by, Clue, "add")
    _fire_officer(subject, "subject")
    _not_future(received_on, "received_on", _("受理日期"))
    if not summary.strip():
        raise ValidationError({"summary": _("请填写反映问题摘要。")})
    rules = disposal_rules()
    clue = _created(
        Clue(
            number=_next_number(received_on.year), source=source, subject=subject,
            organization=subject.organization, region_id=subject.organization.region_id,
            received_on=received_on, summary=summary.strip(), step_started_on=received_on,
            step_due_on=rules.due_on(ClueStatus.REGISTERED, received_on), rules_version=rules.version,
        ),
        by,
    )  # fmt: skip
    ensure_in_scope(clue, by=by, action="add")
    workflow.begin(clue, by=by)
    return clue


def _sources_of(to: str) -> list[str]:
    rules = disposal_rules()
    return [s for s in ClueStatus.values if to in rules.allowed(s)]


@transaction.atomic
def clue_dispose(
    *, clue: Clue, by: Any, to: str, reason: str, expected_version: int | None = None,
    on: dt.date | None = None,
) -> Clue:  # fmt: skip
    """Move a clue to its next disposal step (as the transition table allows), with the reason; the new
    step's deadline is stored and any overdue mark cleared."""
    if to not in ClueStatus.values:
        raise ValidationError({"to": _("请选择处置方式。")})
    if not reason.strip():
        raise ValidationError({"reason": _("请填写处置理由。")})
    current = workflow.lock(
        clue, by=by, allowed=_sources_of(to), verb=_("转为“%(to)s”") % {"to": ClueStatus(to).label},
        expected_version=expected_version, action="change",
    )  # fmt: skip
    rules = disposal_rules()
    day = on or timezone.localdate()
    current.step_started_on = day
    current.step_due_on = rules.due_on(to, day)
    current.overdue_since = None
    current.rules_version = rules.version
    return workflow.advance(current, by=by, to=to, reason=reason.strip())


@transaction.atomic
def exchange_log(
    *, by: Any, direction: str, kind: str, exchanged_on: dt.date, summary: str, document_number: str = "",
    clue: Clue | None = None, organization: Organization | None = None,
) -> ProcuratorateExchange:  # fmt: skip
    """Log what was sent to or received from the procuratorate, linked to a clue where there is one."""
    _require(by, ProcuratorateExchange, "add")
    _not_future(exchanged_on, "exchanged_on", _("日期"))
    if clue is not None:
        ensure_in_scope(clue, by=by, action="view")
    org = organization or (
        clue.organization if clue else getattr(getattr(by, "person", None), "organization", None)
    )
    if org is None:
        raise ValidationError(_("无法确定登记单位。"))
    entry = _created(
        ProcuratorateExchange(
            direction=direction, kind=kind, exchanged_on=exchanged_on, summary=summary.strip(),
            document_number=document_number.strip(), clue=clue, organization=org, region_id=org.region_id,
        ),
        by,
    )  # fmt: skip
    ensure_in_scope(entry, by=by, action="add")
    return entry


# ------------------------------------------------------------------------------------ declarations


@transaction.atomic
def phone_register(
    *, by: Any, number: str, model_name: str, registered_on: dt.date, person: Person | None = None
) -> PhoneRegistration:
    """Register a phone an officer uses (手机管理)."""
    _require(by, PhoneRegistration, "add")
    person = _filer(by, person, PhoneRegistration)
    digits = number.strip().replace(" ", "").replace("-", "")
    if not digits.isdigit() or not 7 <= len(digits) <= 15:
        raise ValidationError({"number": _("手机号码应为 7 至 15 位数字。")})
    _not_future(registered_on, "registered_on", _("登记日期"))
    if PhoneRegistration.objects.filter(person=person, number=digits).exists():
        raise ValidationError({"number": _("该手机号码已登记。")})
    return _created(
        PhoneRegistration(**_placed(person), number=digits, model_name=model_name.strip(),
                          registered_on=registered_on),
        by,
    )  # fmt: skip


@transaction.atomic
def credit_check_record(
    *, by: Any, year: int, checked_on: dt.date, result: str, person: Person | None = None
) -> CreditCheck:
    """Record that this year's credit check was done: the date and clean or flagged — never the report."""
    _require(by, CreditCheck, "add")
    person = _filer(by, person, CreditCheck)
    _not_future(checked_on, "checked_on", _("查询日期"))
    if checked_on.year != year:
        raise ValidationError({"checked_on": _("查询日期应在申报年度内。")})
    if CreditCheck.objects.filter(person=person, year=year).exists():
        raise ValidationError({"year": _("%(year)d 年度的征信查询记录已登记。") % {"year": year}})
    return _created(CreditCheck(**_placed(person), year=year, checked_on=checked_on, result=result), by)


@transaction.atomic
def pledge_file(
    *, by: Any, year: int, signed_on: dt.date, family_signatory: str, signed_copy: Any = None,
    person: Person | None = None,
) -> FamilyPledge:  # fmt: skip
    """File the family integrity pledge of a year with its signed copy; one per officer per year."""
    _require(by, FamilyPledge, "add")
    person = _filer(by, person, FamilyPledge)
    _not_future(signed_on, "signed_on", _("签订日期"))
    if FamilyPledge.objects.filter(person=person, year=year).exists():
        raise ValidationError(
            {
                "year": _("%(name)s %(year)d 年度的家庭助廉承诺书已提交，每人每年一份。")
                % {"name": person.name, "year": year}
            }
        )
    if not family_signatory.strip():
        raise ValidationError({"family_signatory": _("请填写家属签名人。")})
    try:
        with transaction.atomic():
            pledge = _created(
                FamilyPledge(**_placed(person), year=year, signed_on=signed_on,
                             family_signatory=family_signatory.strip()),
                by,
            )  # fmt: skip
    except IntegrityError as exc:
        raise ValidationError({"year": _("该年度的家庭助廉承诺书已提交，每人每年一份。")}) from exc
    if signed_copy is not None:
        pledge.signed_copy = store_upload(signed_copy, owner=pledge, by=by, purpose="signed", allow_pdf=True)
        pledge.save(update_fields=["signed_copy"])
    return pledge


# ----------------------------------------------------------------- education, 述职述廉, measures


@transaction.atomic
def warning_session_record(
    *, by: Any, kind: str, title: str, held_on: dt.date, organization: Organization,
    attendees: Sequence[Person], place: str = "",
) -> WarningSession:  # fmt: skip
    """Record a warning-education session with its roster of attendees."""
    _require(by, WarningSession, "add")
    _not_future(held_on, "held_on", _("日期"))
    if not attendees:
        raise ValidationError({"attendees": _("请选择参加人员。")})
    session = _created(
        WarningSession(kind=kind, title=title.strip(), held_on=held_on, place=place.strip(),
                       organization=organization, region_id=organization.region_id),
        by, m2m={"attendees": list(attendees)},
    )  # fmt: skip
    ensure_in_scope(session, by=by, action="add")
    return session


@transaction.atomic
def integrity_report_record(
    *, by: Any, person: Person, held_on: dt.date, audience: str, audience_size: int, rating: str,
    remarks: str = "",
) -> IntegrityReport:  # fmt: skip
    """Record an enforcement officer's public 述职述廉 and the audience's rating."""
    _require(by, IntegrityReport, "add")
    _fire_officer(person, "person")
    _not_future(held_on, "held_on", _("述职日期"))
    if audience_size < 1:
        raise ValidationError({"audience_size": _("评议人数至少为 1 人。")})
    report = _created(
        IntegrityReport(**_placed(person), held_on=held_on, audience=audience.strip(),
                        audience_size=audience_size, rating=rating, remarks=remarks.strip()),
        by,
    )  # fmt: skip
    ensure_in_scope(report, by=by, action="add")
    return report


@transaction.atomic
def measure_update(
    *, measure: ServiceMeasure, by: Any, status: str, progress: str = "", expected_version: int | None = None
) -> ServiceMeasure:
    """Record the implementation status of a service measure (a stale edit is refused naming who/when)."""
    ensure_in_scope(measure, by=by, action="change")
    current = ServiceMeasure.objects.select_for_update().get(pk=measure.pk)
    if expected_version is not None and current.version != expected_version:
        raise ConcurrencyError(workflow.stale_message(current))
    before = audit.snapshot(current)
    current.status, current.progress = status, progress.strip()
    current.version += 1
    current.updated_at, current.updated_by = timezone.now(), by if getattr(by, "pk", None) else None
    current.full_clean()
    current.save()
    audit.record(
        audit.AuditAction.UPDATE, by=by, obj=current, changes=audit.diff(before, audit.snapshot(current))
    )
    return current
