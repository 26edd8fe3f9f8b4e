"""The honour form: the services check that grade, category, person and unit fit together."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from flameblue.core.scoping import within_scopes
from flameblue.corps.honours.choices import AwardLevel, HonourCategory, HonourGrade
from flameblue.corps.honours.models import Honour
from flameblue.org.choices import FIRE_SERVICE_KINDS
from flameblue.org.models import Organization, Person

__all__ = ["HonourForm"]

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
FIELDS = ("category", "grade", "title", "level", "issuer", "awarded_on", "person", "unit", "citation",
          "document_number", "version")  # fmt: skip


class NameChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.name if not hasattr(obj, "organization_id") else f"{obj.name}（{obj.organization.name}）"


class HonourForm(forms.Form):
    category = forms.ChoiceField(label=_("类别"), choices=HonourCategory.choices)
    grade = forms.ChoiceField(label=_("表彰种类"), choices=HonourGrade.choices)
    title = forms.CharField(label=_("荣誉名称"), max_length=120)
    level = forms.ChoiceField(label=_("授奖层级"), choices=AwardLevel.choices)
    issuer = forms.CharField(label=_("授奖机关"), max_length=120)
    awarded_on = forms.DateField(label=_("授奖日期"), widget=DATE)
    person = NameChoiceField(label=_("获奖人员"), queryset=Person.objects.none(), required=False,
                             widget=forms.Select(attrs={"class": "form-select js-tomselect"}))  # fmt: skip
    unit = NameChoiceField(label=_("所在单位"), queryset=Organization.objects.none(), required=False,
                           help_text=_("个人表彰留空则为获奖人员所在单位。"))  # fmt: skip
    citation = forms.CharField(label=_("事迹简介"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
                               max_length=2000)  # fmt: skip
    document_number = forms.CharField(label=_("文号"), max_length=80, required=False)
    document = forms.FileField(label=_("表彰文件"), required=False, help_text=_("PDF 或图片。"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: Any = None, instance: Honour | None = None, **kwargs: Any):
        if instance is not None and not args and not kwargs.get("data"):
            kwargs["initial"] = {f: getattr(instance, f) for f in FIELDS}
        super().__init__(*args, **kwargs)
        action = "change" if instance is not None else "add"
        units = within_scopes(Organization.objects.filter(kind__in=FIRE_SERVICE_KINDS, is_active=True), user,
                              Honour, action)  # fmt: skip
        self.fields["unit"].queryset = units.order_by("region_id", "kind", "name")
        self.fields["person"].queryset = (
            Person.objects.filter(organization__in=units, is_active=True)
            .select_related("organization")
            .order_by("organization_id", "name")
        )

    def service_data(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if k not in ("document", "version")}
        return data

    @property
    def expected_version(self) -> int | None:
        return self.cleaned_data.get("version")
