"""Forms of the unit pages. Choices are limited to what the user may see; services do the writes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.lookups import RemoteSelect
from flameblue.geo.choices import RegionLevel
from flameblue.geo.models import Region
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization, Person
from flameblue.units.models import KeyUnitDeclaration, Unit
from flameblue.units.services import PEOPLE_FIELDS, PERSON_KEYS

__all__ = ["ATTRIBUTE_FIELDS", "DeclarationForm", "KeyUnitDecisionForm", "UnitForm", "bootstrap"]


def bootstrap(form: forms.BaseForm, *, small: bool = False) -> forms.BaseForm:
    """Give each widget its Bootstrap class (templates stay free of per-widget markup)."""
    size = "-sm" if small else ""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple | forms.HiddenInput):
            css = "form-check-input" if isinstance(widget, forms.CheckboxInput) else ""
        elif isinstance(widget, forms.Select):
            css = f"form-select form-select{size}" if size else "form-select"
        else:
            css = f"form-control form-control{size}" if size else "form-control"
        if css:
            widget.attrs["class"] = (widget.attrs.get("class", "") + " " + css).strip()
    return form


BASIC_FIELDS = [
    "name", "credit_code", "address", "region", "latitude", "longitude", "industry", "supervising_departments",
    "place_type", "category", "risk_tags", "status", "responsible_person", "safety_manager",
]  # fmt: skip
ATTRIBUTE_FIELDS = [
    "building_area_m2", "sells_combustibles", "guest_rooms", "inpatient_beds", "elderly_beds", "dormitory_beds",
    "child_beds", "seats", "waiting_hall_area_m2", "workers_on_site", "is_high_rise", "is_underground",
    "heritage_level", "admin_level", "manages_building", "combustible_structures",
]  # fmt: skip


class UnitForm(forms.ModelForm):
    """Create and edit a unit. ``version`` carries the version the user loaded (stale edits are refused)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Unit
        fields = BASIC_FIELDS + ATTRIBUTE_FIELDS
        widgets = {
            "risk_tags": forms.CheckboxSelectMultiple,
            "supervising_departments": forms.SelectMultiple(attrs={"size": 4}),
        }

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.user = user
        action = "change" if self.instance.pk else "add"
        self.fields["region"].queryset = Region.objects.visible_to(user).filter(level=RegionLevel.TOWNSHIP)
        self.fields["region"].label_from_instance = lambda r: (
            f"{r.parent.name if r.parent_id else ''} {r.name}"
        )
        self.fields["region"].queryset = self.fields["region"].queryset.select_related("parent")
        self.fields["supervising_departments"].queryset = Organization.objects.visible_to(user).filter(
            kind=OrgKind.DEPARTMENT
        )
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        self._people_fields(user)
        self.action = action
        bootstrap(self)

    def _people_fields(self, user: Any) -> None:
        """Each responsible person is chosen among the social-unit people the user may see (Tom Select) or
        entered as a new person (name, phone, ID number) who is registered with the unit."""
        people = Person.objects.visible_to(user).filter(organization__kind=OrgKind.SOCIAL_UNIT)
        if self.instance.pk:
            current = [self.instance.responsible_person_id, self.instance.safety_manager_id]
            people = people.filter(is_active=True) | Person.objects.filter(pk__in=[p for p in current if p])
        else:
            people = people.filter(is_active=True)
        people = people.select_related("organization").order_by("organization__name", "name", "pk")
        for name in PEOPLE_FIELDS:
            field = self.fields[name]
            field.widget = RemoteSelect("unit-person")  # thousands of people: searched on the server
            field.queryset = people
            field.label_from_instance = lambda p: f"{p.name}（{p.organization.name}）"
            field.help_text = _("选择已登记人员，或在下方填写新人员。")
            label = field.label
            self.fields[f"{name}_name"] = forms.CharField(
                label=_("新%(role)s姓名") % {"role": label}, max_length=40, required=False
            )
            self.fields[f"{name}_phone"] = forms.CharField(
                label=_("新%(role)s手机号码") % {"role": label}, max_length=20, required=False
            )
            self.fields[f"{name}_id_number"] = forms.CharField(
                label=_("新%(role)s身份证号") % {"role": label}, max_length=18, required=False
            )

    def sections(self) -> list[tuple[str, list[forms.BoundField]]]:
        """The visible fields grouped as the page shows them: the unit, its people, the rule attributes."""
        people = [
            f"{name}{suffix}" for name in PEOPLE_FIELDS for suffix in ("", "_name", "_phone", "_id_number")
        ]
        basic = [name for name in BASIC_FIELDS if name not in PEOPLE_FIELDS]
        return [
            (str(_("基本信息")), [self[name] for name in basic]),
            (str(_("消防安全责任人与管理人")), [self[name] for name in people]),
            (str(_("界定属性")), [self[name] for name in ATTRIBUTE_FIELDS]),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for name in PEOPLE_FIELDS:
            entered = [f"{name}_{key}" for key in PERSON_KEYS if (data.get(f"{name}_{key}") or "").strip()]
            if not entered:
                continue
            label = self.fields[name].label
            if f"{name}_name" not in entered:
                self.add_error(f"{name}_name", _("请填写新%(role)s的姓名。") % {"role": label})
            elif data.get(name) is not None:
                self.add_error(
                    f"{name}_name",
                    _("已选择%(role)s时无需再填写新人员；如需登记新人员，请先清空所选人员。")
                    % {"role": label},
                )
        return data

    def service_data(self) -> dict[str, Any]:
        data = {name: self.cleaned_data[name] for name in self._meta.fields if name in self.cleaned_data}
        for name in PEOPLE_FIELDS:
            entered = {key: (self.cleaned_data.get(f"{name}_{key}") or "").strip() for key in PERSON_KEYS}
            if entered["name"]:
                data[f"new_{name}"] = entered
                data.pop(name, None)
        return data

    def _post_clean(self) -> None:
        # Model validation (uniqueness, credit code) runs in the service so its messages are the service's.
        pass


class KeyUnitDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("认定结论"), choices=[("confirm", _("认定为重点单位")), ("reject", _("不认定"))]
    )
    tier = forms.CharField(label=_("重点单位等级"), max_length=20, required=False)
    reason = forms.CharField(label=_("理由"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.user = user
        bootstrap(self, small=True)


class DeclarationForm(forms.ModelForm):
    class Meta:
        model = KeyUnitDeclaration
        fields = ["year", "changes", "note"]
        widgets = {"changes": forms.Textarea(attrs={"rows": 4}), "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["year"].initial = timezone.localdate().year
        bootstrap(self)

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        this_year = timezone.localdate().year
        if not this_year - 1 <= year <= this_year + 1:
            raise forms.ValidationError(
                _("申报年度应在 %(a)s 至 %(b)s 年之间。") % {"a": this_year - 1, "b": this_year + 1}
            )
        return year

    def _post_clean(self) -> None:
        pass
