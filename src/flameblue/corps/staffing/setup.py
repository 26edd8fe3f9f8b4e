"""Part A's registrations (side menu, home-page panel, the chain-of-command guard on org's reveal of
personal data), called by one line in ``CorpsConfig.ready()``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from flameblue.core.navigation import MenuItem, register_menu


def register() -> None:
    from flameblue.core.masking import register_reveal_guard
    from flameblue.corps.staffing.chain import chain_reveal_guard
    from flameblue.corps.staffing.dashboard import register as register_dashboard

    register_menu(
        MenuItem(_("驻训培育"), "corps:rotation-list", "corps.Rotation", group=_("业务"), order=335),
        MenuItem(_("公示异议"), "corps:objection-list", "corps.Objection", group=_("业务"), order=336),
    )
    register_dashboard()
    register_reveal_guard(chain_reveal_guard)
