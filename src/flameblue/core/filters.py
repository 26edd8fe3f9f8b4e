"""Filters for the audit log, shared by the page and its Excel export."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import AuditAction, AuditEvent

__all__ = ["AuditEventFilter"]


class AuditEventFilter(django_filters.FilterSet):
    actor = django_filters.CharFilter(label=_("操作人"), method="filter_actor")
    action = django_filters.ChoiceFilter(label=_("操作"), choices=AuditAction.choices)
    object_type = django_filters.CharFilter(
        label=_("对象类型"), field_name="object_type", lookup_expr="iexact"
    )
    object_id = django_filters.CharFilter(label=_("对象编号"), field_name="object_id")
    since = django_filters.DateFilter(
        label=_("起始日期"),
        field_name="at",
        lookup_expr="date__gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = django_filters.DateFilter(
        label=_("截止日期"),
        field_name="at",
        lookup_expr="date__lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = AuditEvent
        fields: list[str] = []

    def filter_actor(self, queryset, name, value):
        """By login name or the person's real name."""
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(actor_name__icontains=value) | Q(actor__person__name__icontains=value))
