"""Jurisdiction scoping: the one mechanism by which every query a user triggers is limited.

A user acts through memberships (person, organization, role). Each membership yields a :class:`Scope`
derived from its organization: a GB/T 2260 region-code subtree, narrowed to an industry for a department and
to one unit for a social unit's staff. Each scoped model declares a :class:`ScopeSpec` naming the paths from
the model to a region code, an industry code and a unit organization id. ``visible_to(user, action)`` ORs the
scopes of the memberships whose role grants the action and compiles them into one WHERE clause made of code
range comparisons (``code >= '341602' AND code < '341603'``), which an ordinary B-tree index serves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import Q

if TYPE_CHECKING:  # pragma: no cover
    from django.contrib.auth.models import AbstractBaseUser

__all__ = [
    "Scope",
    "ScopeSpec",
    "ScopedManager",
    "ScopedQuerySet",
    "action_name",
    "code_range",
    "has_action",
    "may",
    "user_scopes",
]


def code_range(prefix: str) -> tuple[str, str]:
    """Return (low, high) so that every code starting with ``prefix`` satisfies low <= code < high.

    Codes are digit strings, so the exclusive upper bound is the prefix plus one at the same length
    ("341609" -> "341610"), which compares correctly under any collation that orders digits.
    """
    if not prefix.isdigit():
        raise ValueError(f"region code prefix must be digits, got {prefix!r}")
    upper = str(int(prefix) + 1).zfill(len(prefix))
    return prefix, upper


@dataclass(frozen=True)
class Scope:
    """What one membership may reach. ``region_prefix`` None means every region."""

    region_prefix: str | None = None
    industry: str | None = None
    unit_id: int | None = None


@dataclass(frozen=True)
class ScopeSpec:
    """How a model reaches its region, industry and unit. A path of None means the model does not carry
    that dimension; ``global_`` models (reference data, the audit log) are visible in full to anyone whose
    role grants the action."""

    region: str | None = None
    industry: str | None = None
    unit: str | None = None
    global_: bool = False

    def q_for(self, scope: Scope) -> Q:
        if self.global_:
            return Q()
        q = Q()
        # A unit's staff see their own unit's records; models without a unit dimension only within the
        # unit's region (below).
        if scope.unit_id is not None and self.unit is not None:
            return Q(**{self.unit: scope.unit_id})
        if scope.region_prefix and self.region is not None:
            low, high = code_range(scope.region_prefix)
            q &= Q(**{f"{self.region}__gte": low, f"{self.region}__lt": high})
        if scope.industry and self.industry is not None:
            q &= Q(**{self.industry: scope.industry})
        return q


def action_name(model: type[models.Model], action: str) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}.{action}"


def _grants(patterns: Iterable[str], wanted: str) -> bool:
    return any(fnmatchcase(wanted, pattern) for pattern in patterns)


def _memberships(user: AbstractBaseUser) -> list[Any]:
    """The user's active memberships, loaded once per user object (i.e. once per request)."""
    cached = getattr(user, "_flameblue_memberships", None)
    if cached is not None:
        return cached
    from flameblue.org.selectors import active_memberships_for_user

    cached = list(active_memberships_for_user(user))
    user._flameblue_memberships = cached
    return cached


def user_scopes(user: AbstractBaseUser | None, model: type[models.Model], action: str) -> list[Scope]:
    """The scopes in which ``user`` may perform ``action`` on ``model`` (empty: nowhere)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    wanted = action_name(model, action)
    scopes: list[Scope] = []
    for membership in _memberships(user):
        if _grants(membership.role.actions, wanted):
            scope = membership.scope()
            if scope not in scopes:
                scopes.append(scope)
    return scopes


def has_action(user: AbstractBaseUser | None, model: type[models.Model], action: str) -> bool:
    return bool(user_scopes(user, model, action))


def may(user: AbstractBaseUser | None, action: str, obj: models.Model | None = None) -> bool:
    """Whether ``user`` may do ``action`` ("app.model.action", e.g. "hazards.notice.add"): anywhere, or on
    ``obj`` when given (the object is in the user's scope for that action). Pages show a button or a link
    only when this holds, so nobody is offered a page that answers 403."""
    from django.apps import apps

    app_label, model_name, verb = action.split(".")
    model = apps.get_model(app_label, model_name)
    if obj is None:
        return has_action(user, model, verb)
    if not has_action(user, model, verb):
        return False
    return model.objects.visible_to(user, verb).filter(pk=obj.pk).exists()


class ScopedQuerySet(models.QuerySet):
    def visible_to(self, user: AbstractBaseUser | None, action: str = "view") -> ScopedQuerySet:
        spec: ScopeSpec = self.model.scope_spec
        scopes = user_scopes(user, self.model, action)
        if not scopes:
            return self.none()
        if spec.global_ or any(
            s.region_prefix is None and s.unit_id is None and s.industry is None for s in scopes
        ):
            return self.all()
        combined = Q(pk__in=[])
        for scope in scopes:
            combined |= spec.q_for(scope)
        return self.filter(combined)


class ScopedManager(models.Manager.from_queryset(ScopedQuerySet)):  # type: ignore[misc]
    pass
