"""The events app's side-menu entry (registered with core at ``ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from flameblue.core.navigation import MenuItem, register_menu


def register() -> None:
    register_menu(MenuItem(_("消防安保"), "events:event-list", "events.Event", group=_("业务"), order=175))
