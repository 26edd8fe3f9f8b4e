"""Reads of the hazards pages and API: the timeline, photos, the moves open to a user, open notices of a
unit, and map points. Everything starts from ``visible_to``."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from flameblue.core.notify_models import StoredFile
from flameblue.core.scoping import user_scopes
from flameblue.hazards.choices import OPEN_STATUSES, HazardSource, HazardStatus, NoticeStatus
from flameblue.hazards.models import Hazard, HazardTransition, Notice
from flameblue.hazards.order120 import needs_verification
from flameblue.hazards.services import TRANSITION_ACTIONS

__all__ = [
    "available_moves",
    "hazard_photos",
    "hazard_timeline",
    "hazards_for_list",
    "map_points",
    "may_replace_notice_template",
    "my_unit_closed_hazards",
    "my_unit_hazards",
    "open_notices_for",
]


def hazards_for_list(user: Any) -> QuerySet[Hazard]:
    return Hazard.objects.visible_to(user, "view").select_related(
        "unit", "region__parent", "notice", "industry", "unit__place_type"
    )


def hazard_timeline(hazard: Hazard) -> list[HazardTransition]:
    return list(hazard.transitions.select_related("by__person").order_by("at", "id"))


def hazard_photos(hazard: Hazard) -> dict[str, list[StoredFile]]:
    """Photos by purpose: before (when found), after (evidence of correction), recheck."""
    photos: dict[str, list[StoredFile]] = defaultdict(list)
    for stored in StoredFile.objects.filter(owner_type="hazards.hazard", owner_id=str(hazard.pk)):
        photos[stored.purpose or "before"].append(stored)
    return dict(photos)


def available_moves(hazard: Hazard, user: Any) -> list[str]:
    """The moves the hazard's status allows and the user's roles grant on this hazard."""
    moves = []
    granted: dict[str, bool] = {}
    for move, (action, allowed) in TRANSITION_ACTIONS.items():
        if hazard.status not in allowed:
            continue
        if move == "dismiss" and hazard.source != HazardSource.PUBLIC_TIP and hazard.tip_id is None:
            continue
        if move == "hand_over" and (hazard.source != HazardSource.POLICE_STATION or hazard.handed_over_at):
            continue
        unverified = needs_verification(hazard.source) and hazard.verified_at is None
        if (move == "verify" and not unverified) or (move == "confirm" and unverified):
            continue
        if action not in granted:
            granted[action] = Hazard.objects.visible_to(user, action).filter(pk=hazard.pk).exists()
        if granted[action]:
            moves.append(move)
    return moves


def open_notices_for(unit_id: int, user: Any) -> QuerySet[Notice]:
    return Notice.objects.visible_to(user, "view").filter(unit_id=unit_id, status=NoticeStatus.OPEN)


def my_unit_hazards(user: Any) -> QuerySet[Hazard]:
    """Open hazards the user may report completion for (a unit manager: their own unit's)."""
    return (
        Hazard.objects.visible_to(user, "report_completion")
        .filter(status__in=OPEN_STATUSES)
        .select_related("unit", "notice")
        .order_by("deadline", "pk")
    )


def my_unit_closed_hazards(user: Any, *, days: int = 90, limit: int = 20) -> QuerySet[Hazard]:
    """The unit's hazards closed in the last ``days`` (the outcome of its recent rectifications)."""
    since = timezone.now() - dt.timedelta(days=days)
    return (
        Hazard.objects.visible_to(user, "report_completion")
        .filter(status=HazardStatus.CLOSED, closed_at__gte=since)
        .select_related("unit", "notice")
        .order_by("-closed_at", "-pk")[:limit]
    )


def map_points(queryset: QuerySet[Hazard], *, limit: int = 5000) -> list[dict[str, Any]]:
    """Open hazards on units with coordinates, for the map (one point per hazard, capped)."""
    today = timezone.localdate()
    rows = (
        queryset.filter(unit__latitude__isnull=False, unit__longitude__isnull=False)
        .values("pk", "unit__name", "unit__latitude", "unit__longitude", "grade", "status", "deadline")
        .order_by("pk")[:limit]
    )
    return [
        {
            "id": row["pk"],
            "unit": row["unit__name"],
            "lat": float(row["unit__latitude"]),
            "lng": float(row["unit__longitude"]),
            "grade": row["grade"],
            "status": row["status"],
            "overdue": bool(row["status"] in OPEN_STATUSES and row["deadline"] and row["deadline"] < today),
        }
        for row in rows
    ]


def may_replace_notice_template(user: Any) -> bool:
    """The notice template is city-wide: replacing it needs the notice ``change`` action over the whole
    detachment area (a city-level or wider scope), not just one county."""
    return any(
        (s.region_prefix is None or len(s.region_prefix) <= 4) and s.industry is None and s.unit_id is None
        for s in user_scopes(user, Notice, "change")
    )
