"""Pages of honours and commendations (表彰奖励): the list (filters), the honours roll of a year by
station with the year's counts, a record with its document, and recording and editing through services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from flameblue.core.views import ObjectFormView, ScopedCreateView, ScopedDetailView, ScopedListView
from flameblue.corps.honours import services
from flameblue.corps.honours.filters import HonourFilter
from flameblue.corps.honours.forms import HonourForm
from flameblue.corps.honours.models import Honour
from flameblue.corps.honours.selectors import honour_roll, honour_summary

__all__ = ["HonourCreateView", "HonourDetailView", "HonourEditView", "HonourListView", "HonourRollView"]


class HonourListView(ScopedListView):
    model = Honour
    filterset_class = HonourFilter
    template_name = "corps/honours/honour_list.html"
    partial_template_name = "corps/honours/_honour_table.html"

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "person")


class HonourRollView(ScopedListView):
    """荣誉榜: a year's honours by station (``?year=``; this year by default) and the year's counts."""

    model = Honour
    template_name = "corps/honours/honour_roll.html"
    paginate_by = None

    def year(self) -> int:
        text = self.request.GET.get("year", "")
        return int(text) if text.isdigit() and 1900 <= int(text) <= 2200 else timezone.localdate().year

    def get_queryset(self):
        return super().get_queryset().none()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        year, visible = self.year(), Honour.objects.visible_to(self.request.user)
        context.update(year=year, roll=honour_roll(visible, year=year),
                       summary=honour_summary(year=year, honours=visible),
                       years=list(range(timezone.localdate().year, 2014, -1)))  # fmt: skip
        return context


class HonourDetailView(ScopedDetailView):
    model = Honour
    template_name = "corps/honours/honour_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("unit", "person")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["documents"] = services.documents_of(self.object)
        return context


class HonourCreateView(ScopedCreateView):
    model = Honour
    form_class = HonourForm
    template_name = "corps/b_form.html"
    success_message = gettext_lazy("表彰奖励已登记。")
    extra_context = {"heading": gettext_lazy("登记表彰奖励"), "cancel": "corps:honour-list"}

    def perform(self, form: HonourForm) -> Honour:
        return services.honour_create(by=self.request.user, data=form.service_data(),
                                      document=form.cleaned_data.get("document"))  # fmt: skip

    def get_success_url(self) -> str:
        return self.object.get_absolute_url()


class HonourEditView(ObjectFormView):
    model = Honour
    action = "change"
    form_class = HonourForm
    template_name = "corps/b_form.html"
    extra_context = {"heading": gettext_lazy("修改表彰奖励"), "cancel": "corps:honour-list"}

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": self.request.user, "instance": self.object}

    def perform(self, form: HonourForm) -> Honour:
        return services.honour_update(self.object, by=self.request.user, data=form.service_data(),
                                      expected_version=form.expected_version,
                                      document=form.cleaned_data.get("document"))  # fmt: skip

    def done(self, result: Honour):
        messages.success(self.request, _("已保存。"))
        return HttpResponseRedirect(result.get_absolute_url())
