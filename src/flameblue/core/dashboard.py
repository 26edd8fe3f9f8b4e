"""The home page: a panel set chosen by the ``home`` of the user's roles (a role is data, so is its home)."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.auth.mixins import LoginRequiredMixin
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from flameblue.core.models import AuditEvent
from flameblue.core.navigation import menu_for
from flameblue.core.scoping import has_action
from flameblue.geo.selectors import top_regions
from flameblue.org.models import Membership, Organization, Person, Role, User
from flameblue.org.selectors import user_roles

__all__ = ["HOMES", "PANELS", "DashboardView", "panels_for"]

#: What each kind of home is called on the page.
HOMES: dict[str, Any] = {
    "command": _("支队指挥"),
    "inspector": _("防火监督"),
    "station": _("消防救援站"),
    "corps": _("队伍管理"),
    "government": _("政府履职"),
    "grid": _("网格巡查"),
    "department": _("行业监管"),
    "unit": _("单位自查"),
    "admin": _("系统管理"),
    "audit": _("安全审计"),
}

_FIELD = ["jurisdiction", "counts", "links"]
#: The panels each home shows, in order.
PANELS: dict[str, list[str]] = {
    "command": _FIELD,
    "inspector": _FIELD,
    "station": _FIELD,
    "corps": _FIELD,
    "government": _FIELD,
    "grid": _FIELD,
    "department": _FIELD,
    "unit": ["my_units", "counts", "links"],
    "admin": ["admin", "counts", "links"],
    "audit": ["audit", "links"],
}


def panels_for(homes: list[str]) -> list[str]:
    panels: list[str] = []
    for home in homes:
        for panel in PANELS.get(home, _FIELD):
            if panel not in panels:
                panels.append(panel)
    return panels or ["links"]


def _unit_model():
    if not apps.is_installed("flameblue.units"):
        return None
    try:
        return apps.get_model("units", "Unit")
    except LookupError:
        return None


def scoped_counts(user: Any) -> list[dict[str, Any]]:
    """Records in the user's scope, one entry per model they may view."""
    counts = []
    targets = [(Organization, _("组织机构"), "org:organization-list"), (Person, _("人员"), "org:person-list")]
    unit_model = _unit_model()
    if unit_model is not None:
        targets.append((unit_model, _("社会单位"), "units:unit-list"))
    for model, label, url_name in targets:
        if not has_action(user, model, "view"):
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            url = ""
        counts.append({"label": label, "count": model.objects.visible_to(user).count(), "url": url})
    return counts


class DashboardView(LoginRequiredMixin, TemplateView):
    template_name = "core/dashboard.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        homes = list(dict.fromkeys(role.home for role in user_roles(user)))
        panels = panels_for(homes)
        context.update(homes=[HOMES.get(h, h) for h in homes], panels=panels, links=menu_for(user))
        if "jurisdiction" in panels:
            context["regions"] = top_regions(user)
        if "counts" in panels:
            context["counts"] = scoped_counts(user)
        if "my_units" in panels and has_action(user, Organization, "view"):
            context["my_units"] = Organization.objects.visible_to(user).select_related("region")[:20]
        if "audit" in panels and has_action(user, AuditEvent, "view"):
            context["recent_events"] = AuditEvent.objects.visible_to(user)[:10]
        if "admin" in panels:
            context["admin_links"] = self._admin_links(user)
        return context

    @staticmethod
    def _admin_links(user: Any) -> list[dict[str, str]]:
        links = []
        for model, action, label, url_name in [
            (User, "view", _("账号管理"), "org:user-list"),
            (User, "add", _("新增账号"), "org:user-create"),
            (Role, "view", _("角色管理"), "org:role-list"),
            (Role, "add", _("新增角色"), "org:role-create"),
            (Membership, "view", _("任职管理"), "org:membership-list"),
        ]:
            if has_action(user, model, action):
                links.append({"label": label, "url": reverse(url_name)})
        return links
