"""Forms and filters of the planning pages (due list, plans, draws, conflicts, compliance). They parse input
and limit every choice to the user's scope; the services in planning.py, draws.py and conflicts.py decide."""

from __future__ import annotations

import datetime as dt
from typing import Any

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.scoping import in_region, within_scopes
from flameblue.geo.models import Region
from flameblue.inspections.models import (
    ConflictDeclaration,
    Draw,
    InspectionPlan,
    InspectionPlanItem,
    SupervisionDue,
)
from flameblue.inspections.planning.conflicts import may_declare_for_others
from flameblue.inspections.planning.services import brigade_inspectors, planning_brigades
from flameblue.org.choices import FIRE_SERVICE_KINDS
from flameblue.org.models import Person, User
from flameblue.units.choices import UnitCategory
from flameblue.units.models import PlaceType, RiskTag, Unit

__all__ = [
    "ComplianceFilterForm",
    "ConflictForm",
    "DrawForm",
    "PlanForm",
    "SupervisionDueFilterSet",
]

SELECT = {"class": "form-select"}
DATE = {"type": "date", "class": "form-control"}
WEEKDAYS = [
    (0, _("周一")),
    (1, _("周二")),
    (2, _("周三")),
    (3, _("周四")),
    (4, _("周五")),
    (5, _("周六")),
    (6, _("周日")),
]


def townships_for(user: Any, model: type, action: str = "view"):
    """Townships inside the user's scopes for the action (for filter and pool choices)."""
    from flameblue.core.scoping import user_scopes

    q = Q(pk__in=[])
    for scope in user_scopes(user, model, action):
        q |= in_region(scope.region_prefix, "code") if scope.region_prefix else ~Q(pk=None)
    return Region.objects.filter(q, level="township").order_by("code")


class _InspectorChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: User) -> str:
        person = obj.person
        return f"{person.name}（{person.organization.name}）" if person else obj.get_username()


class SupervisionDueFilterSet(django_filters.FilterSet):
    """The due list's filters: township, overdue only, key units only, unit name."""

    township = django_filters.ModelChoiceFilter(
        label=_("乡镇（街道）"), queryset=Region.objects.none(), method="filter_township"
    )
    overdue = django_filters.BooleanFilter(
        label=_("只看已逾期"), method="filter_overdue", widget=forms.CheckboxInput
    )
    key_units = django_filters.BooleanFilter(
        label=_("只看重点单位"), field_name="unit__is_key_unit", widget=forms.CheckboxInput
    )
    q = django_filters.CharFilter(label=_("单位名称"), field_name="unit__name", lookup_expr="icontains")
    due_from = django_filters.DateFilter(
        label=_("到期日不早于"),
        field_name="next_due_on",
        lookup_expr="gte",
        widget=forms.DateInput(attrs=DATE),
    )
    due_to = django_filters.DateFilter(
        label=_("到期日不晚于"),
        field_name="next_due_on",
        lookup_expr="lte",
        widget=forms.DateInput(attrs=DATE),
    )

    class Meta:
        model = SupervisionDue
        fields: list[str] = []

    def __init__(self, *args: Any, request: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if request is not None:
            self.filters["township"].queryset = townships_for(request.user, SupervisionDue)

    def filter_township(self, queryset, name, value):
        return queryset.filter(in_region(value.code)) if value else queryset

    def filter_overdue(self, queryset, name, value):
        return queryset.filter(next_due_on__lt=timezone.localdate()) if value else queryset


class PlanFilterSet(django_filters.FilterSet):
    """The plan list's filter: ``week`` (any date of it) keeps the plans with units planned that week."""

    week = django_filters.DateFilter(
        label=_("检查周（任一日期）"), method="filter_week", widget=forms.DateInput(attrs=DATE)
    )

    class Meta:
        model = InspectionPlan
        fields: list[str] = []

    def filter_week(self, queryset, name, value):
        monday = value - dt.timedelta(days=value.weekday())
        items = InspectionPlanItem.objects.filter(
            planned_on__gte=monday, planned_on__lte=monday + dt.timedelta(days=6)
        )
        return queryset.filter(pk__in=items.values("plan_id"))


class PlanForm(forms.Form):
    """A week's plan: the brigade, the period, which weekdays to use, the due units and the inspectors; the
    units are spread over the chosen days with a rota of the chosen inspectors."""

    brigade = forms.ModelChoiceField(
        label=_("制定计划的大队"), queryset=None, widget=forms.Select(attrs=SELECT)
    )
    title = forms.CharField(label=_("计划名称"), max_length=120)
    starts_on = forms.DateField(label=_("开始日期"), widget=forms.DateInput(attrs=DATE))
    ends_on = forms.DateField(label=_("结束日期"), widget=forms.DateInput(attrs=DATE))
    weekdays = forms.TypedMultipleChoiceField(
        label=_("检查日"),
        choices=WEEKDAYS,
        coerce=int,
        initial=[0, 1, 2, 3, 4],
        widget=forms.CheckboxSelectMultiple,
    )
    units = forms.ModelMultipleChoiceField(
        label=_("检查单位（到期清单）"), queryset=None, widget=forms.SelectMultiple(attrs={"class": "form-select js-tomselect"}),
        error_messages={"required": _("请至少选择一个检查单位。"), "invalid_choice": _("请从到期清单中选择单位。")},
    )  # fmt: skip
    inspectors = _InspectorChoice(
        label=_("检查人员"), queryset=None, widget=forms.SelectMultiple(attrs={"class": "form-select js-tomselect"}),
        error_messages={"required": _("请至少选择一名检查人员。")},
    )  # fmt: skip
    per_unit = forms.IntegerField(label=_("每单位检查人员数"), min_value=1, max_value=5, initial=2)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from flameblue.inspections.planning.services import due_units

        brigades = planning_brigades(user)
        self.fields["brigade"].queryset = brigades
        due = due_units(user).values("unit_id")
        from flameblue.units.models import Unit

        self.fields["units"].queryset = (
            Unit.objects.filter(pk__in=due).select_related("region").order_by("region_id", "name")
        )
        self.fields["units"].label_from_instance = lambda u: f"{u.region.name} · {u.name}"
        ids = [pk for b in brigades for pk in brigade_inspectors(b).values_list("pk", flat=True)]
        self.fields["inspectors"].queryset = User.objects.filter(pk__in=ids).select_related(
            "person__organization"
        )
        if not self.is_bound:
            today = timezone.localdate()
            monday = today + dt.timedelta(days=7 - today.weekday())
            self.initial.setdefault("starts_on", monday)
            self.initial.setdefault("ends_on", monday + dt.timedelta(days=6))
            if brigades.count() == 1:
                self.initial.setdefault("brigade", brigades.first())

    def plan_days(self) -> list[dt.date]:
        start, end = self.cleaned_data["starts_on"], self.cleaned_data["ends_on"]
        wanted = set(self.cleaned_data["weekdays"])
        count = max((end - start).days + 1, 0)
        return [
            d for d in (start + dt.timedelta(days=i) for i in range(min(count, 31))) if d.weekday() in wanted
        ]


class DrawForm(forms.Form):
    """A 双随机 task: the brigade, the pool filter, how many units, how many inspectors each, the inspectors."""

    brigade = forms.ModelChoiceField(
        label=_("组织抽查的大队"), queryset=None, widget=forms.Select(attrs=SELECT)
    )
    title = forms.CharField(label=_("抽查任务名称"), max_length=120)
    township = forms.ModelChoiceField(
        label=_("乡镇（街道）"), queryset=None, required=False, widget=forms.Select(attrs=SELECT),
        help_text=_("留空为大队全部辖区。"),
    )  # fmt: skip
    key_units_only = forms.BooleanField(label=_("只抽重点单位"), required=False)
    place_type = forms.ModelChoiceField(
        label=_("场所类型"),
        queryset=PlaceType.objects.all(),
        required=False,
        widget=forms.Select(attrs=SELECT),
    )
    category = forms.ChoiceField(
        label=_("单位类别"), choices=[("", "---------"), *UnitCategory.choices], required=False,
        widget=forms.Select(attrs=SELECT),
    )  # fmt: skip
    risk_tag = forms.ModelChoiceField(
        label=_("风险标签"), queryset=RiskTag.objects.all(), required=False, widget=forms.Select(attrs=SELECT)
    )
    unit_count = forms.IntegerField(label=_("抽取单位数"), min_value=1, max_value=500, initial=10)
    inspectors_per_unit = forms.IntegerField(
        label=_("每单位检查人员数"), min_value=1, max_value=5, initial=2,
        help_text=_("《消防监督检查规定》第十四条：检查人员不得少于两人。"),
    )  # fmt: skip
    inspector_pool = _InspectorChoice(
        label=_("检查人员库"), queryset=None, required=False,
        widget=forms.SelectMultiple(attrs={"class": "form-select js-tomselect"}),
        help_text=_("留空为本大队全部监督检查人员。"),
    )  # fmt: skip

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        brigades = planning_brigades(user, Draw)
        self.fields["brigade"].queryset = brigades
        self.fields["township"].queryset = townships_for(user, Draw, "add")
        self.fields["township"].label_from_instance = lambda r: f"{r.code} {r.name}"
        ids = [pk for b in brigades for pk in brigade_inspectors(b).values_list("pk", flat=True)]
        self.fields["inspector_pool"].queryset = User.objects.filter(pk__in=ids).select_related(
            "person__organization"
        )
        if not self.is_bound and brigades.count() == 1:
            self.initial.setdefault("brigade", brigades.first())

    def pool_filter(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "township": data["township"].code if data.get("township") else "",
            "key_units_only": bool(data.get("key_units_only")),
            "place_type": data["place_type"].code if data.get("place_type") else "",
            "category": data.get("category") or "",
            "risk_tag": data["risk_tag"].code if data.get("risk_tag") else "",
        }


class ConflictForm(forms.Form):
    """Declare a conflict of interest: discipline officers for any fire-service person in scope, an inspector
    for themself (the person field is then fixed)."""

    person = forms.ModelChoiceField(
        label=_("申报人员"), queryset=None, widget=forms.Select(attrs=SELECT), required=False
    )
    unit = forms.ModelChoiceField(
        label=_("存在冲突的单位"), queryset=None, widget=forms.Select(attrs={"class": "form-select js-tomselect"}),
        error_messages={"required": _("请选择存在利益冲突的单位。"), "invalid_choice": _("请选择您管辖范围内的单位。")},
    )  # fmt: skip
    reason = forms.CharField(
        label=_("冲突情形"), max_length=200, help_text=_("如：配偶经营该单位、近亲属任该单位负责人。")
    )
    valid_from = forms.DateField(label=_("起始日期"), required=False, widget=forms.DateInput(attrs=DATE))
    valid_to = forms.DateField(label=_("截止日期"), required=False, widget=forms.DateInput(attrs=DATE))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["unit"].queryset = within_scopes(
            Unit.objects.all(), user, ConflictDeclaration, "add"
        ).order_by("region_id", "name")
        if may_declare_for_others(user):
            self.fields["person"].required = True
            self.fields["person"].queryset = (
                Person.objects.visible_to(user, "view")
                .filter(organization__kind__in=FIRE_SERVICE_KINDS, is_active=True)
                .select_related("organization")
            )
            self.fields["person"].label_from_instance = lambda p: f"{p.name}（{p.organization.name}）"
        else:
            self.fields["person"].queryset = Person.objects.filter(pk=getattr(user, "person_id", None))
            self.fields["person"].disabled = True
            self.fields["person"].help_text = _("只能申报本人的利益冲突。")
            self.initial["person"] = getattr(user, "person_id", None)

    def declared_person(self) -> Person | None:
        return self.cleaned_data.get("person") or getattr(self.user, "person", None)


class ComplianceFilterForm(forms.Form):
    start = forms.DateField(label=_("起始日期"), required=False, widget=forms.DateInput(attrs=DATE))
    end = forms.DateField(label=_("截止日期"), required=False, widget=forms.DateInput(attrs=DATE))
    group = forms.ChoiceField(
        label=_("统计方式"), required=False, choices=[("township", _("按乡镇（街道）")), ("industry", _("按行业"))],
        widget=forms.Select(attrs=SELECT),
    )  # fmt: skip

    def period(self) -> tuple[dt.date, dt.date]:
        today = timezone.localdate()
        data = self.cleaned_data if self.is_valid() else {}
        end = data.get("end") or today
        first = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        start = data.get("start") or (first - dt.timedelta(days=1)).replace(day=1)
        if start > end:
            start = end
        return start, end

    def grouping(self) -> str:
        return (self.cleaned_data.get("group") if self.is_valid() else "") or "township"
