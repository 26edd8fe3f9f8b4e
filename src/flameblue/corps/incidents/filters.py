"""The one filter definition of the incident list (page, API, Excel export and the counts), and of the
case reviews and corrective actions lists."""

from __future__ import annotations

import datetime as dt

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from flameblue.core.filters import IdFilter, RegionFilter, YearFilter
from flameblue.corps.incidents.choices import IncidentKind
from flameblue.corps.incidents.models import CaseReview, Incident, ReviewAction
from flameblue.corps.rectification.models import ActionStatus

__all__ = ["CaseReviewFilter", "IncidentFilter", "MonthFilter", "ReviewActionFilter"]


@extend_schema_field(OpenApiTypes.STR)  # "2026-03"
class MonthFilter(django_filters.DateFilter):
    """A calendar month (``?month=2026-03``): rows whose ``field_name`` lies in that month (a range, so the
    date index serves it)."""

    field_class = forms.DateField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m"])
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "month"}, format="%Y-%m"))
        kwargs.setdefault("error_messages", {"invalid": _("月份应写作 2026-03。")})
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        start = value.replace(day=1)
        end = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return qs.filter(**{f"{self.field_name}__date__gte": start, f"{self.field_name}__date__lt": end})


class IncidentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("关键字"), method="filter_text")
    kind = django_filters.ChoiceFilter(
        label=_("警情类型"), choices=IncidentKind.choices, empty_label=_("全部类型")
    )
    county = RegionFilter(label=_("区县"))
    year = YearFilter(label=_("年度"), method="filter_year")
    month = MonthFilter(label=_("月份"), field_name="called_at")
    station = IdFilter(label=_("出动单位"), field_name="stations")

    class Meta:
        model = Incident
        fields: list[str] = []

    @property
    def qs(self) -> QuerySet[Incident]:
        return super().qs.order_by("-called_at", "-pk")

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(title__icontains=value) | Q(address__icontains=value))

    def filter_year(self, queryset, name, value):
        if not value:
            return queryset
        year = int(value)
        return queryset.filter(
            called_at__date__gte=dt.date(year, 1, 1), called_at__date__lt=dt.date(year + 1, 1, 1)
        )


class CaseReviewFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("关键字"), field_name="title", lookup_expr="icontains")
    year = YearFilter(label=_("年度"), field_name="held_on", lookup_expr="year")

    class Meta:
        model = CaseReview
        fields: list[str] = []


YES_NO = [("yes", _("是")), ("no", _("否"))]


class ReviewActionFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("状态"), choices=ActionStatus.choices, empty_label=_("全部状态")
    )
    overdue = django_filters.ChoiceFilter(
        label=_("逾期"), choices=YES_NO, method="filter_overdue", empty_label=_("全部")
    )
    owner = IdFilter(label=_("责任单位"), field_name="owner_id")

    class Meta:
        model = ReviewAction
        fields: list[str] = []

    def filter_overdue(self, queryset, name, value):
        overdue = Q(status=ActionStatus.OPEN, overdue_since__isnull=False)
        return (
            queryset.filter(overdue)
            if value == "yes"
            else queryset.exclude(overdue)
            if value == "no"
            else queryset
        )
