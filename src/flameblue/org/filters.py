"""One filter definition per list (organizations, people, memberships, accounts), limited to the user's
scope: every choice offered comes from ``visible_to``."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from flameblue.core.filters import RegionFilter
from flameblue.org.choices import OrgKind
from flameblue.org.models import Industry, Membership, Organization, Person, Role, User

__all__ = ["MembershipFilter", "OrganizationFilter", "PersonFilter", "UserFilter"]

TOMSELECT = forms.Select(attrs={"class": "form-select js-tomselect"})


def _organizations(request):
    return Organization.objects.visible_to(getattr(request, "user", None))


def _industries(request):
    return Industry.objects.visible_to(getattr(request, "user", None))


def _roles(request):
    return Role.objects.visible_to(getattr(request, "user", None))


class OrganizationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("关键字"), method="search")
    region = RegionFilter()
    kind = django_filters.ChoiceFilter(label=_("类型"), choices=OrgKind.choices)
    industry = django_filters.ModelChoiceFilter(label=_("行业"), queryset=_industries)

    class Meta:
        model = Organization
        fields: list[str] = []

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value) | Q(short_name__icontains=value) | Q(credit_code__iexact=value)
        )


class PersonFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("姓名或职务"), method="search")
    region = RegionFilter(region_path="organization__region_id")
    organization = django_filters.ModelChoiceFilter(
        label=_("所属组织"), queryset=_organizations, widget=TOMSELECT
    )

    class Meta:
        model = Person
        fields: list[str] = []

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(name__icontains=value) | Q(title__icontains=value)) if value else queryset


class MembershipFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("人员姓名"), field_name="person__name", lookup_expr="icontains")
    organization = django_filters.ModelChoiceFilter(
        label=_("组织"), queryset=_organizations, widget=TOMSELECT
    )
    role = django_filters.ModelChoiceFilter(label=_("角色"), queryset=_roles)

    class Meta:
        model = Membership
        fields: list[str] = []


class UserFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("用户名或姓名"), method="search")
    is_active = django_filters.BooleanFilter(label=_("启用"))

    class Meta:
        model = User
        fields: list[str] = []

    def search(self, queryset, name, value):
        value = value.strip()
        return (
            queryset.filter(Q(username__icontains=value) | Q(person__name__icontains=value))
            if value
            else queryset
        )
