"""Pages of special campaigns: the list (and its Excel export), preparing a campaign, its page with phases,
assignments, progress by township and by assignee and the target list, launching and closing it, adding a
target or an assignment, and the weekly progress report. Every page reads through ``visible_to`` (out of
scope is 404) and writes through one service; refusals come back on the form through ``run_service``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.db.models import Count
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from flameblue.campaigns import services, work
from flameblue.campaigns.choices import CampaignStatus
from flameblue.campaigns.filters import CampaignFilter
from flameblue.campaigns.forms import (
    AssignmentForm,
    CampaignEditForm,
    CampaignForm,
    LaunchForm,
    RecordForm,
    TargetAddForm,
)
from flameblue.campaigns.models import Campaign, CampaignRecord, CampaignTarget
from flameblue.campaigns.reports import weekly_report_docx, weekly_report_xlsx
from flameblue.campaigns.selectors import progress
from flameblue.core import audit
from flameblue.core.exports import xlsx_response
from flameblue.core.http import DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE, attachment_response
from flameblue.core.scoping import has_action
from flameblue.core.service_errors import deny, run_service
from flameblue.core.views import (
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedMixin,
    ScopedObjectMixin,
)
from flameblue.inspections.models import Inspection

__all__ = [
    "AssignmentAddView",
    "CampaignCloseView",
    "CampaignCreateView",
    "CampaignDetailView",
    "CampaignEditView",
    "CampaignExportView",
    "CampaignLaunchView",
    "CampaignListView",
    "TargetAddView",
    "TargetInspectView",
    "TargetRecordView",
    "WeeklyReportDocxView",
    "WeeklyReportView",
]


def _may(user: Any, action: str, campaign: Campaign) -> bool:
    return Campaign.objects.visible_to(user, action).filter(pk=campaign.pk).exists()


class CampaignListView(ScopedListView):
    model = Campaign
    filterset_class = CampaignFilter
    template_name = "campaigns/campaign_list.html"
    partial_template_name = "campaigns/_campaign_table.html"

    def get_queryset(self):
        return super().get_queryset().select_related("organiser").annotate(n_targets=Count("targets"))


class CampaignExportView(ScopedMixin, generic.View):
    """The filtered campaign list as Excel (same filter as the page), audited as an export."""

    model = Campaign

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        queryset = Campaign.objects.visible_to(request.user).select_related("organiser")
        queryset = CampaignFilter(request.GET or None, queryset=queryset, request=request).qs
        rows = [
            [c.name, c.get_level_display(), c.organiser.name, c.starts_on, c.ends_on, c.get_status_display(),
             c.n_targets, c.target_checked, c.target_rectified]
            for c in queryset.annotate(n_targets=Count("targets"))
        ]  # fmt: skip
        headers = [_("整治名称"), _("级别"), _("组织单位"), _("开始日期"), _("结束日期"), _("状态"), _("整治对象"),
                   _("检查单位目标数"), _("整改隐患目标数")]  # fmt: skip
        name = _("专项整治")
        filters = {k: v for k, v in request.GET.items() if v and k != "page"}
        audit.record(audit.AuditAction.EXPORT, by=request.user, object_type="campaigns.campaign",
                     object_repr=name, changes={"rows": len(rows), "filters": filters})  # fmt: skip
        return xlsx_response(f"{name}_{timezone.localtime():%Y%m%d_%H%M}.xlsx", headers, rows, title=name)


class CampaignCreateView(ScopedCreateView):
    model = Campaign
    form_class = CampaignForm
    template_name = "campaigns/campaign_form.html"
    success_message = gettext_lazy("专项整治已创建，可分配任务并在核对范围后启动。")

    def get_initial(self) -> dict[str, Any]:
        start = timezone.localdate()
        end = start + dt.timedelta(days=89)
        phases = services.standard_phases(start, end)
        return {"starts_on": start, "ends_on": end,
                "phases": "\n".join(f"{p['name']} {p['starts_on']} {p['ends_on']}" for p in phases)}  # fmt: skip

    def perform(self, form: CampaignForm) -> Campaign:
        return services.campaign_create(by=self.request.user, **form.cleaned_data)

    def get_success_url(self) -> str:
        return reverse("campaigns:campaign-detail", kwargs={"pk": self.object.pk})


class CampaignEditView(ScopedDetailView):
    """修改 a campaign in preparation; a stale version comes back as a form error (409)."""

    model = Campaign
    action = "change"
    template_name = "campaigns/campaign_form.html"

    def _render(self, form: CampaignEditForm, status: int = 200):
        return self.render_to_response(self.get_context_data(form=form), status=status)

    def get(self, request, *args: Any, **kwargs: Any):
        self.object = self.get_object()
        return self._render(CampaignEditForm(campaign=self.object, user=request.user))

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = campaign = self.get_object()
        form = CampaignEditForm(request.POST, campaign=campaign, user=request.user)
        status = 400
        if form.is_valid():
            _result, status = run_service(
                request, lambda: services.campaign_update(campaign, by=request.user, **form.service_kwargs()),
                form=form,
            )  # fmt: skip
            if status is None:
                messages.success(request, _("已保存。"))
                return HttpResponseRedirect(reverse("campaigns:campaign-detail", kwargs={"pk": campaign.pk}))
        return self._render(form, status)


class CampaignDetailView(ScopedDetailView):
    model = Campaign
    template_name = "campaigns/campaign_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("organiser", "region")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        campaign, user = self.object, self.request.user
        may_change = _may(user, "change", campaign)
        may_launch = _may(user, "launch", campaign)
        launched = campaign.status == CampaignStatus.LAUNCHED
        context.update(
            phases=campaign.phases.order_by("number"),
            assignments=campaign.assignments.select_related("assignee").order_by("id"),
            scope_place_types=campaign.scope_place_types.all(),
            scope_risk_tags=campaign.scope_risk_tags.all(),
            scope_regions=campaign.scope_regions.all(),
            progress=progress(campaign, user) if campaign.status != CampaignStatus.DRAFT else None,
            scope_industries=campaign.scope_industries.all(),
            scope_units=campaign.scope_units.all()[:50],
            may_inspect=launched and has_action(user, Inspection, "add"),
            may_record=launched and has_action(user, CampaignRecord, "view"),
            today=timezone.localdate(),
            launch_form=LaunchForm(initial={"version": campaign.version}) if may_launch else None,
            may_launch=may_launch and campaign.status == CampaignStatus.DRAFT,
            may_edit=may_change and campaign.status == CampaignStatus.DRAFT,
            may_close=may_launch and launched,
            assignment_form=kwargs.get("assignment_form")
            or (
                AssignmentForm(campaign=campaign, user=user)
                if may_change and campaign.status != "closed"
                else None
            ),
            target_form=kwargs.get("target_form")
            or (TargetAddForm(campaign=campaign, user=user) if may_change and launched else None),
        )
        return context


class _CampaignPostView(CampaignDetailView):
    """POST only: one action on the campaign; errors re-show the campaign page with the input kept."""

    http_method_names = ["post"]
    form_name = ""
    done_message = ""

    def form(self, request, campaign: Campaign):  # pragma: no cover - abstract
        raise NotImplementedError

    def call(self, request, campaign: Campaign, data: dict[str, Any]):  # pragma: no cover - abstract
        raise NotImplementedError

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = campaign = self.get_object()
        form = self.form(request, campaign)
        status = 400
        if form.is_valid():
            _result, status = run_service(
                request, lambda: self.call(request, campaign, form.cleaned_data), form=form
            )
            if status is None:
                messages.success(request, self.done_message)
                return HttpResponseRedirect(reverse("campaigns:campaign-detail", kwargs={"pk": campaign.pk}))
        if not self.form_name:
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
        context = self.get_context_data(object=campaign, **({self.form_name: form} if self.form_name else {}))
        return self.render_to_response(context, status=status)


class CampaignLaunchView(_CampaignPostView):
    action = "launch"
    done_message = gettext_lazy("专项整治已启动，整治对象名单已确定。")

    def form(self, request, campaign):
        return LaunchForm(request.POST)

    def call(self, request, campaign, data):
        return services.campaign_launch(
            campaign=campaign, by=request.user, expected_version=data.get("version")
        )


class CampaignCloseView(CampaignLaunchView):
    done_message = gettext_lazy("专项整治已结束。")

    def call(self, request, campaign, data):
        return services.campaign_close(
            campaign=campaign, by=request.user, expected_version=data.get("version")
        )


class AssignmentAddView(_CampaignPostView):
    action = "change"
    form_name = "assignment_form"
    done_message = gettext_lazy("任务已分配。")

    def form(self, request, campaign):
        return AssignmentForm(request.POST, campaign=campaign, user=request.user)

    def call(self, request, campaign, data):
        return services.assignment_add(campaign=campaign, by=request.user, **data)


class TargetAddView(_CampaignPostView):
    action = "change"
    form_name = "target_form"
    done_message = gettext_lazy("已补充整治对象。")

    def form(self, request, campaign):
        return TargetAddForm(request.POST, campaign=campaign, user=request.user)

    def call(self, request, campaign, data):
        return services.target_add(campaign=campaign, by=request.user, **data)


class WeeklyReportView(ScopedDetailView):
    """周报 (Excel), counted now over what the user may see; audited as an export."""

    model = Campaign
    build = staticmethod(weekly_report_xlsx)
    extension, content_type = "xlsx", XLSX_CONTENT_TYPE

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        campaign = self.get_object()
        today = timezone.localdate()
        content = self.build(campaign, request.user, today)
        audit.record(audit.AuditAction.EXPORT, by=request.user, obj=campaign, object_repr=_("专项整治周报"),
                     changes={"as_of": today.isoformat(), "format": self.extension})  # fmt: skip
        return attachment_response(
            content, f"{campaign.name}_{_('周报')}_{today:%Y%m%d}.{self.extension}", self.content_type
        )


class WeeklyReportDocxView(WeeklyReportView):
    """周报 (Word): the same figures as the Excel one."""

    build = staticmethod(weekly_report_docx)
    extension, content_type = "docx", DOCX_CONTENT_TYPE


class _TargetMixin(ScopedObjectMixin):
    """One target of the campaign in the URL, looked up in the user's scope (404 outside it)."""

    model = CampaignTarget

    def get_object(self, queryset=None) -> CampaignTarget:
        targets = CampaignTarget.objects.visible_to(self.request.user).select_related("campaign", "unit")
        return get_object_or_404(targets, campaign_id=self.kwargs["pk"], pk=self.kwargs["target_pk"])


class TargetInspectView(_TargetMixin, generic.View):
    """开始检查 of one target from the campaign page: the campaign's checklist, the inspection carrying the
    campaign; the inspector lands on the inspection form (their own draft is resumed)."""

    http_method_names = ["post"]

    def dispatch(self, request, *args: Any, **kwargs: Any):
        if request.user.is_authenticated and not has_action(request.user, Inspection, "add"):
            raise deny(request)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        target = self.get_object()
        inspection, status = run_service(
            request, lambda: work.target_inspection_start(target=target, by=request.user)
        )
        if status is not None:
            return HttpResponseRedirect(
                reverse("campaigns:campaign-detail", kwargs={"pk": target.campaign_id})
            )
        return HttpResponseRedirect(reverse("inspections:inspection-form", kwargs={"pk": inspection.pk}))


class TargetRecordView(_TargetMixin, generic.TemplateView):
    """整治情况登记 of one target: the campaign's facts and extra check items; the campaign's inspections of
    the unit are listed beside them."""

    model = CampaignRecord
    template_name = "campaigns/target_record.html"

    def _page(self, form: RecordForm | None = None, status: int = 200) -> HttpResponse:
        target = self.target
        record = CampaignRecord.objects.filter(target=target).first()
        form = form or RecordForm(campaign=target.campaign, record=record)
        inspections = (
            work.campaign_inspections(target.campaign, Inspection.objects.visible_to(self.request.user))
            .filter(unit_id=target.unit_id).select_related("inspector").order_by("-inspected_on", "-pk")
        )  # fmt: skip
        may_record = target.campaign.status == CampaignStatus.LAUNCHED and has_action(
            self.request.user, CampaignRecord, "change"
        )
        context = self.get_context_data(
            target=target, campaign=target.campaign, form=form, record=record, inspections=inspections,
            may_record=may_record and bool(form.fields.keys() - {"version"}),
        )  # fmt: skip
        return self.render_to_response(context, status=status)

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        self.target = self.get_object()
        return self._page()

    def post(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        self.target = target = self.get_object()
        if not has_action(request.user, CampaignRecord, "change"):
            raise deny(request)
        form = RecordForm(request.POST, campaign=target.campaign)
        status = 400
        if form.is_valid():
            _result, status = run_service(
                request, lambda: work.record_save(target=target, by=request.user, **form.service_kwargs()),
                form=form,
            )  # fmt: skip
            if status is None:
                messages.success(request, _("整治情况已登记。"))
                return HttpResponseRedirect(
                    reverse("campaigns:campaign-detail", kwargs={"pk": target.campaign_id}) + "#targets"
                )
        return self._page(form, status)
