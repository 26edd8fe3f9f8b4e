"""The campaigns app's side-menu entries (registered with core at ``ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from flameblue.core.navigation import MenuItem, register_menu


def register() -> None:
    register_menu(
        MenuItem(_("专项整治"), "campaigns:campaign-list", "campaigns.Campaign", group=_("业务"), order=170),
    )
