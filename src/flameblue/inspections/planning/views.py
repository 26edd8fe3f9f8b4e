"""Planning pages: the supervision due list, weekly plans, 双随机 draws (create, draw, verify, publish),
conflict declarations and self-inspection compliance. Thin: parse, call one service, show the outcome."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from flameblue.core.scoping import has_action, within_scopes
from flameblue.core.service_errors import STALE_STATUS, run_service
from flameblue.core.views import (
    ScopedDetailView,
    ScopedListView,
    ScopedMixin,
    ScopedObjectMixin,
)
from flameblue.inspections.models import (
    ConflictDeclaration,
    Draw,
    DrawAssignment,
    Inspection,
    InspectionPlan,
    SupervisionDue,
)
from flameblue.inspections.planning import compliance
from flameblue.inspections.planning.conflicts import conflict_declare, may_declare_for_others
from flameblue.inspections.planning.draws import (
    draw_create,
    draw_execute,
    draw_publish,
    draw_results,
    draw_verify,
)
from flameblue.inspections.planning.forms import (
    ComplianceFilterForm,
    ConflictForm,
    DrawForm,
    PlanFilterSet,
    PlanForm,
    SupervisionDueFilterSet,
)
from flameblue.inspections.planning.services import cycle_rules, due_units, plan_create, spread_over_days
from flameblue.org.models import User
from flameblue.units.models import Unit

__all__ = [
    "ComplianceUnitView",
    "ComplianceUnitsView",
    "ComplianceView",
    "ConflictCreateView",
    "ConflictListView",
    "DrawCreateView",
    "DrawDetailView",
    "DrawExecuteView",
    "DrawListView",
    "DrawPublishView",
    "DrawVerifyView",
    "DueListView",
    "PlanCreateView",
    "PlanDetailView",
    "PlanListView",
]


class _ServiceFormView(ScopedMixin, FormView):
    """A form whose valid input goes to ``perform``; domain errors land on the form, nothing typed is lost."""

    action = "add"

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def form_valid(self, form):
        obj, status = run_service(self.request, lambda: self.perform(form), form=form)
        if status is not None:  # the form re-shown with the refusal; a stale edit answers 409
            response = self.form_invalid(form)
            response.status_code = status if status == STALE_STATUS else response.status_code
            return response
        return HttpResponseRedirect(self.success_url_for(obj))

    def perform(self, form):  # pragma: no cover - abstract
        raise NotImplementedError

    def success_url_for(self, obj) -> str:  # pragma: no cover - abstract
        raise NotImplementedError


# --- Due list and plans ----------------------------------------------------------------------------------


class DueListView(ScopedListView):
    model = SupervisionDue
    filterset_class = SupervisionDueFilterSet
    template_name = "inspections/due_list.html"

    def scoped_queryset(self, action: str = "view"):
        return due_units(self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        from django.utils import timezone

        context = super().get_context_data(**kwargs)
        context["today"] = timezone.localdate()
        context["rules"] = cycle_rules()
        context["can_plan"] = has_action(self.request.user, InspectionPlan, "add")
        return context


class PlanListView(ScopedListView):
    model = InspectionPlan
    filterset_class = PlanFilterSet
    template_name = "inspections/plan_list.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("brigade")
            .annotate(unit_total=Count("items"))
            .order_by("-starts_on", "-id")
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["can_add"] = has_action(self.request.user, InspectionPlan, "add")
        return context


class PlanDetailView(ScopedDetailView):
    model = InspectionPlan
    template_name = "inspections/plan_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        items = (
            self.object.items.select_related("unit__region")
            .prefetch_related(
                Prefetch("inspectors", queryset=User.objects.select_related("person")),
                Prefetch("inspections", queryset=Inspection.objects.order_by("-id")),
            )
            .order_by("planned_on", "id")
        )
        context["items"] = items
        context["can_inspect"] = has_action(self.request.user, Inspection, "add")
        return context


class PlanCreateView(_ServiceFormView):
    model = InspectionPlan
    form_class = PlanForm
    template_name = "inspections/plan_form.html"

    def perform(self, form):
        data = form.cleaned_data
        days = form.plan_days()
        if not days:
            raise ValidationError({"weekdays": [_("计划期内没有所选的检查日。")]})
        entries = spread_over_days(list(data["units"]), days, list(data["inspectors"]), data["per_unit"])
        return plan_create(
            brigade=data["brigade"], title=data["title"], starts_on=data["starts_on"], ends_on=data["ends_on"],
            entries=entries, by=self.request.user,
        )  # fmt: skip

    def success_url_for(self, obj) -> str:
        messages.success(self.request, _("检查计划已保存。"))
        return reverse("inspections:plan-detail", kwargs={"pk": obj.pk})


# --- Draws -----------------------------------------------------------------------------------------------


class DrawListView(ScopedListView):
    model = Draw
    template_name = "inspections/draw_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("brigade")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["can_add"] = has_action(self.request.user, Draw, "add")
        return context


class DrawCreateView(_ServiceFormView):
    model = Draw
    form_class = DrawForm
    template_name = "inspections/draw_form.html"

    def perform(self, form):
        data = form.cleaned_data
        return draw_create(
            brigade=data["brigade"], title=data["title"], pool_filter=form.pool_filter(),
            unit_count=data["unit_count"], inspectors_per_unit=data["inspectors_per_unit"],
            inspector_pool=list(data["inspector_pool"]) or None, by=self.request.user,
        )  # fmt: skip

    def success_url_for(self, obj) -> str:
        messages.success(self.request, _("抽查任务已创建，对象库共 %(n)d 家单位。") % {"n": obj.pool_size})
        return reverse("inspections:draw-detail", kwargs={"pk": obj.pk})


class DrawDetailView(ScopedDetailView):
    model = Draw
    template_name = "inspections/draw_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        draw = self.object
        rows = draw_results(draw)
        inspectors = {
            a.pk: [u.display_name for u in a.inspectors.select_related("person").order_by("pk")]
            for a in DrawAssignment.objects.filter(draw=draw)
        }
        for row in rows:
            row["inspectors"] = inspectors.get(row["assignment"].pk, [])
        context["rows"] = rows
        context["can_change"] = (
            Draw.objects.visible_to(self.request.user, "change").filter(pk=draw.pk).exists()
        )
        context["can_inspect"] = has_action(self.request.user, Inspection, "add")
        context["filter_items"] = {
            k: v for k, v in (draw.pool_filter or {}).items() if k not in {"unit_ids", "excluded"}
        }
        context["excluded_count"] = sum(len(v) for v in (draw.pool_filter or {}).get("excluded", {}).values())
        return context


class _DrawActionView(ScopedObjectMixin, View):
    model = Draw
    action = "change"
    http_method_names = ["post"]

    def post(self, request, pk: int):
        draw = self.get_object()
        run_service(request, lambda: self.run(draw))
        return HttpResponseRedirect(reverse("inspections:draw-detail", kwargs={"pk": draw.pk}))

    def run(self, draw: Draw) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def seen_version(self) -> int | None:
        """The version of the draw the page showed (the hidden ``version`` field)."""
        value = self.request.POST.get("version", "")
        return int(value) if value.isdigit() else None


class DrawExecuteView(_DrawActionView):
    """POST: draw now (the seed field may carry a seed announced beforehand; blank: a random one)."""

    def run(self, draw: Draw) -> None:
        seed = (self.request.POST.get("seed") or "").strip() or None
        drawn = draw_execute(draw=draw, by=self.request.user, seed=seed, expected_version=self.seen_version())
        messages.success(self.request, _("已完成抽取，随机种子 %(s)s。") % {"s": drawn.seed})


class DrawVerifyView(_DrawActionView):
    """POST: re-run the draw from its seed and say whether the recorded result is identical."""

    action = "view"

    def run(self, draw: Draw) -> None:
        if draw_verify(draw):
            messages.success(self.request, _("核验通过：按随机种子复算的结果与记录一致。"))
        else:
            messages.error(self.request, _("核验未通过：复算结果与记录不一致！"))


class DrawPublishView(_DrawActionView):
    def run(self, draw: Draw) -> None:
        draw_publish(draw=draw, by=self.request.user, expected_version=self.seen_version())
        messages.success(self.request, _("抽查结果已在门户网站公开。"))


# --- Conflicts -------------------------------------------------------------------------------------------


class ConflictListView(ScopedListView):
    """Declarations: discipline officers see those in their scope, an inspector only their own."""

    model = ConflictDeclaration
    template_name = "inspections/conflict_list.html"

    def get_queryset(self):
        qs = super().get_queryset().select_related("person__organization", "unit__region")
        if not may_declare_for_others(self.request.user):
            qs = qs.filter(person_id=getattr(self.request.user, "person_id", None))
        return qs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["can_add"] = has_action(self.request.user, ConflictDeclaration, "add")
        return context


class ConflictCreateView(_ServiceFormView):
    model = ConflictDeclaration
    form_class = ConflictForm
    template_name = "inspections/conflict_form.html"

    def perform(self, form):
        person = form.declared_person()
        if person is None:
            raise ValidationError({"person": [_("您的账号未关联人员信息，无法申报。")]})
        data = form.cleaned_data
        return conflict_declare(
            person=person, unit=data["unit"], reason=data["reason"], valid_from=data.get("valid_from"),
            valid_to=data.get("valid_to"), by=self.request.user,
        )  # fmt: skip

    def success_url_for(self, obj) -> str:
        messages.success(self.request, _("利益冲突已申报；抽查时不会抽到该单位。"))
        return reverse("inspections:conflict-list")


# --- Compliance ------------------------------------------------------------------------------------------


class _ComplianceMixin(ScopedMixin):
    """Compliance pages: anyone who may view inspections, over the units inside that scope."""

    model = Inspection
    action = "view"

    def units(self):
        return within_scopes(Unit.objects.all(), self.request.user, Inspection, "view")

    def filter_form(self) -> ComplianceFilterForm:
        form = ComplianceFilterForm(self.request.GET or None)
        form.is_valid()
        return form


class ComplianceView(_ComplianceMixin, TemplateView):
    template_name = "inspections/compliance.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = self.filter_form()
        start, end = form.period()
        context.update(
            form=form, start=start, end=end, group=form.grouping(), obligations=compliance.obligations(),
            rows=compliance.compliance_rates(self.units(), start=start, end=end, group_by=form.grouping()),
            rules_version=compliance.self_inspection_rules()["version"],
        )  # fmt: skip
        for row in context["rows"]:
            row["cells"] = [row[o.code] for o in context["obligations"]]
            row["query"] = f"{'region' if form.grouping() == 'township' else 'industry'}={row['key'] or ''}"
        return context


class ComplianceUnitsView(_ComplianceMixin, ScopedListView):
    """Units with gaps in the period, optionally one township (``?region=``) or industry (``?industry=``)."""

    template_name = "inspections/compliance_units.html"

    def get_queryset(self):
        start, end = self.filter_form().period()
        qs = self.units().select_related("region", "industry")
        if self.request.GET.get("region"):
            qs = qs.filter(region_id=self.request.GET["region"])
        if self.request.GET.get("industry"):
            qs = qs.filter(industry_id=self.request.GET["industry"])
        return compliance.units_with_gaps(qs, start=start, end=end).order_by("region_id", "name")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = self.filter_form()
        context["form"], (context["start"], context["end"]) = form, form.period()
        return context


class ComplianceUnitView(_ComplianceMixin, TemplateView):
    template_name = "inspections/compliance_unit.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        unit = get_object_or_404(self.units().select_related("region"), pk=self.kwargs["pk"])
        start, end = self.filter_form().period()
        context["result"] = compliance.unit_compliance(unit, start=start, end=end)
        context["todo"] = compliance.self_inspection_todo(unit)
        context["unit"], context["start"], context["end"] = unit, start, end
        return context
