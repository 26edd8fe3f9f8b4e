"""One filter definition per list (page and API): rotations and 公示 objections."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from flameblue.core.filters import IdFilter, YearFilter
from flameblue.corps.objections.choices import ObjectionStatus
from flameblue.corps.objections.models import Objection
from flameblue.corps.staffing.choices import RotationStatus
from flameblue.corps.staffing.models import Rotation

__all__ = ["ObjectionFilter", "RotationFilter"]


class RotationFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=RotationStatus.choices, label=_("状态"))
    year = YearFilter(field_name="starts_on", lookup_expr="year", label=_("年度"))
    station = IdFilter(field_name="station_id", widget=django_filters.widgets.forms.HiddenInput)

    class Meta:
        model = Rotation
        fields = ["status", "year", "station"]


class ObjectionFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=ObjectionStatus.choices, label=_("状态"))
    plan = IdFilter(field_name="plan_id", widget=django_filters.widgets.forms.HiddenInput)

    class Meta:
        model = Objection
        fields = ["status", "plan"]
