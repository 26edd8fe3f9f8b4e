"""The one filter definition of the campaign list, shared by the page, the API and the Excel export."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from flameblue.campaigns.choices import CampaignLevel, CampaignStatus
from flameblue.campaigns.models import Campaign
from flameblue.core.filters import RegionFilter, YearFilter

__all__ = ["CampaignFilter"]


class CampaignFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("关键字"), field_name="name", lookup_expr="icontains")
    region = RegionFilter()
    level = django_filters.ChoiceFilter(
        label=_("级别"), choices=CampaignLevel.choices, empty_label=_("全部级别")
    )
    status = django_filters.ChoiceFilter(
        label=_("状态"), choices=CampaignStatus.choices, empty_label=_("全部状态")
    )
    year = YearFilter(label=_("年度"), field_name="starts_on", lookup_expr="year")

    class Meta:
        model = Campaign
        fields: list[str] = []

    @property
    def qs(self) -> QuerySet[Campaign]:
        return super().qs.order_by("-starts_on", "-pk")
