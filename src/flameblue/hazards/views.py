"""Hazard pages: list (filters, Excel export, map), detail with timeline and one POST URL per move, report
form, notices (list, detail, Word download, template replacement) and a unit manager's own open hazards."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from flameblue.core import audit
from flameblue.core.documents import template_replace
from flameblue.core.exports import xlsx_response
from flameblue.core.http import DOCX_CONTENT_TYPE, attachment_response
from flameblue.core.notify_models import DocumentTemplate
from flameblue.core.scoping import has_action
from flameblue.core.service_errors import run_service
from flameblue.core.views import (
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedMixin,
    deny,
)
from flameblue.hazards import selectors, services
from flameblue.hazards.choices import HazardStatus
from flameblue.hazards.filters import HazardFilter, NoticeFilter
from flameblue.hazards.forms import MOVE_FORMS, HazardReportForm, NoticeTemplateForm
from flameblue.hazards.models import Hazard, Notice
from flameblue.hazards.notices import DOCUMENT_CODE, notice_docx
from flameblue.hazards.services import TRANSITION_ACTIONS

ECHARTS = Path(__file__).resolve().parent.parent / "static" / "vendor" / "echarts" / "echarts.min.js"


# ----------------------------------------------------------------------------------------------- hazards


class HazardListView(ScopedListView):
    model = Hazard
    filterset_class = HazardFilter
    template_name = "hazards/hazard_list.html"
    partial_template_name = "hazards/_hazard_table.html"

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "region__parent", "notice")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["can_add"] = has_action(self.request.user, Hazard, "add")
        context["today"] = timezone.localdate()
        return context


class HazardExportView(ScopedMixin, generic.View):
    """The filtered list as Excel (same filter as the page), audited as an export."""

    model = Hazard

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        queryset = selectors.hazards_for_list(request.user)
        filterset = HazardFilter(request.GET or None, queryset=queryset, request=request)
        rows = [
            [h.pk, h.unit.name, h.region.name, h.location, h.description, h.get_source_display(),
             h.get_grade_display(), h.get_status_display(), h.deadline, h.notice.number if h.notice else "",
             h.found_at, h.closed_at]
            for h in filterset.qs[:50000]
        ]  # fmt: skip
        headers = [_("编号"), _("单位"), _("所在乡镇"), _("隐患部位"), _("隐患描述"), _("来源"), _("等级"),
                   _("状态"), _("整改期限"), _("通知书文号"), _("发现时间"), _("销案时间")]  # fmt: skip
        filters = {k: v for k, v in request.GET.items() if v and k != "page"}
        audit.record(audit.AuditAction.EXPORT, by=request.user, object_type="hazards.hazard",
                     object_repr=_("火灾隐患清单"), changes={"rows": len(rows), "filters": filters})  # fmt: skip
        return xlsx_response(
            f"火灾隐患_{timezone.localtime():%Y%m%d_%H%M}.xlsx", headers, rows, title=_("火灾隐患")
        )


class HazardMapView(ScopedMixin, generic.TemplateView):
    model = Hazard
    template_name = "hazards/hazard_map.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        filterset = HazardFilter(
            self.request.GET or None, queryset=Hazard.objects.none(), request=self.request
        )
        context.update(
            filterset=filterset, has_echarts=ECHARTS.exists(), querystring=self.request.GET.urlencode()
        )
        return context


class HazardMapPointsView(ScopedMixin, generic.View):
    """JSON points for the map: the same filter, the user's scope only."""

    model = Hazard

    def get(self, request, *args: Any, **kwargs: Any) -> JsonResponse:
        queryset = Hazard.objects.visible_to(request.user, "view")
        filterset = HazardFilter(request.GET or None, queryset=queryset, request=request)
        unlocated = filterset.qs.filter(Q(unit__latitude__isnull=True) | Q(unit__longitude__isnull=True))
        return JsonResponse({"points": selectors.map_points(filterset.qs), "unlocated": unlocated.count()})


class HazardDetailView(ScopedDetailView):
    model = Hazard
    template_name = "hazards/hazard_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return (
            super()
            .scoped_queryset(action)
            .select_related(
                "unit", "region__parent", "brigade", "notice", "responsible_person", "found_by", "industry"
            )
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        hazard, user = self.object, self.request.user
        moves = selectors.available_moves(hazard, user)
        forms = {move: MOVE_FORMS[move](hazard=hazard, user=user) for move in moves}
        forms.update(kwargs.get("bound_forms", {}))
        context.update(
            timeline=selectors.hazard_timeline(hazard),
            photos=selectors.hazard_photos(hazard),
            moves=moves,
            move_forms=forms,
            overdue=hazard.is_overdue(),
            procedure=getattr(hazard, "major_procedure", None),
            procedure_forms=_procedure_forms(hazard, user, kwargs),
            can_view_notice=hazard.notice_id is not None
            and Notice.objects.visible_to(user).filter(pk=hazard.notice_id).exists(),
        )
        return context


MOVE_MESSAGES = {
    "confirm": gettext_lazy("隐患已确认，整改通知书已签发。"),
    "start": gettext_lazy("已开始整改。"),
    "hand_over": gettext_lazy("已书面移交消防救援大队。"),
    "verify": gettext_lazy("已核实，请在3个工作日内签发并送达整改通知书。"),
    "report_completion": gettext_lazy("已报告整改完成，等待复查。"),
    "recheck": gettext_lazy("复查结论已保存。"),
    "withdraw": gettext_lazy("隐患已撤销。"),
    "dismiss": gettext_lazy("已作为不属实举报驳回。"),
    "fix_on_spot": gettext_lazy("已登记当场改正并销案。"),
}


def _perform(move: str, hazard: Hazard, data: dict[str, Any], user: Any) -> Hazard:
    version = data.get("version")
    common = {"hazard": hazard, "by": user, "expected_version": version}
    if move == "confirm":
        return services.hazard_confirm(
            **common, grade=data["grade"], responsible_party=data["responsible_party"],
            deadline_amount=data["deadline_amount"], deadline_unit=data["deadline_unit"] or None,
            responsible_person=data["responsible_person"], interim_measures=data["interim_measures"],
            rectification_measures=data["rectification_measures"], notice=data["notice"], start=data["start"],
        )  # fmt: skip
    if move == "start":
        return services.hazard_start(**common, note=data["note"])
    if move == "hand_over":
        return services.hazard_hand_over(**common, reason=data["reason"])
    if move == "verify":
        return services.hazard_verify(**common, note=data["note"])
    if move == "report_completion":
        return services.hazard_report_completion(**common, photos=data["photos"], note=data["note"])
    if move == "recheck":
        return services.hazard_recheck(
            **common, passed=data["result"] == "passed", note=data["note"], photos=data["photos"],
            deadline_amount=data["deadline_amount"], deadline_unit=data["deadline_unit"] or None,
        )  # fmt: skip
    if move == "withdraw":
        return services.hazard_withdraw(**common, reason=data["reason"])
    if move == "dismiss":
        return services.hazard_dismiss(**common, reason=data["reason"])
    if move == "fix_on_spot":
        return services.hazard_fix_on_spot(**common, photos=data["photos"], note=data["note"])
    raise Http404


def _procedure_forms(hazard: Hazard, user: Any, kwargs: dict[str, Any]) -> dict[str, Any]:
    """The 第二十一条 forms (handling opinion, major-hazard notice) for someone who may confirm the hazard."""
    from flameblue.hazards.procedure_views import procedure_forms

    if not Hazard.objects.visible_to(user, "confirm").filter(pk=hazard.pk).exists():
        return {}
    forms = procedure_forms(hazard, user)
    for key in ("opinion", "major_notice"):
        if kwargs.get(f"{key}_form") is not None:
            forms[key] = kwargs[f"{key}_form"]
    return forms


class HazardMoveView(HazardDetailView):
    """POST only, one URL per move. Errors (including a colleague's move in between) re-show the detail
    page with the message and the user's input kept."""

    http_method_names = ["post"]
    move = ""

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = self.get_object()
        form = MOVE_FORMS[self.move](request.POST, request.FILES, hazard=self.object, user=request.user)
        status = 400
        if form.is_valid():
            hazard, status = run_service(
                request, lambda: _perform(self.move, self.object, form.cleaned_data, request.user), form=form
            )
            if status is None:
                messages.success(request, MOVE_MESSAGES[self.move])
                warning = getattr(hazard, "deadline_warning", None)
                if warning:
                    messages.warning(request, warning)
                return HttpResponseRedirect(self._next_url(hazard))
            self.object.refresh_from_db()
        context = self.get_context_data(object=self.object, bound_forms={self.move: form})
        context["failed_move"] = self.move
        return self.render_to_response(context, status=status)

    def _next_url(self, hazard: Hazard) -> str:
        target = self.request.POST.get("next", "")
        if target and url_has_allowed_host_and_scheme(
            target, {self.request.get_host()}, self.request.is_secure()
        ):
            return target
        return reverse("hazards:hazard-detail", kwargs={"pk": hazard.pk})


def move_view(move: str):
    return HazardMoveView.as_view(move=move, action=TRANSITION_ACTIONS[move][0])


class HazardCreateView(ScopedCreateView):
    model = Hazard
    form_class = HazardReportForm
    template_name = "hazards/hazard_form.html"
    success_message = gettext_lazy("隐患已登记。")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.pop("instance", None)
        return kwargs

    def get_initial(self):
        return {"unit": self.request.GET.get("unit")}

    @transaction.atomic
    def perform(self, form: HazardReportForm) -> Hazard:
        data, user = form.cleaned_data, self.request.user
        hazard = services.hazard_report(
            by=user, unit=data["unit"], description=data["description"], source=data["source"],
            location=data["location"], grade=data["grade"], gb35181_element=data["gb35181_element"],
            photos=data["photos"],
        )  # fmt: skip
        if data["fixed_on_spot"]:
            hazard = services.hazard_fix_on_spot(hazard=hazard, by=user, photos=data["after_photos"])
        return hazard

    def get_success_url(self) -> str:
        return reverse("hazards:hazard-detail", kwargs={"pk": self.object.pk})


class MyUnitHazardsView(ScopedMixin, generic.TemplateView):
    """A unit manager's page: their unit's open hazards, each with the report-completion form."""

    model = Hazard
    action = "report_completion"
    template_name = "hazards/my_unit_hazards.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        hazards = list(selectors.my_unit_hazards(self.request.user))
        form_class = MOVE_FORMS["report_completion"]
        context["rows"] = [
            (h, form_class(hazard=h, user=self.request.user) if h.status == HazardStatus.RECTIFYING else None)
            for h in hazards
        ]
        context["closed"] = selectors.my_unit_closed_hazards(self.request.user)
        context["today"] = timezone.localdate()
        return context


# ----------------------------------------------------------------------------------------------- notices


class NoticeListView(ScopedListView):
    model = Notice
    filterset_class = NoticeFilter
    template_name = "hazards/notice_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "brigade")


class NoticeDetailView(ScopedDetailView):
    model = Notice
    template_name = "hazards/notice_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["hazards"] = Hazard.objects.visible_to(self.request.user).filter(notice=self.object)
        return context


class NoticeDocxView(NoticeDetailView):
    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        notice = self.get_object()
        return attachment_response(
            notice_docx(notice, by=request.user), f"{notice.number}.docx", DOCX_CONTENT_TYPE
        )


class NoticeTemplateView(LoginRequiredMixin, generic.FormView):
    """Replace the Word template of the notice (city-wide): test-rendered before it is installed."""

    form_class = NoticeTemplateForm
    template_name = "hazards/notice_template.html"

    def dispatch(self, request, *args: Any, **kwargs: Any):
        if request.user.is_authenticated and not selectors.may_replace_notice_template(request.user):
            raise deny(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["versions"] = DocumentTemplate.objects.filter(code=DOCUMENT_CODE).order_by("-version")[:20]
        return context

    def form_valid(self, form: NoticeTemplateForm):
        _done, status = run_service(
            self.request,
            lambda: template_replace(DOCUMENT_CODE, form.cleaned_data["template"], by=self.request.user),
            form=form,
        )
        if status is not None:
            return self.render_to_response(self.get_context_data(form=form), status=status)
        messages.success(self.request, _("通知书模板已更换，此后生成的通知书使用新模板。"))
        return HttpResponseRedirect(reverse("hazards:notice-template"))
