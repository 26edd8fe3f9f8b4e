"""The integrity app's side-menu entries (registered with core at ``ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from flameblue.core.navigation import MenuItem, register_menu


def register() -> None:
    group = _("业务")  # core.navigation.GROUPS; a 党建与廉政 group would be added there at merge
    register_menu(
        MenuItem(_("联系点蹲点"), "integrity:point-list", "integrity.LiaisonPoint", group=group, order=410),
        MenuItem(
            _("蹲点应办清单"), "integrity:liaison-due", "integrity.LiaisonPoint", group=group, order=415
        ),
        MenuItem(
            _("近亲属经商办企业"),
            "integrity:declaration-list",
            "integrity.RelativeBusiness",
            group=group,
            order=420,
        ),  # fmt: skip
        MenuItem(
            _("饮酒报备"), "integrity:drinking-list", "integrity.DrinkingReport", group=group, order=430
        ),
    )
