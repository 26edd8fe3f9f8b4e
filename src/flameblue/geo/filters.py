"""The one filter definition of the region list, shared by the HTML list, the API and exports."""

from __future__ import annotations

import django_filters
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from flameblue.geo.choices import RegionLevel
from flameblue.geo.models import Region

__all__ = ["RegionFilterSet", "region_code_validator"]

region_code_validator = RegexValidator(r"^\d{1,12}$", _("区划代码只能由数字组成（最多 12 位）。"))


class RegionFilterSet(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(label=_("级别"), choices=RegionLevel.choices)
    parent = django_filters.CharFilter(
        label=_("上级区划代码"), field_name="parent_id", validators=[region_code_validator]
    )
    code__startswith = django_filters.CharFilter(
        label=_("区划代码前缀"),
        field_name="code",
        lookup_expr="startswith",
        validators=[region_code_validator],
    )
    q = django_filters.CharFilter(label=_("名称"), field_name="name", lookup_expr="icontains")

    class Meta:
        model = Region
        fields = ["level", "parent", "code__startswith", "q"]
