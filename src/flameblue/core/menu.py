"""The core app's side-menu entries (registered with core at ``ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from flameblue.core.navigation import MenuItem, register_menu


def register() -> None:
    register_menu(
        MenuItem(_("审计日志"), "core:audit-list", "core.AuditEvent", group=_("系统"), order=200),
    )
