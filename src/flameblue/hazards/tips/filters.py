"""The one filter definition of the tip list, shared by the staff page and the API."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.filters import RegionFilter
from flameblue.hazards.choices import TipCategory, TipStatus
from flameblue.hazards.models import Tip

__all__ = ["TipFilter"]

YES_NO = [("yes", _("是")), ("no", _("否"))]
OPEN = (TipStatus.RECEIVED, TipStatus.CHECKING)


class TipFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("查询码或关键字"), method="filter_text")
    region = RegionFilter()
    status = django_filters.ChoiceFilter(
        label=_("状态"), choices=TipStatus.choices, empty_label=_("全部状态")
    )
    category = django_filters.ChoiceFilter(
        label=_("类别"), choices=TipCategory.choices, empty_label=_("全部类别")
    )
    overdue = django_filters.ChoiceFilter(
        label=_("逾期未核查"), choices=YES_NO, method="filter_overdue", empty_label=_("全部")
    )

    class Meta:
        model = Tip
        fields: list[str] = []

    @property
    def qs(self) -> QuerySet[Tip]:
        return super().qs.order_by("-received_at", "-pk")

    def filter_text(self, queryset: QuerySet[Tip], name: str, value: str) -> QuerySet[Tip]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(tracking_code=value.upper()) | Q(description__icontains=value) | Q(address__icontains=value)
            | Q(place_name__icontains=value)
        )  # fmt: skip

    def filter_overdue(self, queryset: QuerySet[Tip], name: str, value: str) -> QuerySet[Tip]:
        overdue = Q(status__in=OPEN, check_due_at__lt=timezone.now())
        return queryset.filter(overdue) if value == "yes" else queryset.exclude(overdue)
