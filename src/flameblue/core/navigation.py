"""The side menu: apps register their entries; each shows only when the user's roles grant its action
somewhere."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from flameblue.core.scoping import has_action

__all__ = ["GROUPS", "MenuItem", "menu_for", "menu_items", "register_menu"]


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str
    model: str  # "app_label.ModelName"
    action: str = "view"
    group: str = ""
    order: int = 100


#: Side-menu groups in the order they appear; items within a group by ``order``.
GROUPS = [_("基础"), _("业务"), _("责任制"), _("系统")]

_ITEMS: dict[str, MenuItem] = {}


def register_menu(*items: MenuItem) -> None:
    """Apps add their side-menu entries in ``AppConfig.ready()`` (re-registering a URL name replaces it)."""
    for item in items:
        _ITEMS[item.url_name] = item


def menu_items() -> list[MenuItem]:
    group_rank = {str(g): i for i, g in enumerate(GROUPS)}
    return sorted(_ITEMS.values(), key=lambda i: (group_rank.get(str(i.group), len(GROUPS)), i.order))


def menu_for(user) -> list[dict]:
    items = []
    for item in menu_items():
        try:
            model = apps.get_model(item.model)
            url = reverse(item.url_name)
        except (LookupError, NoReverseMatch):
            continue
        if has_action(user, model, item.action):
            items.append({"label": item.label, "url": url, "group": item.group, "url_name": item.url_name})
    return items
