"""The 双拥 app's side-menu entries (registered with core at ``ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from flameblue.core.navigation import MenuItem, register_menu


def register() -> None:
    register_menu(
        MenuItem(_("共建单位"), "community:partner-list", "community.Partner", group=_("业务"), order=610),
        MenuItem(
            _("计划落实情况"),
            "community:plan-discipline",
            "community.Partner",
            group=_("业务"),
            order=620,
        ),
        MenuItem(_("共建活动"), "community:activity-list", "community.Activity", group=_("业务"), order=630),
        MenuItem(
            _("学雷锋志愿服务队"),
            "community:team-list",
            "community.VolunteerTeam",
            group=_("业务"),
            order=640,
        ),
        MenuItem(
            _("双拥领导小组"), "community:leading-group", "community.PartyMeeting", group=_("业务"), order=641
        ),
        MenuItem(
            _("党委会议议题"), "community:meeting-list", "community.PartyMeeting", group=_("业务"), order=642
        ),
        MenuItem(_("走访慰问"), "community:visit-list", "community.HolidayVisit", group=_("业务"), order=643),
        MenuItem(_("意见建议"), "community:opinion-list", "community.Opinion", group=_("业务"), order=644),
        MenuItem(
            _("政治教育"),
            "community:programme-list",
            "community.EducationProgramme",
            group=_("业务"),
            order=645,
        ),
    )
