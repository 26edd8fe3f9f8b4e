"""Reads about units: the active key-unit rules, a unit's rule attributes and history, declarations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache
from typing import Any

import yaml
from django.db import models
from django.db.models import QuerySet

from flameblue.core.models import AuditEvent
from flameblue.units.choices import RuleSetStatus
from flameblue.units.keyunits import ATTRIBUTES, RULES_DIR, RuleSet, ruleset_from_dict
from flameblue.units.models import KeyUnitDeclaration, KeyUnitRuleSet, Unit

__all__ = [
    "MAP_LIMIT",
    "NEIGHBOUR_SPAN",
    "active_rulesets",
    "declaration_deadline",
    "declarations_for_year",
    "map_points",
    "unlocated_count",
    "neighbours",
    "outstanding_declarations",
    "unit_attributes",
    "unit_history",
]


def active_rulesets() -> list[RuleSet]:
    """The rule sets in force, highest priority first (the national baseline plus any provincial set)."""
    rows = KeyUnitRuleSet.objects.filter(status=RuleSetStatus.ACTIVE).order_by("-priority", "code")
    return [ruleset_from_dict(row.content) for row in rows]


def unit_attributes(unit: Unit, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """The unit's category and the attributes the key-unit rules read (with pending ``overrides``)."""
    values: dict[str, Any] = {"category": unit.category}
    # Attributes the register has no column for (warehouse tonnage …) are "not given".
    values.update({name: getattr(unit, name, None) for name in ATTRIBUTES})
    for name, value in (overrides or {}).items():
        if name == "category" or name in ATTRIBUTES:
            values[name] = value
    # Blank choice fields mean "not given", which the engine reads as absent.
    for name in ("heritage_level", "admin_level"):
        values[name] = values[name] or None
    return values


def unit_history(unit: Unit) -> QuerySet[AuditEvent]:
    """The change history of one unit. The caller has already found the unit in the user's view scope;
    the history is part of the record, so it is shown to whoever may see the unit."""
    return AuditEvent.objects.filter(object_type="units.unit", object_id=str(unit.pk)).select_related(
        "actor__person"
    )


@lru_cache(maxsize=1)
def _deadline_month_day() -> tuple[int, int]:
    with (RULES_DIR / "declaration.yaml").open(encoding="utf-8") as handle:
        month, day = str(yaml.safe_load(handle)["deadline"]).split("-")
    return int(month), int(day)


def declaration_deadline(year: int) -> dt.date:
    """The last day (inclusive) on which a key unit declares for ``year`` (``rules/declaration.yaml``)."""
    month, day = _deadline_month_day()
    return dt.date(year, month, day)


def declarations_for_year(user: Any, year: int) -> QuerySet[KeyUnitDeclaration]:
    return (
        KeyUnitDeclaration.objects.visible_to(user, "view")
        .filter(year=year)
        .select_related("unit__region", "declared_by")
    )


def outstanding_declarations(user: Any, year: int) -> QuerySet[Unit]:
    """Key units in the user's jurisdiction that have not declared (nor been rolled over) for ``year``."""
    declared = KeyUnitDeclaration.objects.filter(year=year).values("unit_id")
    return (
        Unit.objects.visible_to(user, "view")
        .filter(is_key_unit=True)
        .exclude(pk__in=declared)
        .select_related("region")
        .order_by("region_id", "name", "pk")
    )


#: At most this many points are drawn on a map (the total is reported beside it).
MAP_LIMIT = 5000
#: Neighbours shown around a unit's pin: units within this many degrees of latitude and longitude.
NEIGHBOUR_SPAN = Decimal("0.05")


def map_points(queryset: QuerySet[Unit], *, limit: int = MAP_LIMIT) -> tuple[list[dict[str, Any]], int]:
    """Units with coordinates as map points (capped at ``limit``) and how many the queryset has in all."""
    located = queryset.filter(latitude__isnull=False, longitude__isnull=False)
    rows = located.values("pk", "name", "latitude", "longitude", "is_key_unit").order_by("pk")[:limit]
    points = [
        {
            "id": row["pk"],
            "name": row["name"],
            "lat": float(row["latitude"]),
            "lng": float(row["longitude"]),
            "key": row["is_key_unit"],
        }
        for row in rows
    ]
    total = len(points) if len(points) < limit else located.count()
    return points, total


def unlocated_count(queryset: QuerySet[Unit]) -> int:
    """How many of the queryset's units have no coordinates: left off the map and counted beside it."""
    return queryset.filter(models.Q(latitude__isnull=True) | models.Q(longitude__isnull=True)).count()


def neighbours(unit: Unit, queryset: QuerySet[Unit], *, span: Decimal = NEIGHBOUR_SPAN) -> QuerySet[Unit]:
    """Units of ``queryset`` (the user's scope) near ``unit``'s coordinates, the unit itself excluded."""
    if unit.latitude is None or unit.longitude is None:
        return queryset.none()
    return queryset.exclude(pk=unit.pk).filter(
        latitude__range=(unit.latitude - span, unit.latitude + span),
        longitude__range=(unit.longitude - span, unit.longitude + span),
    )
