"""The one filter definition of each governance list, shared by the page, the API and the Excel export."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.filters import IdFilter, RegionFilter, YearFilter
from flameblue.governance.choices import ActionItemStatus, LetterStatus, MeetingKind, RecordKind
from flameblue.governance.models import (
    ActionItem,
    AnalysisDue,
    GovernmentRecord,
    Meeting,
    ResponsibilityLetter,
)
from flameblue.governance.selectors import overdue_q

__all__ = ["ActionItemFilter", "AnalysisDueFilter", "LetterFilter", "MeetingFilter", "RecordFilter"]

YES_NO = [("yes", _("是")), ("no", _("否"))]


class MeetingFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("关键字"), method="filter_text")
    region = RegionFilter()
    kind = django_filters.ChoiceFilter(
        label=_("会议类型"), choices=MeetingKind.choices, empty_label=_("全部类型")
    )
    year = YearFilter(label=_("年度"), field_name="held_on", lookup_expr="year")

    class Meta:
        model = Meeting
        fields: list[str] = []

    @property
    def qs(self) -> QuerySet[Meeting]:
        return super().qs.order_by("-held_on", "-pk")

    def filter_text(self, queryset: QuerySet[Meeting], name: str, value: str) -> QuerySet[Meeting]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(title__icontains=value) | Q(topics__icontains=value))


class ActionItemFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("关键字"), method="filter_text")
    region = RegionFilter(region_path="owner__region_id")
    status = django_filters.ChoiceFilter(
        label=_("状态"), choices=ActionItemStatus.choices, empty_label=_("全部状态")
    )
    overdue = django_filters.ChoiceFilter(
        label=_("逾期未反馈"), choices=YES_NO, method="filter_overdue", empty_label=_("全部")
    )
    meeting = IdFilter(label=_("会议"), field_name="decision__meeting_id")

    class Meta:
        model = ActionItem
        fields: list[str] = []

    @property
    def qs(self) -> QuerySet[ActionItem]:
        return super().qs.order_by("feedback_due_on", "pk")

    def filter_text(self, queryset: QuerySet[ActionItem], name: str, value: str) -> QuerySet[ActionItem]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(task__icontains=value) | Q(owner__name__icontains=value))

    def filter_overdue(self, queryset: QuerySet[ActionItem], name: str, value: str) -> QuerySet[ActionItem]:
        late = overdue_q(timezone.localdate())
        return queryset.filter(late) if value == "yes" else queryset.exclude(late)


class LetterFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("签订单位"), field_name="signatory__name", lookup_expr="icontains")
    region = RegionFilter(region_path="signatory__region_id")
    year = YearFilter(label=_("年度"), field_name="year")
    issuer = IdFilter(label=_("发放政府"), field_name="issuer_id")
    status = django_filters.ChoiceFilter(
        label=_("状态"), choices=LetterStatus.choices, empty_label=_("全部状态")
    )

    class Meta:
        model = ResponsibilityLetter
        fields: list[str] = []

    @property
    def qs(self) -> QuerySet[ResponsibilityLetter]:
        return super().qs.order_by(
            "-year", "issuer__region_id", "signatory__region_id", "signatory__name", "pk"
        )


ANALYSIS_STATES = [
    ("due", _("待研判")),
    ("overdue", _("逾期未研判")),
    ("done", _("已研判")),
]


class AnalysisDueFilter(django_filters.FilterSet):
    region = RegionFilter()
    year = YearFilter(label=_("年度"), field_name="due_on", lookup_expr="year")
    state = django_filters.ChoiceFilter(
        label=_("状态"), choices=ANALYSIS_STATES, method="filter_state", empty_label=_("全部状态")
    )
    committee = IdFilter(field_name="committee_id", label=_("委员会"))

    class Meta:
        model = AnalysisDue
        fields: list[str] = []

    @property
    def qs(self) -> QuerySet[AnalysisDue]:
        return super().qs.order_by("-due_on", "region_id", "pk")

    def filter_state(self, queryset: QuerySet[AnalysisDue], name: str, value: str) -> QuerySet[AnalysisDue]:
        today = timezone.localdate()
        if value == "done":
            return queryset.filter(meeting__isnull=False)
        if value == "overdue":
            return queryset.filter(meeting__isnull=True, due_on__lt=today)
        if value == "due":
            return queryset.filter(meeting__isnull=True, due_on__gte=today)
        return queryset


class RecordFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("关键字"), method="filter_text")
    region = RegionFilter()
    kind = django_filters.ChoiceFilter(label=_("类型"), choices=RecordKind.choices, empty_label=_("全部类型"))
    year = YearFilter(label=_("年度"), field_name="held_on", lookup_expr="year")

    class Meta:
        model = GovernmentRecord
        fields: list[str] = []

    @property
    def qs(self) -> QuerySet[GovernmentRecord]:
        return super().qs.order_by("-held_on", "-pk")

    def filter_text(
        self, queryset: QuerySet[GovernmentRecord], name: str, value: str
    ) -> QuerySet[GovernmentRecord]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(title__icontains=value)
            | Q(summary__icontains=value)
            | Q(findings__icontains=value)
            | Q(document_no__icontains=value)
        )
