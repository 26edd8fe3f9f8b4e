"""双随机、一公开: seeded, recorded and reproducible random draws of units and inspectors.

``draw_create`` records the task: the pool filter and the units it matched (their ids are frozen in the
draw, so later changes to the registry do not change what was drawn from), and the inspector pool.
``draw_execute`` draws with a seed (generated with ``secrets`` unless given). The algorithm is a pure
function of (seed, pool unit ids ascending, inspector ids ascending, the conflicts excluded at draw time):
``random.Random(seed)`` samples the units, then for each drawn unit in order samples its inspectors among
those without a conflict of interest with it (``conflicts.conflicts_for``). The exclusions are stored too,
so ``draw_verify`` re-runs the same computation and must get the same result. ``draw_publish`` makes the
results public (the portal shows units and results, never inspectors)."""

from __future__ import annotations

import random
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import audit, workflow
from flameblue.core.errors import DomainError, PermissionDeniedError
from flameblue.core.notify import Message, notify
from flameblue.core.scoping import has_action, in_region
from flameblue.core.services import ensure_in_scope
from flameblue.hazards.order120 import inspector_rule_basis, min_inspectors
from flameblue.inspections.choices import DrawStatus, InspectionStatus
from flameblue.inspections.models import Draw, DrawAssignment, Inspection
from flameblue.inspections.planning.conflicts import conflicts_for
from flameblue.inspections.planning.services import brigade_inspectors
from flameblue.org.models import Organization, User
from flameblue.units.models import Unit

__all__ = [
    "DrawResult",
    "draw_create",
    "draw_execute",
    "draw_publish",
    "draw_results",
    "draw_verify",
    "pool_units",
    "run_draw",
]

FILTER_KEYS = ("township", "key_units_only", "place_type", "category", "risk_tag")


def pool_units(brigade: Organization, pool_filter: Mapping[str, Any]):
    """The operating units of the brigade's area that match the filter, by id."""
    qs = Unit.objects.filter(in_region(brigade.region_id), status="operating")
    township = pool_filter.get("township")
    if township:
        qs = qs.filter(in_region(str(township)))
    if pool_filter.get("key_units_only"):
        qs = qs.filter(is_key_unit=True)
    if pool_filter.get("place_type"):
        qs = qs.filter(place_type_id=pool_filter["place_type"])
    if pool_filter.get("category"):
        qs = qs.filter(category=pool_filter["category"])
    if pool_filter.get("risk_tag"):
        qs = qs.filter(risk_tags=pool_filter["risk_tag"])
    return qs.order_by("pk").distinct()


@dataclass(frozen=True)
class DrawResult:
    """The drawn units in draw order, each with its inspector ids in draw order."""

    assignments: tuple[tuple[int, tuple[int, ...]], ...]


def run_draw(
    *,
    seed: str,
    unit_ids: Sequence[int],
    inspector_ids: Sequence[int],
    unit_count: int,
    inspectors_per_unit: int,
    excluded: Mapping[int, Sequence[int]],
) -> DrawResult:
    """The draw itself: deterministic for the same inputs. Raises DomainError when a drawn unit has fewer
    eligible inspectors than required."""
    rng = random.Random(seed)
    units = sorted(unit_ids)
    inspectors = sorted(inspector_ids)
    if unit_count > len(units):
        raise DomainError(
            _("抽取单位数（%(n)d）超过对象库单位数（%(m)d）。") % {"n": unit_count, "m": len(units)},
            field="unit_count",
        )
    result = []
    for unit_id in rng.sample(units, unit_count):
        barred = set(excluded.get(unit_id, ()))
        eligible = [i for i in inspectors if i not in barred]
        if len(eligible) < inspectors_per_unit:
            unit = Unit.objects.filter(pk=unit_id).first()
            raise DomainError(
                _("单位“%(u)s”可抽取的检查人员只有 %(n)d 名（已排除 %(x)d 名存在利益冲突的人员），不足每单位 %(k)d 名；"
                  "请扩大检查人员库或减少每单位检查人员数。")
                % {"u": unit or unit_id, "n": len(eligible), "x": len(barred), "k": inspectors_per_unit},
                field="inspectors_per_unit",
            )  # fmt: skip
        result.append((unit_id, tuple(rng.sample(eligible, inspectors_per_unit))))
    return DrawResult(assignments=tuple(result))


def _check(by: Any, action: str) -> None:
    if by is not None and not has_action(by, Draw, action):
        raise PermissionDeniedError(_("您没有执行此抽查操作的权限。"))


def _clean_filter(pool_filter: Mapping[str, Any], brigade: Organization) -> dict[str, Any]:
    cleaned = {k: pool_filter.get(k) for k in FILTER_KEYS if pool_filter.get(k) not in (None, "", False)}
    township = cleaned.get("township")
    if township and not str(township).startswith(brigade.region_id):
        raise ValidationError({"township": _("乡镇（街道）须在本大队辖区内。")})
    return cleaned


@transaction.atomic
def draw_create(
    *,
    brigade: Organization,
    title: str,
    pool_filter: Mapping[str, Any],
    unit_count: int,
    inspectors_per_unit: int,
    inspector_pool: Sequence[User] | None,
    by: Any,
) -> Draw:
    """Record a draw task. The pool's unit ids are frozen now; ``inspector_pool`` None means every inspector
    of the brigade."""
    _check(by, "add")
    errors: dict[str, list[str]] = {}
    title = (title or "").strip()
    if not title:
        errors["title"] = [_("请填写抽查任务名称。")]
    cleaned = _clean_filter(pool_filter, brigade)
    unit_ids = list(pool_units(brigade, cleaned).values_list("pk", flat=True))
    candidates = set(brigade_inspectors(brigade).values_list("pk", flat=True))
    pool = sorted({u.pk for u in inspector_pool} if inspector_pool else candidates)
    if any(pk not in candidates for pk in pool):
        errors["inspector_pool"] = [_("检查人员库只能包含本大队的监督检查人员。")]
    if unit_count < 1:
        errors["unit_count"] = [_("抽取单位数至少为 1。")]
    elif unit_count > len(unit_ids):
        errors["unit_count"] = [
            _("抽取单位数（%(n)d）超过对象库单位数（%(m)d）。") % {"n": unit_count, "m": len(unit_ids)}
        ]
    minimum = min_inspectors("spot_check")
    if inspectors_per_unit < minimum:
        errors["inspectors_per_unit"] = [
            _("每单位检查人员数至少为 %(n)d（%(basis)s：消防监督检查的检查人员不得少于两人）。")
            % {"n": minimum, "basis": inspector_rule_basis()}
        ]
    elif inspectors_per_unit > len(pool):
        errors["inspectors_per_unit"] = [
            _("每单位检查人员数（%(n)d）超过检查人员库人数（%(m)d）。")
            % {"n": inspectors_per_unit, "m": len(pool)}
        ]
    if errors:
        raise ValidationError(errors)
    actor = by if getattr(by, "pk", None) else None
    draw = Draw.objects.create(
        brigade=brigade, region_id=brigade.region_id, title=title[:120], pool_filter={**cleaned, "unit_ids": unit_ids},
        pool_size=len(unit_ids), unit_count=unit_count, inspectors_per_unit=inspectors_per_unit,
        inspector_pool=pool, created_by=actor, updated_by=actor,
    )  # fmt: skip
    ensure_in_scope(draw, by=by, action="add")
    audit.record(audit.AuditAction.CREATE, by=by, obj=draw, changes=audit.diff({}, audit.snapshot(draw)))
    workflow.begin(draw, by=by, at=draw.created_at)
    return draw


def _lock(draw: Draw, by: Any, action: str, expected: str, verb: str, expected_version: int | None) -> Draw:
    """Lock the draw; a draw in another status is an illegal move, a changed version a stale page."""
    _check(by, action)
    return workflow.lock(
        draw, by=by, action=action, allowed=(expected,), verb=verb, expected_version=expected_version,
        noun=_("抽查任务"),
    )  # fmt: skip


@transaction.atomic
def draw_execute(
    *, draw: Draw, by: Any, seed: str | None = None, expected_version: int | None = None
) -> Draw:
    """Draw: record the seed, the conflicts excluded and the assignments. A draw is executed once."""
    current = _lock(draw, by, "change", DrawStatus.DRAFT, _("抽取"), expected_version)
    seed = (seed or secrets.token_hex(16)).strip()[:64]
    unit_ids = current.pool_filter.get("unit_ids", [])
    pairs = conflicts_for(User.objects.filter(pk__in=current.inspector_pool), unit_ids)
    person_to_user = dict(User.objects.filter(pk__in=current.inspector_pool).values_list("person_id", "pk"))
    excluded: dict[int, list[int]] = {}
    for person_id, unit_id in sorted(pairs):
        excluded.setdefault(unit_id, []).append(person_to_user[person_id])
    result = run_draw(
        seed=seed, unit_ids=unit_ids, inspector_ids=current.inspector_pool, unit_count=current.unit_count,
        inspectors_per_unit=current.inspectors_per_unit, excluded=excluded,
    )  # fmt: skip
    drawn_units = {unit_id for unit_id, _inspectors in result.assignments}
    current.pool_filter = {
        **current.pool_filter,
        "excluded": {str(u): sorted(v) for u, v in excluded.items() if u in drawn_units},
    }
    for order, (unit_id, inspector_ids) in enumerate(result.assignments, start=1):
        assignment = DrawAssignment.objects.create(draw=current, unit_id=unit_id, order=order)
        assignment.inspectors.set(inspector_ids)
    now = timezone.now()
    current.seed, current.drawn_at = seed, now
    current.drawn_by = by if getattr(by, "pk", None) else None
    current = workflow.advance(
        current, to=DrawStatus.DRAWN, by=by, at=now,
        data={"seed": seed, "assignments": [[u, list(i)] for u, i in result.assignments]},
    )  # fmt: skip
    _tell_drawn_inspectors(current, result, by=by)
    return current


def _tell_drawn_inspectors(draw: Draw, result: DrawResult, *, by: Any) -> None:
    """Each inspector the draw picked (other than whoever ran it) hears which task they were drawn for."""
    ids = {i for _unit, inspectors in result.assignments for i in inspectors} - {getattr(by, "pk", None)}
    if not ids:
        return
    notify(
        User.objects.filter(pk__in=ids),
        Message(
            _("您被随机抽中参加“双随机”抽查：%(title)s") % {"title": draw.title},
            link=reverse("inspections:draw-detail", kwargs={"pk": draw.pk}),
        ),
        dedupe_key=f"draw-assigned:{draw.pk}",
    )


def _recorded(draw: Draw) -> DrawResult:
    rows = []
    for assignment in draw.assignments.order_by("order").prefetch_related("inspectors"):
        rows.append((assignment.unit_id, tuple(sorted(i.pk for i in assignment.inspectors.all()))))
    return DrawResult(assignments=tuple(rows))


def draw_verify(draw: Draw) -> bool:
    """Re-run the draw from its stored seed, pool snapshot and exclusions; True when the recorded result is
    exactly what the algorithm gives (units in the same order, the same inspectors)."""
    if draw.status == DrawStatus.DRAFT or not draw.seed:
        raise DomainError(_("该抽查任务尚未抽取，无法核验。"))
    stored = draw.pool_filter or {}
    excluded = {int(u): list(v) for u, v in (stored.get("excluded") or {}).items()}
    try:
        again = run_draw(
            seed=draw.seed, unit_ids=stored.get("unit_ids", []), inspector_ids=draw.inspector_pool,
            unit_count=draw.unit_count, inspectors_per_unit=draw.inspectors_per_unit, excluded=excluded,
        )  # fmt: skip
    except DomainError:
        return False
    normalised = tuple((u, tuple(sorted(i))) for u, i in again.assignments)
    return normalised == _recorded(draw).assignments


@transaction.atomic
def draw_publish(*, draw: Draw, by: Any, expected_version: int | None = None) -> Draw:
    """Publish a drawn draw's results on the public portal (after checking it still verifies)."""
    current = _lock(draw, by, "change", DrawStatus.DRAWN, _("公开"), expected_version)
    if not draw_verify(current):
        raise DomainError(_("抽取结果与随机种子复算结果不一致，不能公开；请联系管理员核查。"))
    current.published_at = timezone.now()
    return workflow.advance(current, to=DrawStatus.PUBLISHED, by=by, at=current.published_at)


def draw_results(draw: Draw) -> list[dict[str, Any]]:
    """Each assignment with its unit, township and the outcome of the inspection it led to (no people)."""
    assignments = list(draw.assignments.select_related("unit__region").order_by("order"))
    stats = {
        row["draw_assignment_id"]: row
        for row in Inspection.objects.filter(
            draw_assignment__in=assignments, status=InspectionStatus.SUBMITTED
        )
        .order_by()
        .values("draw_assignment_id")
        .annotate(done=Count("id", distinct=True), problems=Count("findings", distinct=True))
    }
    dates = dict(
        Inspection.objects.filter(draw_assignment__in=assignments, status=InspectionStatus.SUBMITTED)
        .order_by("draw_assignment_id", "inspected_on")
        .values_list("draw_assignment_id", "inspected_on")
    )
    rows = []
    for a in assignments:
        stat = stats.get(a.pk)
        if a.result_summary:
            summary = a.result_summary
        elif stat is None:
            summary = _("待检查")
        elif stat["problems"]:
            summary = _("已检查，发现问题 %(n)d 项，已责令整改") % {"n": stat["problems"]}
        else:
            summary = _("已检查，未发现问题")
        rows.append({
            "order": a.order, "assignment": a, "unit_name": a.unit.name, "township": a.unit.region.name,
            "inspected_on": dates.get(a.pk), "summary": summary,
        })  # fmt: skip
    return rows
