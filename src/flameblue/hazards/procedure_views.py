"""The 第二十一条 procedure on the hazard page: record the handling opinion and its report to the government,
issue the 重大火灾隐患整改通知书 and download it as Word. Services decide (``hazards/procedure.py``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from flameblue.core.http import DOCX_CONTENT_TYPE, attachment_response
from flameblue.core.service_errors import run_service
from flameblue.hazards import procedure
from flameblue.hazards.views import HazardDetailView
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization

__all__ = ["MajorNoticeDocxView", "MajorNoticeForm", "MajorNoticeIssueView", "OpinionForm", "OpinionView"]


class OpinionForm(forms.Form):
    opinion = forms.CharField(label=_("处理意见"), widget=forms.Textarea(attrs={"rows": 3}))
    government = forms.ModelChoiceField(
        label=_("书面报告的人民政府"),
        queryset=Organization.objects.filter(kind=OrgKind.GOVERNMENT),
        required=False,
    )
    report_number = forms.CharField(label=_("报告文号"), max_length=80, required=False)
    experts_convened = forms.BooleanField(label=_("已组织专家论证（期限延长十个工作日）"), required=False)


class MajorNoticeForm(forms.Form):
    deadline = forms.DateField(label=_("整改期限"), widget=forms.DateInput(attrs={"type": "date"}))


def procedure_forms(hazard: Any, user: Any) -> dict[str, forms.Form]:
    """The forms the hazard page shows for its 第二十一条 procedure, when there is one."""
    proc = getattr(hazard, "major_procedure", None)
    if proc is None:
        return {}
    found: dict[str, forms.Form] = {}
    if proc.opinion_at is None:
        found["opinion"] = OpinionForm()
    if proc.notice_issued_at is None and proc.determined_on is not None:
        found["major_notice"] = MajorNoticeForm()
    return found


class _ProcedureMixin(HazardDetailView):
    action = "confirm"
    http_method_names = ["post"]

    def procedure(self) -> Any:
        proc = getattr(self.object, "major_procedure", None)
        if proc is None:
            raise Http404
        return proc

    def done(self, message: str) -> HttpResponseRedirect:
        messages.success(self.request, message)
        return HttpResponseRedirect(reverse("hazards:hazard-detail", kwargs={"pk": self.object.pk}))


class OpinionView(_ProcedureMixin):
    def post(self, request, *args: Any, **kwargs: Any):
        self.object = self.get_object()
        proc = self.procedure()
        form = OpinionForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            _result, status = run_service(request, lambda: procedure.procedure_opinion(
                proc=proc, by=request.user, opinion=data["opinion"], government=data["government"],
                report_number=data["report_number"], experts_convened=data["experts_convened"],
            ), form=form)  # fmt: skip
            if status is None:
                return self.done(str(_("处理意见已记录。")))
        return self.render_to_response(
            self.get_context_data(object=self.object, opinion_form=form), status=400
        )


class MajorNoticeIssueView(_ProcedureMixin):
    def post(self, request, *args: Any, **kwargs: Any):
        self.object = self.get_object()
        proc = self.procedure()
        form = MajorNoticeForm(request.POST)
        if form.is_valid():
            _result, status = run_service(
                request,
                lambda: procedure.major_notice_issue(
                    proc=proc, by=request.user, deadline=form.cleaned_data["deadline"]
                ),
                form=form,
            )
            if status is None:
                return self.done(str(_("重大火灾隐患整改通知书已签发。")))
        context = self.get_context_data(object=self.object, major_notice_form=form)
        return self.render_to_response(context, status=400)


class MajorNoticeDocxView(HazardDetailView):
    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        hazard = self.get_object()
        proc = getattr(hazard, "major_procedure", None)
        if proc is None or proc.notice_issued_at is None:
            raise Http404
        data = procedure.major_notice_docx(proc, by=request.user)
        return attachment_response(data, f"{proc.notice_number}.docx", DOCX_CONTENT_TYPE)
