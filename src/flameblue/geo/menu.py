"""The geo app's side-menu entries (registered with core at ``ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from flameblue.core.navigation import MenuItem, register_menu


def register() -> None:
    register_menu(
        MenuItem(_("行政区划"), "geo:region-list", "geo.Region", group=_("基础"), order=10),
    )
