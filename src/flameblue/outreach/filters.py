"""The one filter definition of each outreach list, shared by the page, the API and the Excel export."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from flameblue.core.filters import RegionFilter, YearFilter
from flameblue.outreach.choices import MaterialKind, TermKind
from flameblue.outreach.models import EducationBase, Material, PublicityDrive, Term, TrainingSession

__all__ = ["BaseFilter", "DriveFilter", "MaterialFilter", "SessionFilter"]


def _terms(kind: str):
    return lambda request: Term.objects.filter(kind=kind, active=True)


class SessionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("关键字"), field_name="title", lookup_expr="icontains")
    region = RegionFilter()
    session_type = django_filters.ModelChoiceFilter(
        label=_("培训类型"), queryset=_terms(TermKind.TRAINING_TYPE), empty_label=_("全部类型")
    )
    year = YearFilter(label=_("年度"), field_name="held_on", lookup_expr="year")

    class Meta:
        model = TrainingSession
        fields: list[str] = []

    @property
    def qs(self) -> QuerySet[TrainingSession]:
        return super().qs.order_by("-held_on", "-pk")


class DriveFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("关键字"), field_name="title", lookup_expr="icontains")
    region = RegionFilter(region_path="township_id")
    drive_type = django_filters.ModelChoiceFilter(
        label=_("活动类型"), queryset=_terms(TermKind.DRIVE_TYPE), empty_label=_("全部类型")
    )
    target = django_filters.ModelChoiceFilter(
        label=_("“七进”对象"), queryset=_terms(TermKind.DRIVE_TARGET), empty_label=_("全部对象")
    )
    year = YearFilter(label=_("年度"), field_name="held_on", lookup_expr="year")

    class Meta:
        model = PublicityDrive
        fields: list[str] = []

    @property
    def qs(self) -> QuerySet[PublicityDrive]:
        return super().qs.order_by("-held_on", "-pk")


class MaterialFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("关键字"), field_name="title", lookup_expr="icontains")
    region = RegionFilter()
    kind = django_filters.ChoiceFilter(
        label=_("资料类别"), choices=MaterialKind.choices, empty_label=_("全部类别")
    )

    class Meta:
        model = Material
        fields: list[str] = []

    @property
    def qs(self) -> QuerySet[Material]:
        return super().qs.order_by("region_id", "title", "pk")


class BaseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("关键字"), field_name="name", lookup_expr="icontains")
    region = RegionFilter()
    kind = django_filters.ModelChoiceFilter(
        label=_("基地类别"), queryset=_terms(TermKind.BASE_KIND), empty_label=_("全部类别")
    )

    class Meta:
        model = EducationBase
        fields: list[str] = []

    @property
    def qs(self) -> QuerySet[EducationBase]:
        return super().qs.order_by("region_id", "name", "pk")
