"""The hazards app's side-menu entries (registered with core at ``ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from flameblue.core.navigation import MenuItem, register_menu


def register() -> None:
    register_menu(
        MenuItem(_("火灾隐患"), "hazards:hazard-list", "hazards.Hazard", group=_("业务"), order=130),
        MenuItem(
            _("本单位隐患整改"),
            "hazards:my-unit-hazards",
            "hazards.Hazard",
            action="report_completion",
            group=_("业务"),
            order=140,
        ),
        MenuItem(_("举报投诉"), "hazards:tip-list", "hazards.Tip", group=_("业务"), order=150),
        MenuItem(
            _("挂牌督办"), "hazards:supervision-list", "hazards.SupervisionCase", group=_("业务"), order=160
        ),
    )
