"""The home page: a panel set chosen by the ``home`` of the user's roles (a role is data, so is its home),
and the JSON statistics by region behind the detachment's chart. The panels' reads live in
``dashboard_panels.py``; each panel shows only when the user's roles grant what it reads."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, JsonResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from flameblue.core.models import AuditEvent
from flameblue.core.navigation import menu_for
from flameblue.core.scoping import has_action, user_scopes
from flameblue.core.views import ScopedMixin
from flameblue.geo.models import Region
from flameblue.geo.selectors import top_regions
from flameblue.org.models import Membership, Organization, Person, Role, User
from flameblue.org.selectors import user_roles

__all__ = ["HOMES", "PANELS", "DashboardStatsView", "DashboardView", "panels_for"]

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

#: The panels each home shows, in order ("links" always comes last). A panel whose builder in
#: ``_panels().BUILDERS`` answers None (no permission) is left out.
PANELS: dict[str, list[str]] = {
    "command": ["undelivered", "command", "work_queue", "inbox"],
    "inspector": ["work_queue", "inbox", "jurisdiction", "counts"],
    "station": ["work_queue", "inbox", "jurisdiction", "counts"],
    "corps": ["inbox", "jurisdiction", "counts"],
    "government": ["government", "hazard_overview", "inbox", "jurisdiction"],
    "grid": ["grid", "inbox", "jurisdiction"],
    "department": ["department", "inbox", "jurisdiction"],
    "unit": ["my_units", "unit", "inbox"],
    "admin": ["undelivered", "admin", "inbox", "counts"],
    "audit": ["audit", "inbox"],
}
_DEFAULT = ["inbox", "jurisdiction", "counts"]


def _panels():
    # org.forms imports HOMES from this module while the URLconf loads, so the apps' selectors (which import
    # org.filters in turn) are imported when a page is served, not when this module is.
    from flameblue.core import dashboard_panels

    return dashboard_panels


def panels_for(homes: list[str]) -> list[str]:
    panels: list[str] = []
    for home in homes:
        for panel in PANELS.get(home, _DEFAULT):
            if panel not in panels:
                panels.append(panel)
    return [*panels, "links"]


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
        context.update(homes=[HOMES.get(h, h) for h in homes], links=menu_for(user))
        today = timezone.localdate()
        blocks = []
        for panel in panels_for(homes):
            data = self._panel_data(panel, user, today, context)
            if data is not None:
                blocks.append({"name": panel, "template": f"core/_panel_{panel}.html", "data": data})
        context["panels"] = [b["name"] for b in blocks]
        context["blocks"] = blocks
        return context

    def _panel_data(self, panel: str, user: Any, today: Any, context: dict[str, Any]) -> Any:
        builder = _panels().BUILDERS.get(panel)
        if builder is not None:
            return builder(user, today)
        if panel == "jurisdiction":
            context["regions"] = top_regions(user)
            return context["regions"]
        if panel == "counts":
            context["counts"] = scoped_counts(user)
            return context["counts"]
        if panel == "my_units" and has_action(user, Organization, "view"):
            context["my_units"] = Organization.objects.visible_to(user).select_related("region")[:20]
            return context["my_units"]
        if panel == "audit" and has_action(user, AuditEvent, "view"):
            context["recent_events"] = AuditEvent.objects.visible_to(user)[:10]
            return context["recent_events"]
        if panel == "admin":
            context["admin_links"] = self._admin_links(user)
            return context["admin_links"]
        if panel == "links":
            return context["links"]
        return None

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


class DashboardStatsView(ScopedMixin, View):
    """``?region=<code>``: statistics by the region's children (counties of a city, townships of a county)
    as JSON for the dashboard chart. 403 without the hazard view action; 404 for a region outside the
    user's jurisdiction. Without ``region``, the widest region of the user's scope."""

    action = "view"

    @property
    def model(self):
        return apps.get_model("hazards", "Hazard")

    def get(self, request, *args: Any, **kwargs: Any) -> JsonResponse:
        code = request.GET.get("region", "").strip()
        if code:
            region = Region.objects.visible_to(request.user, "view").filter(code=code).first()
            if region is None or not self._within_hazard_scope(code):
                raise Http404(_("该区划不在您的管辖范围内。"))
        else:
            region = _panels().default_region(request.user)
            if region is None:
                raise Http404(_("您没有分配辖区。"))
        return JsonResponse(_panels().stats_payload(request.user, region))

    def _within_hazard_scope(self, code: str) -> bool:
        prefixes = [s.region_prefix for s in user_scopes(self.request.user, self.model, "view")]
        return any(p is None or code.startswith(p) for p in prefixes)
