"""The one filter definition of the checklist list, shared by the page and the API."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from flameblue.inspections.choices import PLACE_TYPES, ChecklistKind, ChecklistStatus
from flameblue.inspections.models import Checklist

__all__ = ["ChecklistFilterSet"]

SELECT = forms.Select(attrs={"class": "form-select"})


class ChecklistFilterSet(django_filters.FilterSet):
    place_type = django_filters.ChoiceFilter(
        label=_("场所类型"), choices=list(PLACE_TYPES.items()), widget=SELECT
    )
    kind = django_filters.ChoiceFilter(label=_("类别"), choices=ChecklistKind.choices, widget=SELECT)
    status = django_filters.ChoiceFilter(label=_("状态"), choices=ChecklistStatus.choices, widget=SELECT)
    code = django_filters.CharFilter(
        label=_("检查表代码"), widget=forms.TextInput(attrs={"class": "form-control"})
    )

    class Meta:
        model = Checklist
        fields = ["place_type", "kind", "status", "code"]
