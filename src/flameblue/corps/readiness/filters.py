"""The one filter definition of the readiness check and finding lists (pages and API)."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from flameblue.core.filters import IdFilter, RegionFilter, YearFilter
from flameblue.corps.readiness.choices import ChecklistKind
from flameblue.corps.readiness.models import ReadinessCheck, ReadinessFinding
from flameblue.corps.rectification.models import ActionStatus

__all__ = ["CheckFilter", "FindingFilter"]

YES_NO = [("yes", _("是")), ("no", _("否"))]


class CheckFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("检查类型"), field_name="checklist__kind",
                                       choices=ChecklistKind.choices, empty_label=_("全部类型"))  # fmt: skip
    county = RegionFilter(label=_("区县"), region_path="station__region_id")
    year = YearFilter(label=_("年度"), field_name="checked_on", lookup_expr="year")

    class Meta:
        model = ReadinessCheck
        fields: list[str] = []


class FindingFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("状态"), choices=ActionStatus.choices, empty_label=_("全部状态")
    )
    overdue = django_filters.ChoiceFilter(label=_("逾期"), choices=YES_NO, method="filter_overdue",
                                          empty_label=_("全部"))  # fmt: skip
    owner = IdFilter(label=_("责任单位"), field_name="owner_id")

    class Meta:
        model = ReadinessFinding
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
