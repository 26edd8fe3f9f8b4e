"""One filter definition per list, shared by the page, the API and the Excel export."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from flameblue.community.choices import PartnerKind
from flameblue.community.models import Activity, ActivityType, Holiday, HolidayVisit, Opinion, Partner
from flameblue.community.visits.choices import OpinionStatus, VisiteeKind
from flameblue.core.filters import IdFilter, YearFilter

__all__ = ["ActivityFilter", "OpinionFilter", "PartnerFilter", "VisitFilter"]


class PartnerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("名称"))
    kind = django_filters.ChoiceFilter(choices=PartnerKind.choices, label=_("单位类别"))
    active = django_filters.BooleanFilter(label=_("共建中"))

    class Meta:
        model = Partner
        fields = ["q", "kind", "active"]


class ActivityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label=_("活动名称"))
    activity_type = django_filters.ModelChoiceFilter(
        queryset=ActivityType.objects.filter(active=True), label=_("活动类型")
    )
    year = YearFilter(field_name="held_on", lookup_expr="year", label=_("年度"))
    partner = IdFilter(field_name="partner_id", widget=django_filters.widgets.forms.HiddenInput)

    class Meta:
        model = Activity
        fields = ["q", "activity_type", "year", "partner"]


class VisitFilter(django_filters.FilterSet):
    year = YearFilter(field_name="visited_on", lookup_expr="year", label=_("年度"))
    holiday = django_filters.ModelChoiceFilter(queryset=Holiday.objects.filter(active=True), label=_("节日"))
    visitee_kind = django_filters.ChoiceFilter(choices=VisiteeKind.choices, label=_("走访对象类别"))

    class Meta:
        model = HolidayVisit
        fields = ["year", "holiday", "visitee_kind"]


class OpinionFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=OpinionStatus.choices, label=_("状态"))
    overdue = django_filters.BooleanFilter(field_name="overdue_since", lookup_expr="isnull", exclude=True,
                                           label=_("已逾期"))  # fmt: skip
    year = YearFilter(field_name="visit__visited_on", lookup_expr="year", label=_("年度"))

    class Meta:
        model = Opinion
        fields = ["status", "overdue", "year"]
