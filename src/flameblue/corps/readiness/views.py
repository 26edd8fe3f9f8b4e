"""Pages of readiness checks (执勤战备检查): the list, a check with its answers and findings, recording a
check against the current checklist version, and the findings list (overdue first)."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy

from flameblue.core.views import ScopedCreateView, ScopedDetailView, ScopedListView
from flameblue.corps.readiness import services
from flameblue.corps.readiness.filters import CheckFilter, FindingFilter
from flameblue.corps.readiness.forms import CheckForm
from flameblue.corps.readiness.models import ReadinessCheck, ReadinessChecklist, ReadinessFinding

__all__ = ["CheckCreateView", "CheckDetailView", "CheckListView", "FindingListView"]


class CheckListView(ScopedListView):
    model = ReadinessCheck
    filterset_class = CheckFilter
    template_name = "corps/readiness/check_list.html"
    partial_template_name = "corps/readiness/_check_table.html"

    def get_queryset(self):
        return super().get_queryset().select_related("station", "checklist")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["checklists"] = ReadinessChecklist.objects.filter(is_active=True).order_by("code")
        return context


class CheckDetailView(ScopedDetailView):
    model = ReadinessCheck
    template_name = "corps/readiness/check_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("station", "checklist")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        check = self.object
        context["rows"] = [(i, check.answers.get(i["code"], "")) for i in check.checklist.items]
        context["findings"] = (
            ReadinessFinding.objects.visible_to(self.request.user)
            .filter(check_record=check)
            .select_related("owner")
        )
        return context


class CheckCreateView(ScopedCreateView):
    """Record a check against a current checklist (``?checklist=<id>``; the first one by default)."""

    model = ReadinessCheck
    form_class = CheckForm
    template_name = "corps/readiness/check_form.html"
    success_message = gettext_lazy("检查已记录。")

    def checklist(self) -> ReadinessChecklist:
        lists = ReadinessChecklist.objects.filter(is_active=True).order_by("code")
        wanted = self.request.GET.get("checklist", "")
        chosen = lists.filter(pk=wanted).first() if wanted.isdigit() else lists.first()
        if chosen is None:
            raise Http404
        return chosen

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "checklist": self.checklist()}

    def get_initial(self) -> dict[str, Any]:
        return {"checked_on": timezone.localdate()}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["checklists"] = ReadinessChecklist.objects.filter(is_active=True).order_by("code")
        return context

    def perform(self, form: CheckForm) -> ReadinessCheck:
        return services.check_create(by=self.request.user, **form.service_kwargs())

    def get_success_url(self) -> str:
        return self.object.get_absolute_url()


class FindingListView(ScopedListView):
    model = ReadinessFinding
    filterset_class = FindingFilter
    template_name = "corps/readiness/finding_list.html"
    partial_template_name = "corps/rectification/_action_results.html"
    extra_context = {"url_name": "corps:finding-detail"}

    def get_queryset(self):
        return super().get_queryset().select_related("owner", "check_record__station")
