"""The reports app's side-menu entries (registered with core at ``ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from flameblue.core.navigation import MenuItem, register_menu


def register() -> None:
    # shown to whoever may read hazards: every figure page checks its own records' permission as well
    register_menu(
        MenuItem(_("统计指标"), "reports:figure-list", "hazards.Hazard", group=_("业务"), order=190),
        MenuItem(_("月度统计"), "reports:monthly", "hazards.Hazard", group=_("业务"), order=191),
    )
    register_menu(
        MenuItem(_("年度工作总结"), "reports:annual-list", "reports.AnnualReport", group=_("业务"), order=192)
    )
