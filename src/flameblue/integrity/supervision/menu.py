"""The supervision sub-domain's side-menu entries (registered with core at ``IntegrityConfig.ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from flameblue.core.navigation import MenuItem, register_menu

__all__ = ["register"]


def register() -> None:
    group = _("业务")
    register_menu(
        MenuItem(_("“三个必到”清单"), "integrity:must-attend", "integrity.LiaisonPoint", group=group, order=416),
        MenuItem(_("监督检查活动"), "integrity:activity-list", "integrity.SupervisionActivity", group=group,
                 order=440),
        MenuItem(_("督察发现问题"), "integrity:finding-list", "integrity.SupervisionFinding", group=group,
                 order=441),
    )  # fmt: skip
