"""Reads about regions within a user's jurisdiction."""

from __future__ import annotations

from typing import Any

from flameblue.core.scoping import user_scopes
from flameblue.geo.models import Region

__all__ = ["top_regions"]


def top_regions(user: Any, action: str = "view") -> list[Region]:
    """The highest regions the user may see: the roots of their jurisdiction (all provinces if unlimited).
    A region nested inside another of the user's regions is left out (its ancestor already covers it)."""
    scopes = user_scopes(user, Region, action)
    if not scopes:
        return []
    if any(scope.region_prefix is None for scope in scopes):
        return list(Region.objects.filter(parent__isnull=True).order_by("code"))
    prefixes = sorted({scope.region_prefix for scope in scopes if scope.region_prefix})
    roots = [p for p in prefixes if not any(p != other and p.startswith(other) for other in prefixes)]
    return list(Region.objects.filter(code__in=roots).select_related("parent").order_by("code"))
