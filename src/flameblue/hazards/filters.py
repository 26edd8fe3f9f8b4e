"""The one filter definition of the hazard list, shared by the HTML list, the map, the API and the Excel
export."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.filters import IdFilter, RegionFilter, YearFilter
from flameblue.core.lookups import RemoteSelect
from flameblue.core.reference_choices import ReferenceChoiceFilter
from flameblue.hazards.choices import OPEN_STATUSES, HazardGrade, HazardSource, HazardStatus, NoticeStatus
from flameblue.hazards.models import Hazard, Notice
from flameblue.org.choices import OrgKind
from flameblue.org.models import Industry, Organization
from flameblue.units.models import PlaceType, Unit

__all__ = ["HazardFilter", "NoticeFilter"]

YES_NO = [("yes", _("是")), ("no", _("否"))]

#: Matching units up to which the keyword search lists their ids instead of a subquery.
UNIT_IDS = 500


class HazardFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("关键字"), method="filter_text")
    region = RegionFilter()
    status = django_filters.ChoiceFilter(
        label=_("状态"), choices=HazardStatus.choices, empty_label=_("全部状态")
    )
    open = django_filters.ChoiceFilter(
        label=_("未销案"), choices=YES_NO, method="filter_open", empty_label=_("全部")
    )
    grade = django_filters.ChoiceFilter(
        label=_("等级"), choices=HazardGrade.choices, empty_label=_("全部等级")
    )
    source = django_filters.ChoiceFilter(
        label=_("来源"), choices=HazardSource.choices, empty_label=_("全部来源")
    )
    overdue = django_filters.ChoiceFilter(
        label=_("逾期"), choices=YES_NO, method="filter_overdue", empty_label=_("全部")
    )
    place_type = ReferenceChoiceFilter(
        label=_("场所类型"), field_name="unit__place_type", model=PlaceType, empty_label=_("全部场所类型")
    )
    industry = ReferenceChoiceFilter(label=_("行业"), model=Industry, empty_label=_("全部行业"))
    department = django_filters.ModelChoiceFilter(
        label=_("监管部门"), field_name="unit__supervising_departments", queryset=Organization.objects.none(),
        empty_label=_("全部部门"), widget=RemoteSelect("department"),  # searched on the server
    )  # fmt: skip
    notice = django_filters.CharFilter(
        label=_("通知书文号"), field_name="notice__number", lookup_expr="icontains"
    )
    unit = IdFilter(label=_("单位编号"), field_name="unit_id")
    year = YearFilter(label=_("发现年度"), field_name="found_at", lookup_expr="year")
    clock = django_filters.ChoiceFilter(
        label=_("程序时限"), method="filter_clock", empty_label=_("全部"),
        choices=[("notice", _("待送达整改通知书（第十九条）")), ("opinion", _("待提出处理意见（第二十一条）")),
                 ("major_notice", _("待送达重大火灾隐患整改通知书（第二十一条）"))],
    )  # fmt: skip
    recheck_by = django_filters.DateFilter(
        label=_("复查期限不晚于"), method="filter_recheck_by", widget=forms.DateInput(attrs={"type": "date"})
    )

    class Meta:
        model = Hazard
        fields: list[str] = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        user = getattr(request, "user", None)
        # the choice list shows names only: two columns, not the organization's seventeen
        self.filters["department"].queryset = (
            Organization.objects.visible_to(user).filter(kind=OrgKind.DEPARTMENT).only("id", "name")
        )

    @property
    def qs(self) -> QuerySet[Hazard]:
        if self.is_bound and self.form.is_valid() and self.form.cleaned_data.get("overdue") == "yes":
            # Overdue hazards longest past their deadline first: the order an officer works them in, and the
            # order of the partial index of open hazards by deadline (hazards 0007), so the page is a short
            # index range instead of a walk through every recent hazard.
            return super().qs.order_by("deadline", "pk")
        return super().qs.order_by("-found_at", "-pk")

    def filter_clock(self, queryset: QuerySet[Hazard], name: str, value: str) -> QuerySet[Hazard]:
        """Hazards whose 120号令 clock ``value`` still runs (see ``hazards/clocks.py``)."""
        from flameblue.hazards import clocks

        if value == "notice":
            return clocks.pending("notice", queryset)
        return queryset.filter(major_procedure__in=clocks.pending(value))

    def filter_text(self, queryset: QuerySet[Hazard], name: str, value: str) -> QuerySet[Hazard]:
        value = value.strip()
        if not value:
            return queryset
        text = Q(description__icontains=value) | Q(location__icontains=value)
        # Units whose name matches are looked up first (one trigram-indexed query, units 0007): when there are
        # few, the condition is a plain list of ids, so on PostgreSQL each branch of the OR is an index bitmap
        # (trigram indexes on description and location, hazards 0007; the unit index) instead of a filter
        # applied to every hazard in scope. Many matching units fall back to a subquery.
        unit_ids = list(
            Unit.objects.filter(name__icontains=value).values_list("pk", flat=True)[: UNIT_IDS + 1]
        )
        if not unit_ids:
            return queryset.filter(text)
        if len(unit_ids) > UNIT_IDS:
            return queryset.filter(
                text | Q(unit_id__in=Unit.objects.filter(name__icontains=value).values("pk"))
            )
        return queryset.filter(text | Q(unit_id__in=unit_ids))

    def filter_open(self, queryset: QuerySet[Hazard], name: str, value: str) -> QuerySet[Hazard]:
        if value == "yes":
            return queryset.filter(status__in=OPEN_STATUSES)
        return queryset.exclude(status__in=OPEN_STATUSES)

    def filter_overdue(self, queryset: QuerySet[Hazard], name: str, value: str) -> QuerySet[Hazard]:
        overdue = Q(status__in=OPEN_STATUSES, deadline__lt=timezone.localdate())
        return queryset.filter(overdue) if value == "yes" else queryset.exclude(overdue)

    def filter_recheck_by(self, queryset: QuerySet[Hazard], name: str, value: Any) -> QuerySet[Hazard]:
        """Hazards awaiting re-inspection (整改中 or 已报完成) whose re-check is due by ``value``."""
        return queryset.filter(
            status__in=(HazardStatus.RECTIFYING, HazardStatus.COMPLETION_REPORTED), recheck_due__lte=value
        )


class NoticeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("文号或单位"), method="filter_text")
    region = RegionFilter()
    status = django_filters.ChoiceFilter(
        label=_("状态"), choices=NoticeStatus.choices, empty_label=_("全部状态")
    )
    year = YearFilter(label=_("年度"))

    class Meta:
        model = Notice
        fields: list[str] = []

    def filter_clock(self, queryset: QuerySet[Hazard], name: str, value: str) -> QuerySet[Hazard]:
        """Hazards whose 120号令 clock ``value`` still runs (see ``hazards/clocks.py``)."""
        from flameblue.hazards import clocks

        if value == "notice":
            return clocks.pending("notice", queryset)
        return queryset.filter(major_procedure__in=clocks.pending(value))

    def filter_text(self, queryset: QuerySet[Notice], name: str, value: str) -> QuerySet[Notice]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(number__icontains=value) | Q(unit__name__icontains=value))
