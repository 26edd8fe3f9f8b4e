"""Reads about people and their memberships."""

from __future__ import annotations

from typing import Any

from flameblue.core.scoping import user_memberships
from flameblue.org.models import Membership

__all__ = ["active_memberships_for_user", "memberships_and_person", "user_roles"]


def active_memberships_for_user(user: Any):
    if not getattr(user, "person_id", None):
        return Membership.objects.none()
    return (
        Membership.objects.current()
        .filter(person_id=user.person_id, person__is_active=True, organization__is_active=True)
        .select_related("organization", "role")
        .order_by("id")
    )


def memberships_and_person(user: Any) -> list[Membership]:
    """The membership provider behind ``core.scoping.user_memberships``: :func:`active_memberships_for_user`
    with the person read in the same query (the query joins it already) and handed to ``user.person``, so
    a page showing the user's name (the navigation bar, every page) does not query it again."""
    memberships = list(active_memberships_for_user(user).select_related("person"))
    model = user.__class__  # the model even through the request's lazy user
    person_field = model.person.field if hasattr(model, "person") else None
    if memberships and person_field is not None and not person_field.is_cached(user):
        person_field.set_cached_value(user, memberships[0].person)
    return memberships


def user_roles(user: Any) -> list[Any]:
    seen: dict[int, Any] = {}
    for membership in user_memberships(user):
        seen.setdefault(membership.role_id, membership.role)
    return list(seen.values())
