"""The one filter definition of the event list, shared by the page, the API and the Excel export."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from flameblue.core.filters import RegionFilter, YearFilter
from flameblue.events.choices import EventLevel, EventStatus
from flameblue.events.models import Event

__all__ = ["EventFilter"]


class EventFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("关键字"), field_name="name", lookup_expr="icontains")
    region = RegionFilter()
    level = django_filters.ChoiceFilter(
        label=_("级别"), choices=EventLevel.choices, empty_label=_("全部级别")
    )
    status = django_filters.ChoiceFilter(
        label=_("状态"), choices=EventStatus.choices, empty_label=_("全部状态")
    )
    year = YearFilter(label=_("年度"), field_name="starts_on", lookup_expr="year")

    class Meta:
        model = Event
        fields: list[str] = []

    @property
    def qs(self) -> QuerySet[Event]:
        return super().qs.order_by("-starts_on", "-pk")
