"""Unit registry pages: list with filters, detail with history, create, edit, key-unit decision, declarations."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from flameblue.core.errors import DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.scoping import has_action
from flameblue.core.views import (
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedUpdateView,
    apply_form_errors,
    deny,
)
from flameblue.units import services
from flameblue.units.filters import UnitFilter
from flameblue.units.forms import ATTRIBUTE_FIELDS, DeclarationForm, KeyUnitDecisionForm, UnitForm, bootstrap
from flameblue.units.models import KeyUnitDeclaration, Unit
from flameblue.units.selectors import (
    active_rulesets,
    declaration_deadline,
    declarations_for_year,
    outstanding_declarations,
    unit_history,
)

__all__ = [
    "DeclarationCreateView",
    "DeclarationListView",
    "KeyUnitDecisionView",
    "UnitCreateView",
    "UnitDetailView",
    "UnitListView",
    "UnitUpdateView",
]


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
            try:
                if data["decision"] == "confirm":
                    services.key_unit_confirm(
                        self.object, by=request.user, reason=data["reason"], tier=data["tier"],
                        expected_version=data["version"],
                    )  # fmt: skip
                else:
                    services.key_unit_reject(
                        self.object, by=request.user, reason=data["reason"], expected_version=data["version"]
                    )
            except OutOfScope as exc:
                raise Http404(exc.message) from exc
            except PermissionDeniedError as exc:
                raise deny(request, exc.message) from exc
            except (ValidationError, DomainError) as exc:
                apply_form_errors(form, exc)
            else:
                messages.success(request, _("重点单位认定结论已保存。"))
                return HttpResponseRedirect(reverse("units:unit-detail", kwargs={"pk": self.object.pk}))
        context = self.get_context_data(object=self.object, decision_form=form)
        return self.render_to_response(context, status=400)


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
        return declarations_for_year(self.request.user, self.year).order_by(
            "unit__region_id", "unit__name", "pk"
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        outstanding = outstanding_declarations(self.request.user, self.year)
        context.update(
            year=self.year,
            deadline=declaration_deadline(self.year),
            outstanding=outstanding[:500],
            outstanding_count=outstanding.count(),
        )
        return context


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
