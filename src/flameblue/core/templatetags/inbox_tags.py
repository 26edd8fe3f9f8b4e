"""``{% unread_messages user as n %}``: the user's unread inbox count for the navbar (once per request)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.simple_tag
def unread_messages(user: Any) -> int:
    if user is None or not getattr(user, "is_authenticated", False):
        return 0
    # Imported here: tag libraries load while apps are still importing.
    from flameblue.core.dashboard import cached_unread_count

    return cached_unread_count(user)
