"""The inspections app's side-menu entries (registered with core at ``ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from flameblue.core.navigation import MenuItem, register_menu


def register() -> None:
    register_menu(
        MenuItem(
            _("检查记录"), "inspections:inspection-list", "inspections.Inspection", group=_("业务"), order=60
        ),
        MenuItem(
            _("检查表"), "inspections:checklist-list", "inspections.Checklist", group=_("业务"), order=70
        ),
        MenuItem(
            _("监督检查到期"), "inspections:due-list", "inspections.SupervisionDue", group=_("业务"), order=80
        ),
        MenuItem(
            _("检查计划"), "inspections:plan-list", "inspections.InspectionPlan", group=_("业务"), order=90
        ),
        MenuItem(_("双随机抽查"), "inspections:draw-list", "inspections.Draw", group=_("业务"), order=100),
        MenuItem(
            _("单位自查落实"), "inspections:compliance", "inspections.Inspection", group=_("业务"), order=110
        ),
        MenuItem(
            _("利益冲突申报"),
            "inspections:conflict-list",
            "inspections.ConflictDeclaration",
            group=_("业务"),
            order=120,
        ),
    )
