"""The one filter definition of the honours list (page and API)."""

from __future__ import annotations

import datetime as dt

import django_filters
from django.utils.translation import gettext_lazy as _

from flameblue.core.filters import IdFilter, YearFilter
from flameblue.corps.honours.choices import AwardLevel, HonourCategory, HonourGrade
from flameblue.corps.honours.models import Honour

__all__ = ["HonourFilter"]


class HonourFilter(django_filters.FilterSet):
    year = YearFilter(label=_("年度"), method="filter_year")
    category = django_filters.ChoiceFilter(
        label=_("类别"), choices=HonourCategory.choices, empty_label=_("全部类别")
    )
    grade = django_filters.ChoiceFilter(
        label=_("表彰种类"), choices=HonourGrade.choices, empty_label=_("全部种类")
    )
    level = django_filters.ChoiceFilter(
        label=_("授奖层级"), choices=AwardLevel.choices, empty_label=_("全部层级")
    )
    unit = IdFilter(label=_("所在单位"), field_name="unit_id")

    class Meta:
        model = Honour
        fields: list[str] = []

    def filter_year(self, queryset, name, value):
        if not value:
            return queryset
        year = int(value)
        return queryset.filter(awarded_on__gte=dt.date(year, 1, 1), awarded_on__lt=dt.date(year + 1, 1, 1))
