"""Which units a user's scopes for an action on some inspections record reach.

A brigade officer's scope to draw, a discipline officer's scope to declare a conflict or a township's scope
to view inspections are scopes of *those* records; the units they may pick are the units inside the same
scopes. ``units_within`` turns the user's scopes for ``model``/``action`` into one WHERE clause on units, the
same way ``visible_to`` does for the record itself."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q

from flameblue.core.scoping import code_range, user_scopes
from flameblue.units.models import Unit

__all__ = ["in_region", "units_within"]


def units_within(user: Any, model: type[models.Model], action: str = "view"):
    """Units inside the scopes in which ``user`` may do ``action`` on ``model`` (none when nowhere)."""
    scopes = user_scopes(user, model, action)
    if not scopes:
        return Unit.objects.none()
    if any(s.region_prefix is None and s.unit_id is None and s.industry is None for s in scopes):
        return Unit.objects.all()
    combined = Q(pk__in=[])
    for scope in scopes:
        combined |= Unit.scope_spec.q_for(scope)
    return Unit.objects.filter(combined)


def in_region(prefix: str, field: str = "region_id") -> Q:
    """Rows whose region code lies in the subtree of ``prefix`` (an index-friendly range, not LIKE)."""
    low, high = code_range(prefix)
    return Q(**{f"{field}__gte": low, f"{field}__lt": high})
