"""The outreach app's side-menu entries (registered with core at ``ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from flameblue.core.navigation import MenuItem, register_menu


def register() -> None:
    group = _("业务")
    register_menu(
        MenuItem(_("培训"), "outreach:session-list", "outreach.TrainingSession", group=group, order=172),
        MenuItem(_("培训覆盖面"), "outreach:coverage", "outreach.TrainingSession", group=group, order=173),
        MenuItem(_("宣传活动"), "outreach:drive-list", "outreach.PublicityDrive", group=group, order=174),
        MenuItem(_("宣传覆盖面"), "outreach:reach", "outreach.PublicityDrive", group=group, order=175),
        MenuItem(_("宣传资料"), "outreach:material-list", "outreach.Material", group=group, order=176),
        MenuItem(_("消防教育基地"), "outreach:base-list", "outreach.EducationBase", group=group, order=177),
    )
