"""Supervision due dates and weekly inspection plans (监督检查周期与检查计划).

Each unit's next supervision date follows from its risk by the rules in ``rules/supervision-cycles.yaml``
(crowded key units at least yearly, other key units and high-risk tags on a configurable cycle, others only
by draw) and the date of its last submitted supervision or spot check. ``supervision_due_refresh`` computes
them in bulk (a handful of queries for thousands of units); ``supervision_due_refresh_unit`` refreshes one
unit after an inspection is submitted. A brigade plans a week from its due list with ``plan_create``."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import audit
from flameblue.core.errors import PermissionDeniedError
from flameblue.core.notify import Message, notify
from flameblue.core.scoping import has_action, in_region
from flameblue.core.services import ensure_in_scope
from flameblue.hazards.order120 import inspector_rule_basis, min_inspectors
from flameblue.inspections.choices import InspectionStatus
from flameblue.inspections.models import Inspection, InspectionPlan, InspectionPlanItem, SupervisionDue
from flameblue.org.choices import OrgKind
from flameblue.org.models import Membership, Organization, User
from flameblue.units.models import Unit

__all__ = [
    "Cycle",
    "PlanEntry",
    "brigade_inspectors",
    "cycle_for",
    "cycle_rules",
    "due_units",
    "plan_create",
    "planning_brigades",
    "supervision_due_refresh",
    "supervision_due_refresh_unit",
]

RULES_FILE = Path(__file__).resolve().parent.parent / "rules" / "supervision-cycles.yaml"
BRIGADE_KINDS = (OrgKind.BRIGADE, OrgKind.DETACHMENT)
MAX_PLAN_DAYS = 31
_CHUNK = 2000


@lru_cache(maxsize=1)
def cycle_rules() -> dict[str, Any]:
    with RULES_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@dataclass(frozen=True)
class Cycle:
    """The supervision cycle a rule gives a unit: days between supervisions (None: only by draw)."""

    code: str
    days: int | None
    basis: str


def _matches(when: dict[str, Any], facts: dict[str, bool]) -> bool:
    return all(facts.get(key) == bool(value) for key, value in when.items())


def cycle_for(*, is_key_unit: bool, category: str, tags: Iterable[str]) -> Cycle:
    """The first rule of the data file that matches the unit's key-unit status, category and risk tags."""
    rules = cycle_rules()
    tags = set(tags)
    facts = {
        "key_unit": bool(is_key_unit),
        "crowded": category in rules["crowded_categories"] or bool(tags & set(rules["crowded_tags"])),
        "high_risk": bool(tags & set(rules["high_risk_tags"])),
    }
    for rule in rules["rules"]:
        if _matches(rule.get("when") or {}, facts):
            return Cycle(code=rule["code"], days=rule.get("cycle_days"), basis=rule["basis"])
    return Cycle(code="none", days=None, basis="")


def _tags_by_unit(unit_ids: Sequence[int]) -> dict[int, set[str]]:
    tags: dict[int, set[str]] = defaultdict(set)
    through = Unit.risk_tags.through
    for unit_id, tag in through.objects.filter(unit_id__in=unit_ids).values_list("unit_id", "risktag_id"):
        tags[unit_id].add(tag)
    return tags


def _last_supervision(unit_ids: Sequence[int]) -> dict[int, dt.date]:
    rows = (
        Inspection.objects.filter(
            unit_id__in=unit_ids, kind__in=cycle_rules()["counted_kinds"], status=InspectionStatus.SUBMITTED
        )
        .order_by()
        .values("unit_id")
        .annotate(last=Max("inspected_on"))
    )
    return {row["unit_id"]: row["last"] for row in rows}


def _due_row(unit: Unit, tags: set[str], last: dt.date | None, now: dt.datetime) -> SupervisionDue:
    version = str(cycle_rules()["version"])
    if unit.status not in cycle_rules()["statuses"]:
        cycle = Cycle(code="inactive", days=None, basis=_("单位停业或关闭，不排入计划检查"))
    else:
        cycle = cycle_for(is_key_unit=unit.is_key_unit, category=unit.category, tags=tags)
    next_due = None
    if cycle.days:
        anchor = last or timezone.localdate(unit.created_at)
        next_due = anchor + dt.timedelta(days=cycle.days) if last else anchor
    return SupervisionDue(
        unit_id=unit.pk, region_id=unit.region_id, industry_id=unit.industry_id, cycle_days=cycle.days,
        basis=cycle.basis[:120], rules_version=version, last_inspected_on=last, next_due_on=next_due,
        computed_at=now,
    )  # fmt: skip


_FIELDS = [
    "region_id",
    "industry_id",
    "cycle_days",
    "basis",
    "rules_version",
    "last_inspected_on",
    "next_due_on",
]


def _refresh_chunk(units: list[Unit], now: dt.datetime) -> tuple[int, int]:
    ids = [u.pk for u in units]
    tags, last = _tags_by_unit(ids), _last_supervision(ids)
    existing = {row.unit_id: row for row in SupervisionDue.objects.filter(unit_id__in=ids)}
    new, changed = [], []
    for unit in units:
        row = _due_row(unit, tags.get(unit.pk, set()), last.get(unit.pk), now)
        old = existing.get(unit.pk)
        if old is None:
            new.append(row)
        elif any(getattr(old, f) != getattr(row, f) for f in _FIELDS):
            for field in [*_FIELDS, "computed_at"]:
                setattr(old, field, getattr(row, field))
            changed.append(old)
    SupervisionDue.objects.bulk_create(new, batch_size=500)
    SupervisionDue.objects.bulk_update(changed, [*_FIELDS, "computed_at"], batch_size=500)
    return len(new), len(changed)


@transaction.atomic
def supervision_due_refresh(units: Iterable[Unit] | None = None) -> dict[str, int]:
    """Compute and store the next supervision date of ``units`` (all units when None), in chunks.

    Returns counts ``{"created": n, "updated": m}``. Rows that did not change are left alone, so a run
    after nothing happened writes nothing."""
    now = timezone.now()
    fields = ["id", "region_id", "industry_id", "status", "is_key_unit", "category", "created_at"]
    if units is None:
        source: Iterable[Unit] = Unit.objects.order_by("pk").only(*fields).iterator(chunk_size=_CHUNK)
    else:
        source = list(units)
    created = updated = 0
    chunk: list[Unit] = []
    for unit in source:
        chunk.append(unit)
        if len(chunk) >= _CHUNK:
            c, u = _refresh_chunk(chunk, now)
            created, updated, chunk = created + c, updated + u, []
    if chunk:
        c, u = _refresh_chunk(chunk, now)
        created, updated = created + c, updated + u
    return {"created": created, "updated": updated}


def supervision_due_refresh_unit(unit: Unit) -> SupervisionDue:
    """Refresh one unit (called after a supervision or spot check of it is submitted)."""
    supervision_due_refresh([Unit.objects.get(pk=unit.pk)])
    return SupervisionDue.objects.get(unit_id=unit.pk)


# --- Selectors for the due list and plans ---------------------------------------------------------------


def due_units(user: Any, *, today: dt.date | None = None, window_days: int | None = None):
    """The due rows ``user`` may see that are overdue or due within the window (default from the rules)."""
    today = today or timezone.localdate()
    window = cycle_rules()["due_window_days"] if window_days is None else window_days
    return (
        SupervisionDue.objects.visible_to(user, "view")
        .filter(next_due_on__lte=today + dt.timedelta(days=window))
        .select_related("unit", "region")
        .order_by("next_due_on", "unit_id")
    )


def planning_brigades(user: Any, model: type | None = None):
    """Brigades (and the detachment) on whose behalf ``user`` may add plans (or draws, ``model=Draw``):
    those whose region lies inside the user's scope for adding the record."""
    from flameblue.core.scoping import user_scopes

    scopes = user_scopes(user, model or InspectionPlan, "add")
    if not scopes:
        return Organization.objects.none()
    q = Q(pk__in=[])
    for scope in scopes:
        q |= in_region(scope.region_prefix) if scope.region_prefix else ~Q(pk=None)
    return Organization.objects.filter(q, kind__in=BRIGADE_KINDS, is_active=True).order_by(
        "region_id", "name"
    )


def brigade_inspectors(brigade: Organization):
    """Users who hold a current inspector role (``inspector_roles`` in the rules) in ``brigade``."""
    person_ids = (
        Membership.objects.current()
        .filter(organization=brigade, role__code__in=cycle_rules()["inspector_roles"], person__is_active=True)
        .values("person_id")
    )
    return (
        User.objects.filter(person_id__in=person_ids, is_active=True).select_related("person").order_by("pk")
    )


# --- Plans (检查计划) -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanEntry:
    """One planned visit: a unit on a day by some inspectors."""

    unit: Unit
    planned_on: dt.date
    inspectors: Sequence[User]


def _plan_errors(
    brigade: Organization, title: str, starts_on: dt.date, ends_on: dt.date, entries: Sequence[PlanEntry]
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not title.strip():
        errors["title"] = [_("请填写计划名称。")]
    if ends_on < starts_on:
        errors["ends_on"] = [_("结束日期不能早于开始日期。")]
    elif (ends_on - starts_on).days >= MAX_PLAN_DAYS:
        errors["ends_on"] = [_("一个检查计划最长 %(n)d 天。") % {"n": MAX_PLAN_DAYS}]
    if not entries:
        errors["units"] = [_("请至少选择一个检查单位。")]
    allowed = set(brigade_inspectors(brigade).values_list("pk", flat=True))
    minimum = min_inspectors("supervision")
    for entry in entries:
        if not entry.unit.region_id.startswith(brigade.region_id):
            errors.setdefault("units", []).append(_("“%(u)s”不在本大队辖区内。") % {"u": entry.unit})
        if not starts_on <= entry.planned_on <= ends_on:
            errors.setdefault("days", []).append(_("“%(u)s”的检查日期不在计划期内。") % {"u": entry.unit})
        if not entry.inspectors:
            errors.setdefault("inspectors", []).append(_("“%(u)s”未安排检查人员。") % {"u": entry.unit})
        elif len({i.pk for i in entry.inspectors}) < minimum:
            errors.setdefault("inspectors", []).append(
                _("“%(u)s”只安排了 %(k)d 名检查人员，至少须 %(n)d 名（%(basis)s）。")
                % {"u": entry.unit, "k": len({i.pk for i in entry.inspectors}), "n": minimum,
                   "basis": inspector_rule_basis()}
            )  # fmt: skip
        if any(i.pk not in allowed for i in entry.inspectors):
            errors.setdefault("inspectors", []).append(_("检查人员须为本大队的监督检查人员。"))
    errors = _conflict_errors(entries, starts_on, errors)
    if len({e.unit.pk for e in entries}) != len(entries):
        errors.setdefault("units", []).append(_("同一单位在一个计划中只能安排一次。"))
    return {k: list(dict.fromkeys(v)) for k, v in errors.items()}


def _conflict_errors(
    entries: Sequence[PlanEntry], on: dt.date, errors: dict[str, list[str]]
) -> dict[str, list[str]]:
    """An inspector assigned by hand to a unit they have a conflict of interest with is refused, naming the
    rule (the same conflict service the 双随机 draw consults)."""
    from flameblue.inspections.planning.conflicts import conflict_reason, conflicts_for

    people = {i.person_id: i for e in entries for i in e.inspectors if i.person_id}
    pairs = conflicts_for(list(people), [e.unit for e in entries], on=on)
    for entry in entries:
        for inspector in entry.inspectors:
            if (inspector.person_id, entry.unit.pk) in pairs:
                errors.setdefault("inspectors", []).append(
                    conflict_reason(inspector.person_id, entry.unit, on=on)
                )
    return errors


@transaction.atomic
def plan_create(
    *,
    brigade: Organization,
    title: str,
    starts_on: dt.date,
    ends_on: dt.date,
    entries: Sequence[PlanEntry],
    by: Any,
) -> InspectionPlan:
    """Create a brigade's plan with its units, days and inspectors (all validated together)."""
    if by is not None and not has_action(by, InspectionPlan, "add"):
        raise PermissionDeniedError(_("您没有制定检查计划的权限。"))
    errors = _plan_errors(brigade, title, starts_on, ends_on, entries)
    if errors:
        raise ValidationError(errors)
    actor = by if getattr(by, "pk", None) else None
    plan = InspectionPlan.objects.create(
        brigade=brigade, region_id=brigade.region_id, title=title.strip(), starts_on=starts_on, ends_on=ends_on,
        created_by=actor, updated_by=actor,
    )  # fmt: skip
    ensure_in_scope(plan, by=by, action="add")
    for entry in sorted(entries, key=lambda e: (e.planned_on, e.unit.pk)):
        item = InspectionPlanItem.objects.create(plan=plan, unit=entry.unit, planned_on=entry.planned_on)
        item.inspectors.set(entry.inspectors)
    audit.record(
        audit.AuditAction.CREATE, by=by, obj=plan,
        changes={"units": [None, [e.unit.pk for e in entries]], "title": [None, plan.title]},
    )  # fmt: skip
    _tell_assigned_inspectors(plan, entries, by=by)
    return plan


def _tell_assigned_inspectors(plan: InspectionPlan, entries: Sequence[PlanEntry], *, by: Any) -> None:
    """Each inspector put on the plan by someone else hears about it in their inbox."""
    assigned = {u.pk: u for e in entries for u in e.inspectors if u.pk != getattr(by, "pk", None)}
    if not assigned:
        return
    notify(
        list(assigned.values()),
        Message(
            _("您被安排参加检查计划：%(title)s（%(start)s 至 %(end)s）")
            % {"title": plan.title, "start": plan.starts_on.isoformat(), "end": plan.ends_on.isoformat()},
            link=reverse("inspections:plan-detail", kwargs={"pk": plan.pk}),
        ),
        dedupe_key=f"plan-assigned:{plan.pk}",
    )


def spread_over_days(
    units: Sequence[Unit], days: Sequence[dt.date], inspectors: Sequence[User], per_unit: int = 2
) -> list[PlanEntry]:
    """Spread the chosen units evenly over the chosen days and give each the next ``per_unit`` inspectors in
    turn (a simple fair rota the brigade can adjust by editing the plan)."""
    if not days or not inspectors:
        return []
    per_unit = max(1, min(per_unit, len(inspectors)))
    entries = []
    for index, unit in enumerate(units):
        team = [inspectors[(index * per_unit + k) % len(inspectors)] for k in range(per_unit)]
        entries.append(PlanEntry(unit=unit, planned_on=days[index % len(days)], inspectors=team))
    return entries
