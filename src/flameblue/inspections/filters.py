"""The one filter definition of each list (checklists, inspections), shared by the page and the API."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from flameblue.core.filters import IdFilter, RegionFilter
from flameblue.inspections.choices import (
    PLACE_TYPES,
    ChecklistKind,
    ChecklistStatus,
    InspectionKind,
    InspectionStatus,
)
from flameblue.inspections.models import Checklist, Finding, Inspection

__all__ = ["ChecklistFilterSet", "InspectionFilterSet"]

HAS_FINDINGS = [("yes", _("有问题")), ("no", _("无问题"))]

SELECT = forms.Select(attrs={"class": "form-select"})


class ChecklistFilterSet(django_filters.FilterSet):
    place_type = django_filters.ChoiceFilter(
        label=_("场所类型"), choices=list(PLACE_TYPES.items()), widget=SELECT
    )
    kind = django_filters.ChoiceFilter(label=_("类别"), choices=ChecklistKind.choices, widget=SELECT)
    status = django_filters.ChoiceFilter(label=_("状态"), choices=ChecklistStatus.choices, widget=SELECT)
    code = django_filters.CharFilter(
        label=_("检查表代码"), widget=forms.TextInput(attrs={"class": "form-control"})
    )

    class Meta:
        model = Checklist
        fields = ["place_type", "kind", "status", "code"]


class InspectionFilterSet(django_filters.FilterSet):
    """The one filter of the inspection list, shared by the page and ``/api/v1/inspections/``."""

    kind = django_filters.ChoiceFilter(label=_("检查类别"), choices=InspectionKind.choices, widget=SELECT)
    region = RegionFilter()
    unit = IdFilter(label=_("单位编号"), field_name="unit_id", widget=forms.HiddenInput)
    unit_name = django_filters.CharFilter(
        label=_("单位名称"), field_name="unit__name", lookup_expr="icontains",
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )  # fmt: skip
    inspected_after = django_filters.DateFilter(
        label=_("检查日期自"), field_name="inspected_on", lookup_expr="gte",
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}),
    )  # fmt: skip
    inspected_before = django_filters.DateFilter(
        label=_("检查日期至"), field_name="inspected_on", lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}),
    )  # fmt: skip
    status = django_filters.ChoiceFilter(label=_("状态"), choices=InspectionStatus.choices, widget=SELECT)
    has_findings = django_filters.ChoiceFilter(
        label=_("发现问题"), choices=HAS_FINDINGS, method="filter_has_findings", widget=SELECT
    )

    class Meta:
        model = Inspection
        fields: list[str] = []

    @property
    def qs(self):
        return super().qs.order_by("-inspected_on", "-pk")

    def filter_has_findings(self, queryset, name: str, value: str):
        if not value:
            return queryset
        exists = Exists(Finding.objects.filter(inspection=OuterRef("pk")))
        return queryset.filter(exists) if value == "yes" else queryset.exclude(exists)
