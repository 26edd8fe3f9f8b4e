"""Conflict-of-interest check (利益冲突回避) that other apps call before assigning a person to a unit.

``has_conflict(person, unit, on=date)`` and the bulk ``conflicts_for(persons, units)`` ask every registered
provider. The default provider reads the declarations recorded here (ConflictDeclaration); the integrity
app adds its register of relatives' businesses with ``register_provider`` when it arrives. A provider is a
callable ``(person_ids, unit_ids, on) -> set[(person_id, unit_id)]`` answering for many pairs at once.

``conflict_declare`` records a declaration: discipline officers (who may change declarations) for anyone in
their scope, an inspector only for themself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import audit
from flameblue.core.errors import PermissionDeniedError
from flameblue.core.scoping import has_action
from flameblue.core.services import ensure_in_scope
from flameblue.inspections.models import ConflictDeclaration
from flameblue.org.models import Person
from flameblue.units.models import Unit

__all__ = [
    "ConflictProvider",
    "conflict_declare",
    "conflicts_for",
    "declared_conflicts",
    "has_conflict",
    "may_declare_for_others",
    "conflict_reason",
    "register_explainer",
    "register_provider",
    "unregister_provider",
]

ConflictProvider = Callable[[Collection[int], Collection[int], dt.date], set[tuple[int, int]]]


def declared_conflicts(
    person_ids: Collection[int], unit_ids: Collection[int], on: dt.date
) -> set[tuple[int, int]]:
    """The default provider: declarations valid on ``on``."""
    rows = ConflictDeclaration.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=on),
        person_id__in=list(person_ids),
        unit_id__in=list(unit_ids),
        valid_from__lte=on,
    ).values_list("person_id", "unit_id")
    return set(rows)


_providers: list[ConflictProvider] = [declared_conflicts]


def register_provider(provider: ConflictProvider) -> None:
    """Add a source of conflicts (e.g. the integrity register); registering twice has no effect."""
    if provider not in _providers:
        _providers.append(provider)


def unregister_provider(provider: ConflictProvider) -> None:
    if provider in _providers:
        _providers.remove(provider)


#: Explainers name the rule behind a conflict: ``(person_id, unit_id, on) -> str | None``.
ConflictExplainer = Callable[[int, int, dt.date], "str | None"]
_explainers: list[ConflictExplainer] = []


def register_explainer(explainer: ConflictExplainer) -> None:
    """Add a source of explanations (e.g. the integrity register's rule); registering twice has no effect."""
    if explainer not in _explainers:
        _explainers.append(explainer)


def conflict_reason(person: Any, unit: Any, *, on: dt.date | None = None) -> str:
    """Why ``person`` may not be assigned to ``unit``: the first explainer's words, else the declared
    conflict's own reason."""
    person_id, unit_id, on = _person_id(person), _unit_id(unit), on or timezone.localdate()
    for explainer in list(_explainers):
        reason = explainer(person_id, unit_id, on)
        if reason:
            return reason
    declared = ConflictDeclaration.objects.filter(person_id=person_id, unit_id=unit_id).first()
    return _("利益冲突回避：%(reason)s，不得安排其检查该单位。") % {
        "reason": declared.reason if declared else _("存在利益冲突")
    }


def _person_id(person: Any) -> int | None:
    """A Person, a User (through its person) or a person id."""
    if isinstance(person, int):
        return person
    if isinstance(person, Person):
        return person.pk
    return getattr(person, "person_id", None)


def _unit_id(unit: Any) -> int:
    return unit if isinstance(unit, int) else unit.pk


def conflicts_for(
    persons: Iterable[Any], units: Iterable[Any], *, on: dt.date | None = None
) -> set[tuple[int, int]]:
    """Every (person id, unit id) pair among ``persons`` × ``units`` that some provider reports as a conflict."""
    person_ids = {pid for pid in (_person_id(p) for p in persons) if pid is not None}
    unit_ids = {_unit_id(u) for u in units}
    if not person_ids or not unit_ids:
        return set()
    on = on or timezone.localdate()
    found: set[tuple[int, int]] = set()
    for provider in list(_providers):
        found |= {
            pair
            for pair in provider(person_ids, unit_ids, on)
            if pair[0] in person_ids and pair[1] in unit_ids
        }
    return found


def has_conflict(person: Any, unit: Any, *, on: dt.date | None = None) -> bool:
    """Whether ``person`` (a Person, or a User through its person) has a conflict of interest with ``unit``."""
    return bool(conflicts_for([person], [unit], on=on))


def may_declare_for_others(user: Any) -> bool:
    return has_action(user, ConflictDeclaration, "change")


@transaction.atomic
def conflict_declare(
    *,
    person: Person,
    unit: Unit,
    reason: str,
    by: Any,
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
) -> ConflictDeclaration:
    """Record that ``person`` has a conflict of interest with ``unit``."""
    if by is not None:
        if not has_action(by, ConflictDeclaration, "add"):
            raise PermissionDeniedError(_("您没有申报利益冲突的权限。"))
        if person.pk != getattr(by, "person_id", None) and not may_declare_for_others(by):
            raise PermissionDeniedError(_("您只能申报本人的利益冲突。"))
    errors: dict[str, list[str]] = {}
    reason = (reason or "").strip()
    if not reason:
        errors["reason"] = [_("请填写冲突情形（如：近亲属经营该单位）。")]
    elif len(reason) > 200:
        errors["reason"] = [_("冲突情形不能超过 200 个字。")]
    valid_from = valid_from or timezone.localdate()
    if valid_to and valid_to < valid_from:
        errors["valid_to"] = [_("截止日期不能早于起始日期。")]
    if ConflictDeclaration.objects.filter(person=person, unit=unit).exists():
        errors["unit"] = [_("%(p)s 与“%(u)s”的利益冲突已申报过。") % {"p": person, "u": unit}]
    if errors:
        raise ValidationError(errors)
    actor = by if getattr(by, "pk", None) else None
    declaration = ConflictDeclaration(
        person=person, unit=unit, region_id=unit.region_id, reason=reason, valid_from=valid_from,
        valid_to=valid_to, created_by=actor, updated_by=actor,
    )  # fmt: skip
    try:
        with transaction.atomic():
            declaration.save()
    except IntegrityError as exc:
        raise ValidationError({"unit": [_("该利益冲突已申报过。")]}) from exc
    ensure_in_scope(declaration, by=by, action="add")
    audit.record(
        audit.AuditAction.CREATE, by=by, obj=declaration, changes=audit.diff({}, audit.snapshot(declaration))
    )
    return declaration
