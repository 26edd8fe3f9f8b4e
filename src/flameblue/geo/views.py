"""Browsing regions within one's jurisdiction: province → city → county → township."""

from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView

from flameblue.core.scoping import has_action
from flameblue.core.views import ScopedDetailView, ScopedMixin
from flameblue.geo.models import Region
from flameblue.geo.selectors import top_regions
from flameblue.org.models import Organization

__all__ = ["RegionDetailView", "RegionListView"]

#: Organizations listed on a region page; the organization list (filtered by region) shows the rest.
REGION_ORGS_SHOWN = 200


class RegionListView(ScopedMixin, TemplateView):
    """The roots of the user's jurisdiction, each with its next level to drill into."""

    model = Region
    template_name = "geo/region_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        roots = top_regions(self.request.user)
        children = self.scoped_queryset().filter(parent__in=roots).order_by("code")
        by_parent: dict[str, list[Region]] = {}
        for child in children:
            by_parent.setdefault(child.parent_id, []).append(child)
        context["tree"] = [(root, by_parent.get(root.code, [])) for root in roots]
        return context


class RegionDetailView(ScopedDetailView):
    model = Region
    template_name = "geo/region_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("parent__parent__parent")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        region: Region = self.object
        user = self.request.user
        ancestors = region.ancestors()
        visible = set(
            self.scoped_queryset().filter(code__in=[a.code for a in ancestors]).values_list("code", flat=True)
        )
        context["breadcrumbs"] = [(a, a.code in visible) for a in ancestors]
        context["children"] = list(self.scoped_queryset().filter(parent=region).order_by("code"))
        context["organizations"] = None
        if has_action(user, Organization, "view"):
            orgs = Organization.objects.visible_to(user).filter(region=region).select_related("industry")
            shown = list(orgs[: REGION_ORGS_SHOWN + 1])
            context["organizations"] = shown[:REGION_ORGS_SHOWN]
            context["organizations_more"] = len(shown) > REGION_ORGS_SHOWN
        return context
