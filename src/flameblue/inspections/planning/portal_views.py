"""The public results of 双随机 draws (双随机、一公开): published draws only, no login, and no personal data —
units, townships, dates and results; never inspectors' names or phones."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from flameblue.inspections.choices import DrawStatus
from flameblue.inspections.models import Draw
from flameblue.inspections.planning.draws import draw_results

__all__ = ["PortalDrawDetailView", "PortalDrawListView"]


def published_draws():
    return (
        Draw.objects.filter(status=DrawStatus.PUBLISHED)
        .select_related("brigade", "region")
        .order_by("-published_at", "-pk")
    )


class PortalDrawListView(ListView):
    template_name = "inspections/portal_draw_list.html"
    context_object_name = "draws"
    paginate_by = 20

    def get_queryset(self):
        return published_draws()


class PortalDrawDetailView(DetailView):
    template_name = "inspections/portal_draw_detail.html"
    context_object_name = "draw"

    def get_object(self, queryset=None):
        return get_object_or_404(published_draws(), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["rows"] = [
            {k: row[k] for k in ("order", "unit_name", "township", "inspected_on", "summary")}
            for row in draw_results(self.object)
        ]
        return context
