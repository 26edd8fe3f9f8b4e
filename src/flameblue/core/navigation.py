"""The side menu: each entry shows only when the user's roles grant its action somewhere."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from flameblue.core.scoping import has_action

__all__ = ["MENU", "MenuItem", "menu_for"]


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str
    model: str  # "app_label.ModelName"
    action: str = "view"
    group: str = ""


MENU: list[MenuItem] = [
    MenuItem(_("行政区划"), "geo:region-list", "geo.Region", group=_("基础")),
    MenuItem(_("组织机构"), "org:organization-list", "org.Organization", group=_("基础")),
    MenuItem(_("人员"), "org:person-list", "org.Person", group=_("基础")),
    MenuItem(_("任职"), "org:membership-list", "org.Membership", group=_("基础")),
    MenuItem(_("社会单位"), "units:unit-list", "units.Unit", group=_("业务")),
    MenuItem(_("检查记录"), "inspections:inspection-list", "inspections.Inspection", group=_("业务")),
    MenuItem(_("检查表"), "inspections:checklist-list", "inspections.Checklist", group=_("业务")),
    MenuItem(_("监督检查到期"), "inspections:due-list", "inspections.SupervisionDue", group=_("业务")),
    MenuItem(_("检查计划"), "inspections:plan-list", "inspections.InspectionPlan", group=_("业务")),
    MenuItem(_("双随机抽查"), "inspections:draw-list", "inspections.Draw", group=_("业务")),
    MenuItem(_("单位自查落实"), "inspections:compliance", "inspections.Inspection", group=_("业务")),
    MenuItem(
        _("利益冲突申报"), "inspections:conflict-list", "inspections.ConflictDeclaration", group=_("业务")
    ),
    MenuItem(_("火灾隐患"), "hazards:hazard-list", "hazards.Hazard", group=_("业务")),
    MenuItem(
        _("本单位隐患整改"),
        "hazards:my-unit-hazards",
        "hazards.Hazard",
        action="report_completion",
        group=_("业务"),
    ),
    MenuItem(_("举报投诉"), "hazards:tip-list", "hazards.Tip", group=_("业务")),
    MenuItem(_("挂牌督办"), "hazards:supervision-list", "hazards.SupervisionCase", group=_("业务")),
    MenuItem(_("角色"), "org:role-list", "org.Role", group=_("系统")),
    MenuItem(_("账号"), "org:user-list", "org.User", group=_("系统")),
    MenuItem(_("工作日历"), "workdays:calendar", "workdays.WorkingDay", action="change", group=_("系统")),
    MenuItem(_("审计日志"), "core:audit-list", "core.AuditEvent", group=_("系统")),
]


def menu_for(user) -> list[dict]:
    items = []
    for item in MENU:
        try:
            model = apps.get_model(item.model)
            url = reverse(item.url_name)
        except (LookupError, NoReverseMatch):
            continue
        if has_action(user, model, item.action):
            items.append({"label": item.label, "url": url, "group": item.group, "url_name": item.url_name})
    return items
