"""Pages of the 公示 objections: the list (with the station's results still open to objection), filing one
against a published result, the detail, and the assessment team's answer (uphold with the corrected
result, or reject with the reason)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.scoping import has_action
from flameblue.core.views import ObjectFormView, ScopedDetailView, ScopedListView
from flameblue.corps.choices import PlanStatus
from flameblue.corps.models import AssessmentResult
from flameblue.corps.objections import forms, services
from flameblue.corps.objections.models import Objection
from flameblue.corps.scoring import format_value
from flameblue.corps.staffing.chain import chain_q
from flameblue.corps.staffing.filters import ObjectionFilter
from flameblue.corps.staffing.views import StepView

__all__ = ["ObjectionDetailView", "ObjectionFileView", "ObjectionListView", "RejectView", "UpholdView"]


def open_results(user: Any, limit: int = 60) -> list[tuple[AssessmentResult, str]]:
    """The user's stations' published results still inside the objection period (what may be objected to)."""
    if not has_action(user, Objection, "add"):
        return []
    q = chain_q(user, Objection, "add", station="station_id", region="station__region_id")
    rows = AssessmentResult.objects.filter(
        plan__status=PlanStatus.PUBLISHED, plan__objection_until__gte=timezone.localdate(),
        superseded_by__isnull=True,
    )  # fmt: skip
    rows = rows if q is None else rows.filter(q)
    rows = rows.select_related("plan", "station", "item", "member__person").order_by(
        "-plan__month", "station_id"
    )
    return [(r, format_value(r.value, r.item.unit)) for r in rows[:limit]]


class ObjectionListView(ScopedListView):
    model = Objection
    filterset_class = ObjectionFilter
    template_name = "corps/objections/list.html"
    partial_template_name = "corps/objections/_table.html"

    def get_queryset(self):
        return super().get_queryset().select_related("plan", "station", "result__item")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(open_results=open_results(self.request.user), **kwargs)


class ObjectionFileView(ObjectFormView):
    """提出异议 against one published result (the service checks the period and the station's chain)."""

    model = AssessmentResult
    form_class = forms.FileForm
    template_name = "corps/objections/file.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("plan", "station", "item", "member__person")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        shown = format_value(self.object.value, self.object.item.unit)
        return super().get_context_data(shown=shown, **kwargs)

    def perform(self, form) -> Objection:
        return services.objection_file(by=self.request.user, result=self.object, **form.cleaned_data)

    def done(self, result: Objection):
        messages.success(self.request, _("异议已提交，待考核组答复。"))
        return HttpResponseRedirect(reverse("corps:objection-detail", kwargs={"pk": result.pk}))


class ObjectionDetailView(ScopedDetailView):
    model = Objection
    template_name = "corps/objections/detail.html"

    def scoped_queryset(self, action: str = "view"):
        return (
            super()
            .scoped_queryset(action)
            .select_related("plan", "station", "result__item", "result__member__person", "correction")
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        o = self.object
        context["original"] = format_value(o.result.value, o.result.item.unit)
        if o.correction_id:
            context["corrected"] = format_value(o.correction.value, o.result.item.unit)
        return context


class AnswerView(StepView):
    model = Objection
    action = "answer"
    detail_url_name = "corps:objection-detail"

    def perform(self, form):
        move = getattr(services, self.service_name)
        return move(self.object, by=self.request.user, **form.service_kwargs())


class UpholdView(AnswerView):
    form_class = forms.UpholdForm
    heading = _("异议成立，更正成绩")
    done_message = _("异议成立，成绩已更正，原成绩在公示页保留为已更正。")
    service_name = "objection_uphold"


class RejectView(AnswerView):
    form_class = forms.RejectForm
    heading = _("异议不成立")
    done_message = _("已答复：异议不成立。")
    service_name = "objection_reject"
