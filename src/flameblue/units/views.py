"""Unit registry pages: list with filters, detail with history, create, edit, key-unit decision, declarations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from flameblue.core.scoping import has_action
from flameblue.core.service_errors import run_service
from flameblue.core.views import (
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedMixin,
    ScopedUpdateView,
)
from flameblue.units import services
from flameblue.units.choices import DeclarationStatus
from flameblue.units.filters import UnitFilter
from flameblue.units.forms import ATTRIBUTE_FIELDS, DeclarationForm, KeyUnitDecisionForm, UnitForm, bootstrap
from flameblue.units.models import KeyUnitDeclaration, Unit
from flameblue.units.selectors import (
    MAP_LIMIT,
    active_rulesets,
    declaration_deadline,
    declarations_for_year,
    map_points,
    neighbours,
    outstanding_declarations,
    unit_history,
    unlocated_count,
)

__all__ = [
    "DeclarationAcceptView",
    "DeclarationCreateView",
    "DeclarationListView",
    "DeclarationRolloverView",
    "KeyUnitDecisionView",
    "UnitCreateView",
    "UnitDetailView",
    "UnitListView",
    "UnitMapDataView",
    "UnitMapView",
    "UnitUpdateView",
]

ECHARTS = Path(__file__).resolve().parent.parent / "static" / "vendor" / "echarts" / "echarts.min.js"


class UnitListView(ScopedListView):
    model = Unit
    filterset_class = UnitFilter
    template_name = "units/unit_list.html"
    partial_template_name = "units/_unit_table.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("region__parent", "place_type", "industry")
            .prefetch_related("risk_tags")
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["can_add"] = has_action(self.request.user, Unit, "add")
        if context["filterset"] is not None:
            bootstrap(context["filterset"].form, small=True)
        return context


def _rule_texts() -> dict[str, str]:
    return {rule.id: rule.text for ruleset in active_rulesets() for rule in ruleset.rules}


def _attribute_rows(unit: Unit) -> list[tuple[str, str]]:
    rows = []
    for name in ATTRIBUTE_FIELDS:
        field = Unit._meta.get_field(name)
        value = getattr(unit, name)
        if field.choices:
            value = getattr(unit, f"get_{name}_display")() or "—"
        elif isinstance(value, bool):
            value = _("是") if value else _("否")
        rows.append((str(field.verbose_name), "—" if value is None else str(value)))
    return rows


def _unit_work(unit: Unit, user: Any) -> dict[str, Any]:
    """The unit's recent hazards and inspections, each through its own scope (the registry does not
    depend on those apps: they are looked up by name)."""
    from django.apps import apps

    work: dict[str, Any] = {}
    for key, label, related in (
        ("unit_hazards", "hazards.Hazard", ("notice",)),
        ("unit_inspections", "inspections.Inspection", ("inspector",)),
    ):
        model = apps.get_model(label)
        if has_action(user, model, "view"):
            work[key] = list(
                model.objects.visible_to(user, "view").filter(unit=unit).select_related(*related)[:20]
            )
    return work


def _start_kinds(unit: Unit, user: Any) -> list[tuple[str, str]]:
    """The inspection kinds the user may start on the unit (looked up by name, like ``_unit_work``)."""
    from django.utils.module_loading import import_string

    return import_string("flameblue.inspections.services.startable_kinds_for")(user, unit)


class UnitDetailView(ScopedDetailView):
    model = Unit
    template_name = "units/unit_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return (
            super()
            .scoped_queryset(action)
            .select_related(
                "region__parent",
                "place_type",
                "industry",
                "responsible_person",
                "safety_manager",
                "key_unit_decided_by",
            )
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        unit, user = self.object, self.request.user
        texts = _rule_texts()
        context.update(
            history=unit_history(unit)[:200],
            risk_tags=list(unit.risk_tags.all()),
            departments=list(unit.supervising_departments.all()),
            decided_rules=[(rule_id, texts.get(rule_id, "")) for rule_id in unit.key_unit_rules],
            suggested_rules=[(rule_id, texts.get(rule_id, "")) for rule_id in unit.key_unit_suggested_rules],
            declarations=list(unit.declarations.all()[:10]),
            can_change=Unit.objects.visible_to(user, "change").filter(pk=unit.pk).exists(),
            can_decide=Unit.objects.visible_to(user, "confirm_key").filter(pk=unit.pk).exists(),
            can_declare=has_action(user, KeyUnitDeclaration, "add"),
            responsible_people=[
                (_("消防安全责任人"), unit.responsible_person),
                (_("消防安全管理人"), unit.safety_manager),
            ],
            attributes=_attribute_rows(unit),
            has_echarts=ECHARTS.exists(),
            start_kinds=_start_kinds(unit, user),
            **_unit_work(unit, user),
        )
        context.setdefault("decision_form", KeyUnitDecisionForm(initial={"version": unit.version}))
        return context


class UnitCreateView(ScopedCreateView):
    model = Unit
    form_class = UnitForm
    template_name = "units/unit_form.html"
    success_message = gettext_lazy("社会单位已登记。")

    def perform(self, form: UnitForm) -> Unit:
        return services.unit_create(by=self.request.user, data=form.service_data())

    def get_success_url(self) -> str:
        return reverse("units:unit-detail", kwargs={"pk": self.object.pk})


class UnitUpdateView(ScopedUpdateView):
    model = Unit
    form_class = UnitForm
    template_name = "units/unit_form.html"

    def perform(self, form: UnitForm) -> Unit:
        return services.unit_update(
            self.object,
            by=self.request.user,
            data=form.service_data(),
            expected_version=form.cleaned_data["version"],
        )

    def get_success_url(self) -> str:
        return reverse("units:unit-detail", kwargs={"pk": self.object.pk})


class KeyUnitDecisionView(UnitDetailView):
    """POST only: a brigade officer confirms or rejects the unit as a key unit. Errors re-show the detail
    page with the officer's input kept."""

    action = "confirm_key"
    http_method_names = ["post"]

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = self.get_object()
        form = KeyUnitDecisionForm(request.POST, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            _unit, status = run_service(request, lambda: self.decide(data), form=form)
            if status is None:
                messages.success(request, _("重点单位认定结论已保存。"))
                return HttpResponseRedirect(self.next_url())
        context = self.get_context_data(object=self.object, decision_form=form)
        return self.render_to_response(context, status=status or 400)

    def decide(self, data: dict[str, Any]) -> Any:
        if data["decision"] == "confirm":
            return services.key_unit_confirm(
                self.object, by=self.request.user, reason=data["reason"], tier=data["tier"],
                expected_version=data["version"],
            )  # fmt: skip
        return services.key_unit_reject(
            self.object, by=self.request.user, reason=data["reason"], expected_version=data["version"]
        )

    def next_url(self) -> str:
        """Back where the decision was taken (the list of proposed removals), else the unit's page."""
        target = self.request.POST.get("next", "")
        if target and url_has_allowed_host_and_scheme(
            target, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return target
        return reverse("units:unit-detail", kwargs={"pk": self.object.pk})


def _year(request) -> int:
    try:
        return int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year


class DeclarationListView(ScopedListView):
    """The brigade's view of the year's declarations: who declared, who is still outstanding."""

    model = KeyUnitDeclaration
    template_name = "units/declaration_list.html"

    def get_queryset(self):
        self.year = _year(self.request)
        self.status = self.request.GET.get("status", "")
        queryset = declarations_for_year(self.request.user, self.year)
        if self.status in DeclarationStatus.values:
            queryset = queryset.filter(status=self.status)
        else:
            self.status = ""
        return queryset.order_by("unit__region_id", "unit__name", "pk")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        outstanding = outstanding_declarations(user, self.year)
        deadline = declaration_deadline(self.year)
        page_units = [d.unit_id for d in context["object_list"]]
        may_decide = has_action(user, Unit, "confirm_key")
        decidable = (
            set(
                Unit.objects.visible_to(user, "confirm_key")
                .filter(pk__in=page_units)
                .values_list("pk", flat=True)
            )
            if may_decide
            else set()
        )
        context.update(
            year=self.year,
            status=self.status,
            statuses=DeclarationStatus.choices,
            deadline=deadline,
            outstanding=outstanding[:500],
            outstanding_count=outstanding.count(),
            decidable=decidable,
            can_rollover=may_decide and timezone.localdate() > deadline,
            removal_status=DeclarationStatus.REMOVAL_PROPOSED,
        )
        return context


def _declaration_list_url(year: int, status: str = "") -> str:
    query = f"?year={year}" + (f"&status={status}" if status else "")
    return reverse("units:declaration-list") + query


class DeclarationAcceptView(ScopedMixin, generic.View):
    """POST only: the brigade accepts a submitted declaration (needs the key-unit decision right over the
    unit: a unit manager cannot accept their own declaration)."""

    model = Unit
    action = "confirm_key"
    http_method_names = ["post"]

    def post(self, request, *args: Any, **kwargs: Any) -> HttpResponseRedirect:
        declaration = get_object_or_404(
            KeyUnitDeclaration.objects.visible_to(request.user, "view").select_related("unit"),
            pk=kwargs["pk"],
        )
        _accepted, status = run_service(
            request,
            lambda: services.declaration_accept(
                declaration, by=request.user, note=request.POST.get("note", "")
            ),
        )
        if status is None:
            messages.success(request, _("已确认 %(unit)s 的年度申报。") % {"unit": declaration.unit.name})
        return HttpResponseRedirect(_declaration_list_url(declaration.year))


class DeclarationRolloverView(ScopedMixin, generic.TemplateView):
    """POST only: after the deadline, key units that did not declare roll over and units that no longer
    qualify are proposed for removal (within the officer's jurisdiction). Shows the counts and links to
    the proposed removals, where each is confirmed or rejected through the key-unit decision."""

    model = Unit
    action = "confirm_key"
    http_method_names = ["post"]
    template_name = "units/declaration_rollover.html"

    def post(self, request, *args: Any, **kwargs: Any):
        try:
            year = int(request.POST.get("year", ""))
        except ValueError:
            messages.error(request, _("请填写要顺延的申报年度。"))
            return HttpResponseRedirect(reverse("units:declaration-list"))
        result, status = run_service(
            request, lambda: services.declaration_rollover(year=year, by=request.user)
        )
        if status is not None:
            return HttpResponseRedirect(_declaration_list_url(year))
        context = self.get_context_data(
            year=year,
            result=result,
            removals_url=_declaration_list_url(year, DeclarationStatus.REMOVAL_PROPOSED),
            list_url=_declaration_list_url(year),
        )
        return self.render_to_response(context)


# --- maps -------------------------------------------------------------------------------------------------


class UnitMapView(ScopedMixin, generic.TemplateView):
    """The filtered units in the user's scope as points on a latitude/longitude grid (key units stand out)."""

    model = Unit
    template_name = "units/unit_map.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        filterset = UnitFilter(self.request.GET or None, queryset=Unit.objects.none(), request=self.request)
        bootstrap(filterset.form, small=True)
        context.update(
            filterset=filterset,
            querystring=self.request.GET.urlencode(),
            has_echarts=ECHARTS.exists(),
            limit=MAP_LIMIT,
        )
        return context


class UnitMapDataView(ScopedMixin, generic.View):
    """JSON points for the unit maps, from the user's scope only: the filtered list (``?<filters>``), or
    the units around one unit (``?around=<pk>``, 404 when that unit is out of scope)."""

    model = Unit

    def get(self, request, *args: Any, **kwargs: Any) -> JsonResponse:
        queryset = Unit.objects.visible_to(request.user, "view")
        around = request.GET.get("around")
        center = None
        if around is not None:
            if not around.isdigit():
                raise Http404(_("单位不存在。"))
            unit = get_object_or_404(queryset, pk=int(around))
            points, total = map_points(neighbours(unit, queryset))
            unlocated = 0
            if unit.latitude is not None and unit.longitude is not None:
                center = {"id": unit.pk, "name": unit.name, "lat": float(unit.latitude),
                          "lng": float(unit.longitude), "key": unit.is_key_unit}  # fmt: skip
        else:
            filterset = UnitFilter(request.GET or None, queryset=queryset, request=request)
            points, total = map_points(filterset.qs)
            unlocated = unlocated_count(filterset.qs)
        return JsonResponse(
            {"points": points, "total": total, "limit": MAP_LIMIT, "center": center, "unlocated": unlocated}
        )


class DeclarationCreateView(ScopedCreateView):
    """A unit manager declares their key unit for the year."""

    model = KeyUnitDeclaration
    form_class = DeclarationForm
    template_name = "units/declaration_form.html"
    success_message = gettext_lazy("年度申报已提交。")

    def get_unit(self) -> Unit:
        if not hasattr(self, "unit"):
            self.unit = get_object_or_404(
                Unit.objects.visible_to(self.request.user, "view"), pk=self.kwargs["pk"]
            )
        return self.unit

    def get(self, request, *args: Any, **kwargs: Any):
        self.get_unit()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args: Any, **kwargs: Any):
        self.get_unit()
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["unit"] = self.unit
        context["deadline"] = declaration_deadline(timezone.localdate().year)
        return context

    def perform(self, form: DeclarationForm) -> KeyUnitDeclaration:
        return services.declaration_submit(unit=self.unit, by=self.request.user, **form.cleaned_data)

    def get_success_url(self) -> str:
        return reverse("units:unit-detail", kwargs={"pk": self.unit.pk})
