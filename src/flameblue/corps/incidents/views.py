"""Pages of incidents (警情) and case reviews (战例研讨): lists through ``visible_to`` and the one filter
definition, counts by type and county, an audited Excel export, and one service per write."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from flameblue.core import audit
from flameblue.core.exports import xlsx_response
from flameblue.core.scoping import has_action
from flameblue.core.service_errors import deny
from flameblue.core.views import (
    ObjectFormView,
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedMixin,
)
from flameblue.corps.incidents import services
from flameblue.corps.incidents.filters import CaseReviewFilter, IncidentFilter, ReviewActionFilter
from flameblue.corps.incidents.forms import ActionAddForm, CaseReviewForm, IncidentForm
from flameblue.corps.incidents.models import CaseReview, Incident, ReviewAction
from flameblue.corps.incidents.selectors import incident_counts

__all__ = [
    "IncidentCreateView", "IncidentDetailView", "IncidentEditView", "IncidentExportView", "IncidentListView",
    "IncidentStatsView", "ReviewActionAddView", "ReviewActionListView", "ReviewCreateView", "ReviewDetailView",
    "ReviewListView",
]  # fmt: skip


class IncidentListView(ScopedListView):
    model = Incident
    filterset_class = IncidentFilter
    template_name = "corps/incidents/incident_list.html"
    partial_template_name = "corps/incidents/_incident_table.html"

    def get_queryset(self):
        return super().get_queryset().select_related("region")


class IncidentStatsView(ScopedListView):
    """警情统计: counts by type and by county of the filtered incidents."""

    model = Incident
    filterset_class = IncidentFilter
    template_name = "corps/incidents/incident_stats.html"
    partial_template_name = "corps/incidents/_stats.html"
    paginate_by = None

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(object_list=[], **kwargs)
        context["counts"] = incident_counts(self.object_list)
        return context


EXPORT_HEADERS = [gettext_lazy("简称"), gettext_lazy("警情类型"), gettext_lazy("接警时间"), gettext_lazy("到场时间"),
                  gettext_lazy("区划"), gettext_lazy("地址"), gettext_lazy("纬度"), gettext_lazy("经度"),
                  gettext_lazy("出动单位"), gettext_lazy("出动车辆"), gettext_lazy("出动人员"), gettext_lazy("营救人员"),
                  gettext_lazy("死亡人数"), gettext_lazy("受伤人数"), gettext_lazy("直接财产损失（元）"),
                  gettext_lazy("简要经过")]  # fmt: skip


class IncidentExportView(ScopedMixin, generic.View):
    """The filtered incident list as Excel (the list's filter), audited as an export."""

    model = Incident
    action = "export"

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        queryset = Incident.objects.visible_to(request.user, "export").select_related("region")
        queryset = IncidentFilter(request.GET or None, queryset=queryset, request=request).qs
        rows = [
            [i.title, i.get_kind_display(), i.called_at, i.arrived_at, i.region.name, i.address, i.lat, i.lng,
             "、".join(s.short_name or s.name for s in i.stations.all()), i.vehicles, i.personnel, i.rescued,
             i.deaths, i.injuries, float(i.direct_loss), i.narrative]
            for i in queryset.prefetch_related("stations")[:50000]
        ]  # fmt: skip
        name = _("警情")
        filters = {k: v for k, v in request.GET.items() if v and k != "page"}
        audit.record(audit.AuditAction.EXPORT, by=request.user, object_type="corps.incident", object_repr=name,
                     changes={"rows": len(rows), "filters": filters})  # fmt: skip
        return xlsx_response(f"{name}_{timezone.localtime():%Y%m%d_%H%M}.xlsx", [str(h) for h in EXPORT_HEADERS],
                             rows, title=name)  # fmt: skip


class IncidentDetailView(ScopedDetailView):
    model = Incident
    template_name = "corps/incidents/incident_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("region")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["reviews"] = CaseReview.objects.visible_to(self.request.user).filter(incident=self.object)
        return context


class IncidentCreateView(ScopedCreateView):
    model = Incident
    form_class = IncidentForm
    template_name = "corps/b_form.html"
    success_message = gettext_lazy("警情已登记。")
    extra_context = {"heading": gettext_lazy("登记警情"), "cancel": "corps:incident-list"}

    def perform(self, form: IncidentForm) -> Incident:
        return services.incident_create(by=self.request.user, data=form.service_data())

    def get_success_url(self) -> str:
        return self.object.get_absolute_url()


class IncidentEditView(ObjectFormView):
    model = Incident
    action = "change"
    form_class = IncidentForm
    template_name = "corps/b_form.html"
    extra_context = {"heading": gettext_lazy("修改警情"), "cancel": "corps:incident-list"}

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": self.request.user, "instance": self.object}

    def perform(self, form: IncidentForm) -> Incident:
        return services.incident_update(self.object, by=self.request.user, data=form.service_data(),
                                        expected_version=form.expected_version)  # fmt: skip

    def done(self, result: Incident):
        messages.success(self.request, _("已保存。"))
        return HttpResponseRedirect(result.get_absolute_url())


class ReviewListView(ScopedListView):
    model = CaseReview
    filterset_class = CaseReviewFilter
    template_name = "corps/incidents/review_list.html"
    partial_template_name = "corps/incidents/_review_table.html"

    def get_queryset(self):
        return super().get_queryset().select_related("incident")


class ReviewCreateView(ObjectFormView):
    """组织战例研讨 of the incident on the page (with its first corrective action)."""

    model = Incident
    form_class = CaseReviewForm
    template_name = "corps/b_form.html"
    extra_context = {"heading": gettext_lazy("组织战例研讨"), "cancel": "corps:review-list"}

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not has_action(request.user, CaseReview, "add"):
            raise deny(request)
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        return {"title": _("%(incident)s战例研讨") % {"incident": self.object.title or self.object.get_kind_display()},
                "held_on": timezone.localdate()}  # fmt: skip

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": self.request.user}

    def perform(self, form: CaseReviewForm) -> CaseReview:
        return services.review_create(by=self.request.user, incident=self.object, **form.service_kwargs())

    def done(self, result: CaseReview):
        messages.success(self.request, _("战例研讨已记录。"))
        return HttpResponseRedirect(result.get_absolute_url())


class ReviewDetailView(ScopedDetailView):
    model = CaseReview
    template_name = "corps/incidents/review_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("incident__region")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["actions"] = (
            ReviewAction.objects.visible_to(user).filter(review=self.object).select_related("owner")
        )
        context["participants"] = self.object.participants.select_related("organization").order_by("name")
        if has_action(user, ReviewAction, "add"):
            context["action_form"] = ActionAddForm(user=user)
        return context


class ReviewActionAddView(ObjectFormView):
    model = CaseReview
    action = "change"
    form_class = ActionAddForm
    template_name = "corps/b_form.html"
    http_method_names = ["post"]
    extra_context = {"heading": gettext_lazy("添加整改措施"), "cancel": "corps:review-list"}

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": self.request.user}

    def perform(self, form: ActionAddForm) -> ReviewAction:
        return services.review_add_action(by=self.request.user, review=self.object, **form.cleaned_data)

    def done(self, result: ReviewAction):
        messages.success(self.request, _("整改措施已添加。"))
        return HttpResponseRedirect(reverse("corps:review-detail", kwargs={"pk": result.review_id}))


class ReviewActionListView(ScopedListView):
    """战例研讨整改措施: every corrective action in scope, filtered by status and overdue."""

    model = ReviewAction
    filterset_class = ReviewActionFilter
    template_name = "corps/incidents/action_list.html"
    partial_template_name = "corps/rectification/_action_results.html"
    extra_context = {"url_name": "corps:review-action-detail"}

    def get_queryset(self):
        return super().get_queryset().select_related("owner", "review")
