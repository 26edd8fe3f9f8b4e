"""The enforcement app's side-menu entries (registered with core at ``ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from flameblue.core.navigation import MenuItem, register_menu


def register() -> None:
    group = _("业务")
    register_menu(
        MenuItem(_("临时查封"), "enforcement:sealing-list", "enforcement.Sealing", group=group, order=250),
        MenuItem(
            _("营业前消防安全检查"),
            "enforcement:preopening-list",
            "enforcement.PreOpeningCheck",
            group=group,
            order=255,
        ),  # fmt: skip
        MenuItem(
            _("大型活动消防检查"), "enforcement:event-list", "enforcement.EventCheck", group=group, order=260
        ),
        MenuItem(_("执法时限清单"), "enforcement:due-list", "enforcement.Sealing", group=group, order=265),
    )
