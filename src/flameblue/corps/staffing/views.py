"""Pages of the roster's history and the rotations: edit an entry, change a duty status, transfer, reveal
a full record along the chain of command, and the rotations (list, nominate, detail, approve, refuse,
evaluate). Reads through ``visible_to`` (the corps chain); each write through one service."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from flameblue.core.views import ObjectFormView, ScopedCreateView, ScopedDetailView, ScopedListView
from flameblue.corps.models import RosterEntry
from flameblue.corps.staffing import forms, services
from flameblue.corps.staffing.choices import RotationStatus
from flameblue.corps.staffing.filters import RotationFilter
from flameblue.corps.staffing.models import Rotation

__all__ = [
    "RosterEditView",
    "RosterRevealView",
    "RosterStatusView",
    "RosterTransferView",
    "RotationDecideView",
    "RotationDetailView",
    "RotationListView",
    "RotationNominateView",
]


class StepView(ObjectFormView):
    """One step on one record: the form gets the record (for its version), the service does the write,
    then back to the record's page with a message."""

    template_name = "corps/staffing/step.html"
    heading = ""
    done_message = _("已保存。")
    detail_url_name = ""
    service_name = ""

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "obj": self.object, "user": self.request.user}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(heading=self.heading, detail_url_name=self.detail_url_name, **kwargs)

    def perform(self, form):
        return getattr(services, self.service_name)(
            self.object, by=self.request.user, **form.service_kwargs()
        )

    def done(self, result):
        messages.success(self.request, self.done_message)
        return HttpResponseRedirect(reverse(self.detail_url_name, kwargs={"pk": result.pk}))


class RosterStep(StepView):
    model = RosterEntry
    detail_url_name = "corps:roster-detail"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("person", "station")


class RosterEditView(RosterStep):
    action = "change"
    form_class = forms.RosterEditForm
    heading = _("修改名册信息")
    service_name = "roster_update"


class RosterStatusView(RosterStep):
    action = "change"
    form_class = forms.StatusForm
    heading = _("变更在岗状态")
    done_message = _("状态已变更，已记入状态变动记录。")
    service_name = "roster_set_status"


class RosterTransferView(RosterStep):
    action = "transfer"
    form_class = forms.TransferForm
    heading = _("人员调动")
    done_message = _("已调动，任职经历已更新。")
    service_name = "roster_transfer"


class RosterRevealView(RosterStep):
    """Full phone and ID number, shown once on this response, for the chain of command only (audited)."""

    action = "reveal"
    form_class = forms.RevealForm
    heading = _("查看完整个人信息")
    template_name = "corps/staffing/reveal.html"

    def perform(self, form):
        return services.roster_reveal(self.object, by=self.request.user, reason=form.cleaned_data["reason"])

    def done(self, result):
        response = render(self.request, self.template_name, {"object": self.object, "revealed": result})
        response["Cache-Control"] = "no-store"
        return response


# ------------------------------------------------------------------------------------------- rotations
class RotationListView(ScopedListView):
    model = Rotation
    filterset_class = RotationFilter
    template_name = "corps/staffing/rotation_list.html"
    partial_template_name = "corps/staffing/_rotation_table.html"

    def get_queryset(self):
        return super().get_queryset().select_related("entry__person", "station", "hq_office")


class RotationNominateView(ScopedCreateView):
    model = Rotation
    form_class = forms.NominateForm
    template_name = "corps/form.html"
    success_message = _("已推荐，待支队审批。")
    extra_context = {"heading": _("推荐驻训培育人员"), "cancel": "corps:rotation-list"}

    def get_initial(self) -> dict[str, Any]:
        entry = self.request.GET.get("entry", "")
        return {"entry": int(entry)} if entry.isdigit() else {}

    def perform(self, form) -> Rotation:
        return services.rotation_nominate(by=self.request.user, **form.cleaned_data)

    def get_success_url(self) -> str:
        return reverse("corps:rotation-detail", kwargs={"pk": self.object.pk})


class RotationDetailView(ScopedDetailView):
    model = Rotation
    template_name = "corps/staffing/rotation_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("entry__person", "station", "hq_office")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        rows = self.object.transitions.select_related("by").order_by("at", "id")
        context["timeline"] = [(t, RotationStatus(t.to_status).label) for t in rows]
        return context


class RotationDecideView(StepView):
    model = Rotation
    detail_url_name = "corps:rotation-detail"


class RotationApproveView(RotationDecideView):
    action = "decide"
    form_class = forms.ApproveForm
    heading = _("批准驻训")
    done_message = _("已批准驻训。")
    service_name = "rotation_approve"


class RotationRefuseView(RotationDecideView):
    action = "decide"
    form_class = forms.NoteForm
    heading = _("不予批准")
    done_message = _("已不予批准。")
    service_name = "rotation_refuse"


class RotationEvaluateView(RotationDecideView):
    action = "evaluate"
    form_class = forms.EvaluateForm
    heading = _("驻训期满考评")
    done_message = _("考评已记录。")
    service_name = "rotation_evaluate"
