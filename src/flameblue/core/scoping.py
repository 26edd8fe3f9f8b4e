"""Jurisdiction scoping: the one mechanism by which every query a user triggers is limited.

A user acts through memberships (person, organization, role). Each membership yields a :class:`Scope`
derived from its organization: a GB/T 2260 region-code subtree, narrowed to an industry for a department and
to one unit for a social unit's staff. Each scoped model declares a :class:`ScopeSpec` naming the paths from
the model to a region code, an industry code and a unit organization id. ``visible_to(user, action)`` ORs the
scopes of the memberships whose role grants the action and compiles them into one WHERE clause made of code
range comparisons (``code >= '341602' AND code < '341603'``), which an ordinary B-tree index serves.

Core does not know where memberships come from: the app that owns them (org) registers a provider with
:func:`register_membership_provider` in its ``AppConfig.ready()``. A membership is anything shaped like
:class:`MembershipLike`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

from django.db import models
from django.db.models import Q

if TYPE_CHECKING:  # pragma: no cover
    from django.contrib.auth.models import AbstractBaseUser

__all__ = [
    "MembershipLike",
    "Scope",
    "ScopeSpec",
    "ScopedManager",
    "ScopedQuerySet",
    "action_name",
    "admits",
    "code_range",
    "grants",
    "has_action",
    "in_region",
    "memberships_granting",
    "prime_memberships",
    "register_membership_provider",
    "user_memberships",
    "may",
    "user_scopes",
    "within_scopes",
]


@lru_cache(maxsize=4096)
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


class MembershipLike(Protocol):
    """What core needs of a membership: its ``role`` (``role.actions``, the action patterns it grants, and
    ``role.home``, the home page it lands on), its ``organization``, and the scope it yields."""

    role: Any
    organization: Any

    def scope(self) -> Scope: ...


MembershipProvider = Callable[[Any], Iterable[MembershipLike]]
_membership_provider: MembershipProvider | None = None


def register_membership_provider(provider: MembershipProvider) -> None:
    """Set the function that returns a user's active memberships (org does this at ``ready()``)."""
    global _membership_provider
    _membership_provider = provider


def grants(patterns: Iterable[str], wanted: str) -> bool:
    """Whether a role's action patterns (``"hazards.*.view"``, ``"*"`` …) grant the action name ``wanted``
    (``"hazards.hazard.view"``, see :func:`action_name`)."""
    return any(fnmatchcase(wanted, pattern) for pattern in patterns)


def user_memberships(user: AbstractBaseUser) -> list[MembershipLike]:
    """The user's active memberships, loaded once per user object (i.e. once per request). Empty when no
    app registered a membership provider."""
    cached = getattr(user, "_flameblue_memberships", None)
    if cached is not None:
        return cached
    cached = list(_membership_provider(user)) if _membership_provider is not None else []
    user._flameblue_memberships = cached
    return cached


def prime_memberships(user: AbstractBaseUser, memberships: Iterable[MembershipLike]) -> None:
    """Give ``user`` its active memberships loaded elsewhere in bulk (the sweep loads every recipient's
    memberships in one query), so :func:`user_memberships` does not query once per user. The list must be
    what the registered provider would answer."""
    user._flameblue_memberships = list(memberships)


def memberships_granting(user: AbstractBaseUser | None, action: str) -> list[MembershipLike]:
    """The user's active memberships whose role grants ``action`` (a full action name such as
    ``action_name(SupervisionCase, "decide")``), in membership order; empty for anonymous or inactive users."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    return [m for m in user_memberships(user) if grants(m.role.actions, action)]


def user_scopes(user: AbstractBaseUser | None, model: type[models.Model], action: str) -> list[Scope]:
    """The scopes in which ``user`` may perform ``action`` on ``model`` (empty: nowhere)."""
    scopes: list[Scope] = []
    for membership in memberships_granting(user, action_name(model, action)):
        scope = membership.scope()
        if scope not in scopes:
            scopes.append(scope)
    return scopes


def has_action(user: AbstractBaseUser | None, model: type[models.Model], action: str) -> bool:
    return bool(user_scopes(user, model, action))


def in_region(prefix: str, field: str = "region_id") -> Q:
    """Rows whose region code lies in the subtree of ``prefix`` (an index-friendly range, not LIKE)."""
    low, high = code_range(prefix)
    return Q(**{f"{field}__gte": low, f"{field}__lt": high})


def _path_value(obj: Any, path: str) -> Any:
    for name in path.split("__"):
        if obj is None:
            return None
        obj = getattr(obj, name)
    return obj


def admits(obj: models.Model, scopes: list[Scope]) -> bool:
    """Whether ``obj`` lies inside ``scopes`` (as ``user_scopes`` answers them for its model): the same
    test as the WHERE clause of ``visible_to``, evaluated on a loaded object, so a job deciding about
    thousands of (user, record) pairs asks the database nothing. Related objects on the model's scope paths
    should be loaded (``select_related``), or each is fetched."""
    spec: ScopeSpec = type(obj).scope_spec
    if not scopes:
        return False
    return spec.global_ or any(_admits_one(obj, spec, scope) for scope in scopes)


def _admits_one(obj: models.Model, spec: ScopeSpec, scope: Scope) -> bool:
    if scope.unit_id is not None and spec.unit is not None:
        return _path_value(obj, spec.unit) == scope.unit_id
    if scope.region_prefix and spec.region is not None:
        low, high = code_range(scope.region_prefix)
        code = _path_value(obj, spec.region)
        if code is None or not low <= code < high:
            return False
    if scope.industry and spec.industry is not None:
        return _path_value(obj, spec.industry) == scope.industry
    return True


def _limit(queryset: models.QuerySet, scopes: list[Scope]) -> models.QuerySet:
    spec: ScopeSpec = queryset.model.scope_spec
    if not scopes:
        return queryset.none()
    if spec.global_ or any(
        s.region_prefix is None and s.unit_id is None and s.industry is None for s in scopes
    ):
        return queryset.all()
    combined = Q(pk__in=[])
    for scope in scopes:
        combined |= spec.q_for(scope)
    return queryset.filter(combined)


def within_scopes(
    queryset: models.QuerySet, user: AbstractBaseUser | None, model: type[models.Model], action: str = "view"
) -> models.QuerySet:
    """Rows of ``queryset`` (of any scoped model) inside the scopes in which ``user`` may do ``action`` on
    ``model``: e.g. the units a brigade officer may pick for a draw are the units inside the officer's
    scopes for drawing, whatever the officer's scopes for units are. One WHERE clause, as ``visible_to``."""
    return _limit(queryset, user_scopes(user, model, action))


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
        return _limit(self, user_scopes(user, self.model, action))


class ScopedManager(models.Manager.from_queryset(ScopedQuerySet)):  # type: ignore[misc]
    pass
