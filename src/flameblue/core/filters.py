"""Filter plumbing shared by every app (the region filter), and the audit log's filters, shared by its page
and its Excel export."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from flameblue.core.forms import RegionChoiceField
from flameblue.core.lookups import RemoteSelect
from flameblue.core.models import AuditAction, AuditEvent
from flameblue.core.scoping import code_range

__all__ = ["AuditEventFilter", "IdFilter", "RegionFilter", "YearFilter", "register_region_model"]

TOMSELECT = forms.Select(attrs={"class": "form-select js-tomselect"})

#: The region model (geo's), registered at ``ready()``: core filters by region without importing geo.
_REGION: dict[str, Any] = {}


def register_region_model(model: Any) -> None:
    """Set the scoped model whose rows :class:`RegionFilter` offers (geo's ``Region``)."""
    _REGION["model"] = model


def _regions(request):
    return _REGION["model"].objects.visible_to(getattr(request, "user", None))


@extend_schema_field(OpenApiTypes.STR)  # a GB/T 2260 region code
class RegionFilter(django_filters.ModelChoiceFilter):
    """A region and everything under it (a code-prefix range, served by the region index)."""

    field_class = RegionChoiceField

    def __init__(self, *args, region_path: str = "region_id", **kwargs):
        kwargs.setdefault("queryset", _regions)
        kwargs.setdefault("label", _("区划"))
        kwargs.setdefault("widget", RemoteSelect("region"))  # searched on the server, see RegionChoiceField
        super().__init__(*args, **kwargs)
        self.region_path = region_path

    def filter(self, qs, value):
        if not value:
            return qs
        low, high = code_range(value.code)
        return qs.filter(**{f"{self.region_path}__gte": low, f"{self.region_path}__lt": high})


#: Years a filter accepts: wide enough for any record, narrow enough that date arithmetic cannot overflow.
YEAR_RANGE = (1900, 2200)
#: The largest primary key a 64-bit integer column holds.
MAX_ID = 2**63 - 1


class YearFilter(django_filters.NumberFilter):
    """A year (``?year=2026``). Out of :data:`YEAR_RANGE` is an invalid filter: the API answers 400 with
    the message, a page ignores the filter (instead of a 500 from date arithmetic on year 0 or 10000)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", YEAR_RANGE[0])
        kwargs.setdefault("max_value", YEAR_RANGE[1])
        kwargs.setdefault(
            "error_messages",
            {
                "min_value": _("年度应在 %(limit_value)s 年之后。"),
                "max_value": _("年度应在 %(limit_value)s 年之前。"),
                "invalid": _("年度应为四位整数，例如 2026。"),
            },
        )
        super().__init__(*args, **kwargs)


class IdFilter(django_filters.NumberFilter):
    """A record id (``?unit=12``): a whole number that fits the id column, else an invalid filter (an id
    beyond 64 bits overflows SQLite's integer and used to answer 500)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        kwargs.setdefault(
            "error_messages",
            {
                "min_value": _("编号应为正整数。"),
                "max_value": _("编号超出范围。"),
                "invalid": _("编号应为正整数。"),
            },
        )
        super().__init__(*args, **kwargs)


class AuditEventFilter(django_filters.FilterSet):
    actor = django_filters.CharFilter(label=_("操作人"), method="filter_actor")
    action = django_filters.ChoiceFilter(label=_("操作"), choices=AuditAction.choices)
    object_type = django_filters.CharFilter(
        label=_("对象类型"), field_name="object_type", lookup_expr="iexact"
    )
    object_id = django_filters.CharFilter(label=_("对象编号"), field_name="object_id")
    since = django_filters.DateFilter(
        label=_("起始日期"),
        field_name="at",
        lookup_expr="date__gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = django_filters.DateFilter(
        label=_("截止日期"),
        field_name="at",
        lookup_expr="date__lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = AuditEvent
        fields: list[str] = []

    def filter_actor(self, queryset, name, value):
        """By login name or the person's real name."""
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(actor_name__icontains=value) | Q(actor__person__name__icontains=value))
