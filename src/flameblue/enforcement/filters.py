"""The one filter definition of each enforcement list, shared by the page and the API."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from flameblue.core.filters import RegionFilter
from flameblue.enforcement.choices import EventCheckStatus, PreOpeningStatus, SealingStatus
from flameblue.enforcement.models import EventCheck, PreOpeningCheck, Sealing

__all__ = ["EventCheckFilter", "PreOpeningFilter", "SealingFilter"]


class _Base(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("单位名称"), field_name="unit__name", lookup_expr="icontains")
    region = RegionFilter()
    overdue = django_filters.BooleanFilter(label=_("仅看已过期限"), method="filter_overdue")

    def filter_overdue(self, queryset, name, value):
        from django.utils import timezone

        return queryset.filter(due_on__lt=timezone.localdate()) if value else queryset


class SealingFilter(_Base):
    status = django_filters.ChoiceFilter(
        label=_("状态"), choices=SealingStatus.choices, empty_label=_("全部状态")
    )

    class Meta:
        model = Sealing
        fields: list[str] = []


class PreOpeningFilter(_Base):
    status = django_filters.ChoiceFilter(
        label=_("状态"), choices=PreOpeningStatus.choices, empty_label=_("全部状态")
    )

    class Meta:
        model = PreOpeningCheck
        fields: list[str] = []


class EventCheckFilter(_Base):
    status = django_filters.ChoiceFilter(
        label=_("状态"), choices=EventCheckStatus.choices, empty_label=_("全部状态")
    )

    class Meta:
        model = EventCheck
        fields: list[str] = []
