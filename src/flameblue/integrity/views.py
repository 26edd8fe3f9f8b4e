"""Pages of the integrity app. Every page fetches through ``visible_to``; declarations and drinking reports
are restricted to their owner and the discipline officers, and each read of one (its page, or a list showing
it) is written to the audit trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from flameblue.core import audit
from flameblue.core.exports import xlsx_response
from flameblue.core.scoping import has_action
from flameblue.core.service_errors import deny, run_service
from flameblue.core.views import ScopedCreateView, ScopedDetailView, ScopedListView, ScopedMixin
from flameblue.integrity import forms, services
from flameblue.integrity.choices import DrinkingStatus
from flameblue.integrity.models import DrinkingReport, LiaisonPoint, LiaisonVisit, RelativeBusiness
from flameblue.integrity.policy import obligation_policy
from flameblue.integrity.selectors import liaison_due_list, member_compliance, record_read


class AuditedListMixin:
    """A list of restricted records: the rows shown are a read, recorded as one audit event."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        shown = [obj.pk for obj in context["object_list"]]
        if shown:
            audit.record(
                audit.AuditAction.REVEAL, by=self.request.user, object_type=self.model._meta.label_lower,
                object_repr=str(self.model._meta.verbose_name), changes={"ids": shown}, reason=_("查阅廉政记录"),
            )  # fmt: skip
        context["may_add"] = has_action(self.request.user, self.model, "add")
        context["may_export"] = has_action(self.request.user, self.model, "export")
        return context


class AuditedDetailMixin:
    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        record_read(obj, by=self.request.user)
        return obj


# ------------------------------------------------------------------------------------ liaison points


class PointListView(ScopedListView):
    model = LiaisonPoint
    template_name = "integrity/point_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("member", "organization")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["may_add"] = has_action(self.request.user, LiaisonPoint, "add")
        return context


class PointCreateView(ScopedCreateView):
    model = LiaisonPoint
    form_class = forms.LiaisonPointForm
    template_name = "core/form.html"
    success_message = gettext_lazy("联系点已确定。")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(model_name=LiaisonPoint._meta.verbose_name, cancel_url=reverse("integrity:point-list"))
        return context

    def perform(self, form):
        return services.liaison_point_create(by=self.request.user, **form.cleaned_data)

    def get_success_url(self) -> str:
        return reverse("integrity:point-detail", kwargs={"pk": self.object.pk})


class PointDetailView(ScopedDetailView):
    model = LiaisonPoint
    template_name = "integrity/point_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("member", "organization")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["visits"] = self.object.visits.order_by("-visited_on", "-id")
        if has_action(user, LiaisonVisit, "add"):
            context["visit_form"] = kwargs.get("visit_form") or forms.VisitForm(user=user)
        return context


class VisitLogView(PointDetailView):
    """POST only: log a visit; errors re-show the point page with the input kept."""

    http_method_names = ["post"]

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = point = self.get_object()
        if not has_action(request.user, LiaisonVisit, "add"):
            raise deny(request)
        form = forms.VisitForm(request.POST, user=request.user)
        status = 400
        if form.is_valid():
            _result, status = run_service(
                request,
                lambda: services.liaison_visit_log(by=request.user, point=point, **form.cleaned_data),
                form=form,
            )
            if status is None:
                messages.success(request, _("蹲点记录已登记。"))
                return HttpResponseRedirect(reverse("integrity:point-detail", kwargs={"pk": point.pk}))
        context = self.get_context_data(object=point, visit_form=form)
        return self.render_to_response(context, status=status)


class LiaisonDueView(ScopedMixin, generic.TemplateView):
    """蹲点应办清单: each liaison point against each obligation for the period containing a day (today by
    default), and each member's compliance."""

    model = LiaisonPoint
    template_name = "integrity/liaison_due.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        on: dt.date = parse_date(self.request.GET.get("on") or "") or timezone.localdate()
        rows = liaison_due_list(self.scoped_queryset("view"), on=on)
        context.update(on=on, rows=rows, members=member_compliance(rows), policy=obligation_policy())
        return context


# -------------------------------------------------------------------------------------- declarations


class DeclarationListView(AuditedListMixin, ScopedListView):
    model = RelativeBusiness
    template_name = "integrity/declaration_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("person", "organization", "matched_unit")


class DeclarationDetailView(AuditedDetailMixin, ScopedDetailView):
    model = RelativeBusiness
    template_name = "integrity/declaration_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return (
            super()
            .scoped_queryset(action)
            .select_related("person", "organization", "matched_unit", "township")
        )


class DeclarationExportView(ScopedMixin, generic.View):
    """The declarations of the discipline officer's jurisdiction as Excel. The file carries the reader's name
    and the time (a leaked copy names its reader) and the export is audited with the rows it held."""

    model = RelativeBusiness
    action = "export"

    def get(self, request, *args: Any, **kwargs: Any):
        rows = list(
            RelativeBusiness.objects.visible_to(request.user, "export")
            .select_related("person", "organization", "matched_unit")
            .order_by("-year", "organization_id", "person_id")[:50000]
        )
        user = request.user
        reader = f"{getattr(user.person, 'name', '') or user.get_username()}（{user.get_username()}）"
        stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M")
        table = [[d.year, d.person.name, d.organization.name, d.relative_name, d.get_relation_display(),
                  d.enterprise_name, d.uscc, d.business_scope, getattr(d.matched_unit, "name", ""),
                  d.conflict_reason, d.rules_version] for d in rows]  # fmt: skip
        table.append(
            [
                _("导出人：%(reader)s，导出时间：%(at)s。廉政记录，注意保密。")
                % {"reader": reader, "at": stamp}
            ]
        )
        audit.record(
            audit.AuditAction.EXPORT, by=user, object_type="integrity.relativebusiness",
            object_repr=str(RelativeBusiness._meta.verbose_name), changes={"ids": [d.pk for d in rows]},
        )  # fmt: skip
        headers = [_("年度"), _("申报人"), _("单位"), _("亲属姓名"), _("关系"), _("企业名称"), _("统一社会信用代码"),
                   _("经营范围"), _("对应单位"), _("利益冲突认定"), _("规则版本")]  # fmt: skip
        filename = f"近亲属经商办企业申报-{user.get_username()}-{timezone.localdate():%Y%m%d}.xlsx"
        return xlsx_response(filename, headers, table, title=_("近亲属经商办企业申报"))


class DeclarationCreateView(ScopedCreateView):
    model = RelativeBusiness
    form_class = forms.DeclarationForm
    template_name = "core/form.html"
    success_message = gettext_lazy("申报已提交。")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            model_name=RelativeBusiness._meta.verbose_name, cancel_url=reverse("integrity:declaration-list")
        )
        return context

    def perform(self, form):
        return services.relative_business_declare(by=self.request.user, **form.cleaned_data)

    def get_success_url(self) -> str:
        return reverse("integrity:declaration-detail", kwargs={"pk": self.object.pk})


# ---------------------------------------------------------------------------------- drinking reports


class DrinkingListView(AuditedListMixin, ScopedListView):
    model = DrinkingReport
    template_name = "integrity/drinking_list.html"

    def get_queryset(self):
        qs = super().get_queryset().select_related("person", "organization")
        status = self.request.GET.get("status")
        return qs.filter(status=status) if status in DrinkingStatus.values else qs


class DrinkingDetailView(AuditedDetailMixin, ScopedDetailView):
    model = DrinkingReport
    template_name = "integrity/drinking_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("person", "organization")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        report, user = self.object, self.request.user
        may_decide = (
            report.status == DrinkingStatus.SUBMITTED
            and report.person_id != getattr(user, "person_id", None)
            and DrinkingReport.objects.visible_to(user, "decide").filter(pk=report.pk).exists()
        )
        if may_decide:
            context["decide_form"] = kwargs.get("decide_form") or forms.DrinkingDecideForm(obj=report)
        context["transitions"] = report.transitions.select_related("by").order_by("at", "id")
        return context


class DrinkingCreateView(ScopedCreateView):
    model = DrinkingReport
    form_class = forms.DrinkingReportForm
    template_name = "core/form.html"
    success_message = gettext_lazy("饮酒报备已提交，等待审批。")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            model_name=DrinkingReport._meta.verbose_name, cancel_url=reverse("integrity:drinking-list")
        )
        return context

    def perform(self, form):
        return services.drinking_report(by=self.request.user, **form.cleaned_data)

    def get_success_url(self) -> str:
        return reverse("integrity:drinking-detail", kwargs={"pk": self.object.pk})


class DrinkingDecideView(DrinkingDetailView):
    """POST only: approve or refuse; errors re-show the report with the input kept."""

    http_method_names = ["post"]
    action = "decide"

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = report = self.get_object()
        form = forms.DrinkingDecideForm(request.POST, obj=report)
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            _result, status = run_service(
                request,
                lambda: services.drinking_decide(
                    report=report, by=request.user, approve=data["approve"], note=data["note"],
                    expected_version=data.get("version"),
                ),
                form=form,
            )  # fmt: skip
            if status is None:
                messages.success(request, _("已审批。"))
                return HttpResponseRedirect(reverse("integrity:drinking-detail", kwargs={"pk": report.pk}))
            report.refresh_from_db()
        context = self.get_context_data(object=report, decide_form=form)
        return self.render_to_response(context, status=status)
