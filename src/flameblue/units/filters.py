"""The one filter definition of the unit list, shared by the HTML list, the API and the Excel export."""

from __future__ import annotations

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from flameblue.core.filters import RegionFilter
from flameblue.core.forms import RegionChoiceField
from flameblue.core.lookups import RemoteSelect
from flameblue.core.reference_choices import ReferenceChoiceFilter
from flameblue.geo.models import Region
from flameblue.org.choices import OrgKind
from flameblue.org.models import Industry, Organization
from flameblue.units.choices import OperatingStatus, UnitCategory
from flameblue.units.models import PlaceType, RiskTag, Unit

__all__ = ["UnitFilter"]

KEY_UNIT_CHOICES = [("yes", _("重点单位")), ("no", _("非重点单位")), ("review", _("待复核"))]


class AnyRegionField(RegionChoiceField):
    """Offers the user's regions but accepts any region code: ``?region=`` (a link, a bookmark) filters by that
    region's subtree even when it reaches outside the user's regions; the scoped queryset still limits the
    rows. An unknown code is an error, and the list then shows nothing rather than everything."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        region = Region.objects.filter(code=str(value).strip()).first()
        if region is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return region


class UnitRegionFilter(RegionFilter):
    field_class = AnyRegionField

    def get_queryset(self, request):
        """The user's regions, plus the one asked for so the select shows it chosen."""
        offered = super().get_queryset(request)
        code = getattr(self.parent, "data", {}).get(self.field_name) if self.parent is not None else None
        return (offered | Region.objects.filter(code=code)).distinct() if code else offered


class UnitFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("关键字"), method="filter_text")
    region = UnitRegionFilter()
    place_type = ReferenceChoiceFilter(label=_("场所类型"), model=PlaceType, empty_label=_("全部场所类型"))
    risk_tag = ReferenceChoiceFilter(
        label=_("风险标签"), field_name="risk_tags", model=RiskTag, empty_label=_("全部风险标签")
    )
    key_unit = django_filters.ChoiceFilter(
        label=_("重点单位"), choices=KEY_UNIT_CHOICES, method="filter_key_unit", empty_label=_("全部")
    )
    category = django_filters.ChoiceFilter(
        label=_("单位类别"), choices=UnitCategory.choices, empty_label=_("全部类别")
    )
    status = django_filters.ChoiceFilter(
        label=_("经营状态"), choices=OperatingStatus.choices, empty_label=_("全部状态")
    )
    industry = ReferenceChoiceFilter(label=_("主管行业"), model=Industry, empty_label=_("全部行业"))
    department = django_filters.ModelChoiceFilter(
        label=_("监管部门"),
        field_name="supervising_departments",
        queryset=Organization.objects.none(),
        empty_label=_("全部部门"),
        widget=RemoteSelect("department"),  # searched on the server: a province has thousands
    )

    class Meta:
        model = Unit
        fields: list[str] = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        user = getattr(request, "user", None)
        # the choice list shows names only: two columns, not the organization's seventeen
        self.filters["department"].queryset = (
            Organization.objects.visible_to(user).filter(kind=OrgKind.DEPARTMENT).only("id", "name")
        )

    @property
    def qs(self) -> QuerySet[Unit]:
        # A total order (region, name, pk) keeps pages stable and lets a keyset paginator continue from a row.
        if self.is_bound and "region" in self.form.errors:
            return self.queryset.none()
        return super().qs.order_by("region_id", "name", "pk")

    def filter_text(self, queryset: QuerySet[Unit], name: str, value: str) -> QuerySet[Unit]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value) | Q(credit_code__icontains=value.upper()) | Q(address__icontains=value)
        )

    def filter_key_unit(self, queryset: QuerySet[Unit], name: str, value: str) -> QuerySet[Unit]:
        if value == "review":
            return queryset.filter(key_unit_needs_review=True)
        return queryset.filter(is_key_unit=value == "yes")
