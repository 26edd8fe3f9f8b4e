"""The org app's side-menu entries (registered with core at ``ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from flameblue.core.navigation import MenuItem, register_menu


def register() -> None:
    register_menu(
        MenuItem(_("组织机构"), "org:organization-list", "org.Organization", group=_("基础"), order=20),
        MenuItem(_("人员"), "org:person-list", "org.Person", group=_("基础"), order=30),
        MenuItem(_("任职"), "org:membership-list", "org.Membership", group=_("基础"), order=40),
        MenuItem(_("角色"), "org:role-list", "org.Role", group=_("系统"), order=170),
        MenuItem(_("账号"), "org:user-list", "org.User", group=_("系统"), order=180),
    )
