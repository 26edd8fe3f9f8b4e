"""The workdays app's side-menu entries (registered with core at ``ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from flameblue.core.navigation import MenuItem, register_menu


def register() -> None:
    register_menu(
        MenuItem(
            _("工作日历"),
            "workdays:calendar",
            "workdays.WorkingDay",
            action="change",
            group=_("系统"),
            order=190,
        ),
    )
