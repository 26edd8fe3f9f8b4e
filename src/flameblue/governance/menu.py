"""The governance app's side-menu entries (registered with core at ``ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from flameblue.core.navigation import MenuItem, register_menu


def register() -> None:
    register_menu(
        MenuItem(
            _("消防安全委员会"),
            "governance:committee-list",
            "governance.Committee",
            group=_("责任制"),
            order=210,
        ),
        MenuItem(
            _("委员会会议"), "governance:meeting-list", "governance.Meeting", group=_("责任制"), order=220
        ),
        MenuItem(
            _("政府研究部署"),
            "governance:record-list",
            "governance.GovernmentRecord",
            group=_("责任制"),
            order=227,
        ),
        MenuItem(
            _("形势研判"), "governance:analysis-list", "governance.AnalysisDue", group=_("责任制"), order=225
        ),
        MenuItem(
            _("督办事项"), "governance:actionitem-list", "governance.ActionItem", group=_("责任制"), order=230
        ),
        MenuItem(
            _("目标责任书"),
            "governance:letter-list",
            "governance.ResponsibilityLetter",
            group=_("责任制"),
            order=240,
        ),
        MenuItem(
            _("考核方案"),
            "governance:scheme-list",
            "governance.AssessmentScheme",
            group=_("责任制"),
            order=250,
        ),
        MenuItem(
            _("年度考核"),
            "governance:assessment-list",
            "governance.AssessmentEntry",
            group=_("责任制"),
            order=255,
        ),
    )
