"""Checklist pages: the list by place type and kind, one version with its items, and publishing a draft."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from flameblue.core.scoping import has_action
from flameblue.core.service_errors import run_service
from flameblue.core.views import ScopedDetailView, ScopedListView, ScopedObjectMixin
from flameblue.inspections.checklist_loader import element_in, gb35181_elements
from flameblue.inspections.filters import ChecklistFilterSet
from flameblue.inspections.measurements import describe
from flameblue.inspections.models import Checklist
from flameblue.inspections.services import checklist_publish

__all__ = ["ChecklistDetailView", "ChecklistListView", "ChecklistPublishView"]


class ChecklistListView(ScopedListView):
    model = Checklist
    filterset_class = ChecklistFilterSet
    template_name = "inspections/checklist_list.html"

    def get_queryset(self):
        # GROUP BY drops Meta.ordering, so the order is restated for stable pages.
        return super().get_queryset().annotate(item_count=Count("items")).order_by(*Checklist._meta.ordering)


class ChecklistDetailView(ScopedDetailView):
    model = Checklist
    template_name = "inspections/checklist_detail.html"

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        elements = gb35181_elements()
        items = list(self.object.items.all())
        for item in items:
            item.element_title = elements.get(item.gb35181_element, "")
            item.element_2025 = element_in(item.gb35181_element, "GB35181-2025")
            item.measurement_text = describe(item.measurement)
            item.measurement_verify = bool((item.measurement or {}).get("verify"))
        context["items"] = items
        context["can_publish"] = self.object.status == "draft" and has_action(
            self.request.user, Checklist, "publish"
        )
        return context


class ChecklistPublishView(ScopedObjectMixin, View):
    """POST only: publish a draft version (the current version of the same checklist is retired)."""

    model = Checklist
    action = "publish"
    http_method_names = ["post"]

    def post(self, request, pk: int):
        checklist = self.get_object()
        raw_version = request.POST.get("expected_version", "")
        expected = int(raw_version) if raw_version.isdigit() else None
        _done, status = run_service(
            request,
            lambda: checklist_publish(checklist=checklist, by=request.user, expected_version=expected),
        )
        if status is None:
            messages.success(request, _("已发布 %(c)s，原版本已停用。") % {"c": checklist})
        return HttpResponseRedirect(reverse("inspections:checklist-detail", kwargs={"pk": checklist.pk}))
