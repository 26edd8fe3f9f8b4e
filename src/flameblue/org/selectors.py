"""Reads about people and their memberships."""

from __future__ import annotations

from typing import Any

from flameblue.core.scoping import user_memberships
from flameblue.org.models import Membership

__all__ = ["active_memberships_for_user", "user_roles"]


def active_memberships_for_user(user: Any):
    if not getattr(user, "person_id", None):
        return Membership.objects.none()
    return (
        Membership.objects.current()
        .filter(person_id=user.person_id, person__is_active=True, organization__is_active=True)
        .select_related("organization", "role")
        .order_by("id")
    )


def user_roles(user: Any) -> list[Any]:
    seen: dict[int, Any] = {}
    for membership in user_memberships(user):
        seen.setdefault(membership.role_id, membership.role)
    return list(seen.values())
