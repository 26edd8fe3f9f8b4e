"""Writes about units: register and edit a unit, the key-unit suggestion and decision, the annual declaration.

Every function validates, writes through :mod:`flameblue.core.services` (scope re-checked, version guarded,
audited) and keeps the unit's social-unit organization in step with the unit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import audit
from flameblue.core.errors import DomainError, PermissionDeniedError
from flameblue.core.scoping import has_action
from flameblue.core.services import ensure_in_scope, object_create, object_update
from flameblue.core.text import normalise_name
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization, Person
from flameblue.org.services import person_create
from flameblue.units.choices import DeclarationStatus, KeyUnitDecision
from flameblue.units.keyunits import ATTRIBUTES, Judgement, JudgementInputError, judge
from flameblue.units.models import KeyUnitDeclaration, Unit
from flameblue.units.selectors import active_rulesets, declaration_deadline, unit_attributes
from flameblue.units.validators import normalise_credit_code

__all__ = [
    "RolloverResult",
    "declaration_accept",
    "declaration_rollover",
    "declaration_submit",
    "key_unit_confirm",
    "key_unit_reject",
    "key_unit_suggest",
    "unit_create",
    "unit_update",
]

#: Fields whose change makes the key-unit rules run again.
RULE_FIELDS = frozenset({"category", *ATTRIBUTES})
#: Unit fields mirrored on its social-unit organization.
ORG_FIELDS = ("name", "region", "industry", "credit_code", "address")
#: The unit's responsible people: field -> the title a newly registered person gets.
PEOPLE_FIELDS = {"responsible_person": "消防安全责任人", "safety_manager": "消防安全管理人"}
#: Keys of a new person entered with the unit (``data["new_<field>"] = {"name": …, …}``).
PERSON_KEYS = ("name", "phone", "id_number")


# --- validation helpers ---------------------------------------------------------------------------------


def _check_credit_code(data: dict[str, Any], *, exclude_pk: int | None = None) -> None:
    code = (data.get("credit_code") or "").strip()
    if not code:
        data["credit_code"] = ""
        return
    try:
        code = normalise_credit_code(code)
    except ValidationError as exc:
        raise ValidationError({"credit_code": exc.messages}) from exc
    if Unit.objects.filter(credit_code=code).exclude(pk=exclude_pk).exists():
        raise ValidationError({"credit_code": [_("该统一社会信用代码已登记在其他单位名下。")]})
    data["credit_code"] = code


def _check_name(name: str, region_id: str, *, exclude_pk: int | None = None) -> None:
    if Unit.objects.filter(region_id=region_id, name=name).exclude(pk=exclude_pk).exists():
        raise ValidationError({"name": [_("该乡镇（街道）已有同名单位“%(name)s”。") % {"name": name}]})


def _region_id(value: Any) -> str:
    return getattr(value, "pk", value) or ""


def _suggestion(attributes: Mapping[str, Any], is_key_unit: bool) -> dict[str, Any]:
    try:
        judgement = judge(attributes, active_rulesets())
    except JudgementInputError as exc:  # e.g. a negative area: the user's input, shown on the field
        raise ValidationError({exc.key: [exc.message]}) from exc
    return {
        "key_unit_suggested": judgement.key_unit,
        "key_unit_suggested_rules": judgement.rules,
        "key_unit_suggested_ruleset": judgement.ruleset,
        "key_unit_needs_review": judgement.key_unit != is_key_unit,
    }


def _judge_unit(unit: Unit) -> Judgement:
    return judge(unit_attributes(unit), active_rulesets())


# --- responsible people ------------------------------------------------------------------------------------


def _check_chosen_people(data: Mapping[str, Any], *, by: Any) -> None:
    """A chosen responsible person must be someone the user may see (the form offers only those; the
    API is held to the same rule)."""
    for name in PEOPLE_FIELDS:
        person = data.get(name)
        if person is None or by is None:
            continue
        if not Person.objects.visible_to(by, "view").filter(pk=getattr(person, "pk", person)).exists():
            raise ValidationError({name: [_("所选人员不在您的管辖范围内。")]})


def _register_people(data: dict[str, Any], organization: Organization, *, by: Any) -> None:
    """Register the new people entered with the unit (``new_responsible_person`` …) under the unit's
    organization through the person service, and put them on the unit. Errors name the form field
    ``<field>_<key>`` (e.g. ``safety_manager_id_number``) with the validator's reason."""
    for name, title in PEOPLE_FIELDS.items():
        entered = data.pop(f"new_{name}", None)
        if not entered or not (entered.get("name") or "").strip():
            continue
        person_data = {key: (entered.get(key) or "").strip() for key in PERSON_KEYS}
        person_data.update(organization=organization, title=title)
        try:
            data[name] = person_create(by=by, data=person_data, action="add_for_unit")
        except ValidationError as exc:
            errors = getattr(exc, "message_dict", {None: exc.messages})
            raise ValidationError(
                {(f"{name}_{key}" if key in PERSON_KEYS else name): msgs for key, msgs in errors.items()}
            ) from exc


# --- units ----------------------------------------------------------------------------------------------


def _social_unit_org(data: Mapping[str, Any], *, by: Any) -> Organization:
    """The unit's organization: an existing social-unit organization of that name in that township that
    has no unit yet (registered before the unit was), or a new one."""
    region_id = _region_id(data["region"])
    existing = Organization.objects.filter(
        kind=OrgKind.SOCIAL_UNIT, region_id=region_id, name=data["name"], unit__isnull=True
    ).first()
    if existing is not None:
        return existing
    org = Organization(
        kind=OrgKind.SOCIAL_UNIT, region_id=region_id, created_by=by if getattr(by, "pk", None) else None
    )
    for name in ORG_FIELDS:
        if name in data and name != "region":
            setattr(org, name, data[name])
    org.full_clean()
    org.save()
    audit.record(audit.AuditAction.CREATE, by=by, obj=org, changes=audit.diff({}, audit.snapshot(org)))
    return org


@transaction.atomic
def unit_create(*, by: Any, data: Mapping[str, Any]) -> Unit:
    """Register a unit (and its social-unit organization); the key-unit rules give their suggestion."""
    if by is not None and not has_action(by, Unit, "add"):
        raise PermissionDeniedError(_("您没有新增社会单位的权限。"))
    data = dict(data)
    data["name"] = normalise_name(data.get("name") or "")
    if not data.get("name") or not data.get("region"):
        raise ValidationError({"name": [_("请填写单位名称和所在乡镇（街道）。")]})
    _check_credit_code(data)
    _check_name(data["name"], _region_id(data["region"]))
    _check_chosen_people(data, by=by)
    data["organization"] = _social_unit_org(data, by=by)
    _register_people(data, data["organization"], by=by)
    probe = Unit(**{k: v for k, v in data.items() if k in RULE_FIELDS})
    data.update(_suggestion(unit_attributes(probe), is_key_unit=bool(data.get("is_key_unit", False))))
    return object_create(Unit, by=by, data=data)


def _sync_organization(unit: Unit, *, by: Any) -> None:
    org = unit.organization
    before = audit.snapshot(org)
    for name in ORG_FIELDS:
        setattr(org, name, getattr(unit, name))
    changes = audit.diff(before, audit.snapshot(org))
    if changes:
        org.full_clean()
        org.version += 1
        org.updated_at = timezone.now()
        org.save()
        audit.record(
            audit.AuditAction.UPDATE, by=by, obj=org, changes=changes, reason=_("随社会单位信息同步")
        )


@transaction.atomic
def unit_update(unit: Unit, *, by: Any, data: Mapping[str, Any], expected_version: int | None = None) -> Unit:
    """Edit a unit. A stale ``expected_version`` saves nothing. When the attributes the key-unit rules
    read change, the rules run again and the unit is flagged for review if their answer differs from the
    unit's current key-unit status."""
    ensure_in_scope(unit, by=by, action="change")
    current = Unit.objects.select_for_update().get(pk=unit.pk)
    data = dict(data)
    if "name" in data:
        data["name"] = normalise_name(data["name"])
    if "credit_code" in data:
        _check_credit_code(data, exclude_pk=current.pk)
    if "name" in data or "region" in data:
        _check_name(
            data.get("name", current.name),
            _region_id(data.get("region", current.region_id)),
            exclude_pk=current.pk,
        )
    changed_people = {
        name: data[name]
        for name in PEOPLE_FIELDS
        if name in data and getattr(data[name], "pk", data[name]) != getattr(current, f"{name}_id")
    }
    _check_chosen_people(changed_people, by=by)
    _register_people(data, current.organization, by=by)
    rule_changes = {k: v for k, v in data.items() if k in RULE_FIELDS and getattr(current, k) != v}
    if rule_changes:
        data.update(_suggestion(unit_attributes(current, rule_changes), is_key_unit=current.is_key_unit))
    updated = object_update(current, by=by, data=data, expected_version=expected_version)
    _sync_organization(updated, by=by)
    return updated


# --- key-unit suggestion and decision ---------------------------------------------------------------------


@transaction.atomic
def key_unit_suggest(unit: Unit, *, by: Any = None) -> Judgement:
    """Run the rules on the unit and store their suggestion (flagging a difference from its status)."""
    judgement = _judge_unit(unit)
    data = {
        "key_unit_suggested": judgement.key_unit,
        "key_unit_suggested_rules": judgement.rules,
        "key_unit_suggested_ruleset": judgement.ruleset,
        "key_unit_needs_review": judgement.key_unit != unit.is_key_unit,
    }
    if any(getattr(unit, k) != v for k, v in data.items()):
        object_update(unit, by=by, data=data, reason=_("重点单位界定规则建议"))
    return judgement


def _decision(
    unit: Unit, *, by: Any, judgement: Judgement, key_unit: bool, reason: str, tier: str
) -> dict[str, Any]:
    return {
        "is_key_unit": key_unit,
        "key_unit_decision": KeyUnitDecision.CONFIRMED if key_unit else KeyUnitDecision.REJECTED,
        "key_unit_tier": tier if key_unit else "",
        "key_unit_rules": judgement.rules,
        "key_unit_ruleset": judgement.ruleset,
        "key_unit_reason": reason,
        "key_unit_decided_at": timezone.now(),
        "key_unit_decided_by": by if getattr(by, "pk", None) else None,
        "key_unit_suggested": judgement.key_unit,
        "key_unit_suggested_rules": judgement.rules,
        "key_unit_suggested_ruleset": judgement.ruleset,
        "key_unit_needs_review": False,
    }


@transaction.atomic
def key_unit_confirm(
    unit: Unit, *, by: Any, reason: str = "", tier: str = "", expected_version: int | None = None
) -> Unit:
    """A brigade officer confirms the unit as a key unit; the decision records the matched rule ids and
    the rule-set version. Confirming against the rules' suggestion needs a reason."""
    reason = (reason or "").strip()
    judgement = _judge_unit(unit)
    if not judgement.key_unit and not reason:
        raise DomainError(_("规则未建议认定为重点单位，确认认定须填写理由。"), field="reason")
    data = _decision(
        unit, by=by, judgement=judgement, key_unit=True, reason=reason, tier=(tier or "").strip()
    )
    return object_update(
        unit,
        by=by,
        data=data,
        expected_version=expected_version,
        action="confirm_key",
        reason=reason or _("认定为重点单位"),
    )


@transaction.atomic
def key_unit_reject(unit: Unit, *, by: Any, reason: str, expected_version: int | None = None) -> Unit:
    """A brigade officer decides the unit is not a key unit; a reason is required."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("不认定为重点单位须填写理由。"), field="reason")
    data = _decision(unit, by=by, judgement=_judge_unit(unit), key_unit=False, reason=reason, tier="")
    return object_update(
        unit, by=by, data=data, expected_version=expected_version, action="confirm_key", reason=reason
    )


# --- annual declaration -----------------------------------------------------------------------------------


@transaction.atomic
def declaration_submit(
    *, unit: Unit, by: Any, year: int, changes: str = "", note: str = ""
) -> KeyUnitDeclaration:
    """A unit manager declares the unit for ``year`` (once per year)."""
    if KeyUnitDeclaration.objects.filter(unit=unit, year=year).exists():
        raise DomainError(_("该单位 %(year)s 年度已申报，无需重复申报。") % {"year": year}, field="year")
    data = {
        "unit": unit,
        "year": year,
        "status": DeclarationStatus.SUBMITTED,
        "declared_by": by if getattr(by, "pk", None) else None,
        "declared_at": timezone.now(),
        "changes": (changes or "").strip(),
        "note": (note or "").strip(),
    }
    return object_create(KeyUnitDeclaration, by=by, data=data)


@transaction.atomic
def declaration_accept(declaration: KeyUnitDeclaration, *, by: Any, note: str = "") -> KeyUnitDeclaration:
    """The brigade accepts a submitted declaration. Only someone who decides key units for the unit
    (``confirm_key``) may accept; a unit cannot accept its own declaration. Accepting twice changes nothing;
    a declaration proposed for removal is settled by the key-unit decision instead."""
    ensure_in_scope(declaration.unit, by=by, action="confirm_key")
    if declaration.status == DeclarationStatus.ACCEPTED:
        return declaration
    if declaration.status != DeclarationStatus.SUBMITTED:
        raise DomainError(_("该申报已建议移出重点单位，请通过重点单位认定作出结论。"))
    data: dict[str, Any] = {"status": DeclarationStatus.ACCEPTED}
    if note:
        data["note"] = "\n".join(filter(None, [declaration.note, note.strip()]))
    return object_update(declaration, by=by, data=data, reason=_("确认年度申报"))


@dataclass(frozen=True)
class RolloverResult:
    rolled_over: int
    proposed_removal: int


def _propose_removal(unit: Unit, judgement: Judgement, *, by: Any) -> None:
    data = {
        "key_unit_suggested": False,
        "key_unit_suggested_rules": judgement.rules,
        "key_unit_suggested_ruleset": judgement.ruleset,
        "key_unit_needs_review": True,
    }
    object_update(unit, by=by, data=data, reason=_("年度申报：已不符合重点单位界定标准，建议移出"))


@transaction.atomic
def declaration_rollover(*, year: int, by: Any = None, today: dt.date | None = None) -> RolloverResult:
    """After the deadline: key units that did not declare and still qualify roll over (accepted); units
    that no longer qualify — declared or not — are proposed for removal and flagged for review.
    Running it again changes nothing."""
    if by is not None and not has_action(by, Unit, "confirm_key"):
        raise PermissionDeniedError(_("您没有办理重点单位年度申报顺延的权限。"))
    today = today or timezone.localdate()
    deadline = declaration_deadline(year)
    if today <= deadline:
        raise DomainError(_("申报截止日 %(d)s 之前不能顺延。") % {"d": deadline.isoformat()})
    rulesets = active_rulesets()
    units = Unit.objects.all() if by is None else Unit.objects.visible_to(by, "confirm_key")
    units = units.filter(is_key_unit=True).select_for_update()
    declared = dict(
        KeyUnitDeclaration.objects.filter(year=year, unit__in=units).values_list("unit_id", "status")
    )
    rolled = proposed = 0
    for unit in units:
        judgement = judge(unit_attributes(unit), rulesets)
        status = declared.get(unit.pk)
        if status is None:
            object_create(
                KeyUnitDeclaration,
                by=by,
                data={
                    "unit": unit,
                    "year": year,
                    "rolled_over": True,
                    "status": DeclarationStatus.ACCEPTED
                    if judgement.key_unit
                    else DeclarationStatus.REMOVAL_PROPOSED,
                    "note": _("逾期未申报，自动顺延。")
                    if judgement.key_unit
                    else _("已不符合界定标准，建议移出。"),
                },
            )
            rolled += judgement.key_unit
        elif status == DeclarationStatus.SUBMITTED and not judgement.key_unit:
            declaration = KeyUnitDeclaration.objects.get(unit=unit, year=year)
            object_update(declaration, by=by, data={"status": DeclarationStatus.REMOVAL_PROPOSED})
        else:
            continue
        if not judgement.key_unit:
            proposed += 1
            _propose_removal(unit, judgement, by=by)
    return RolloverResult(rolled_over=rolled, proposed_removal=proposed)
