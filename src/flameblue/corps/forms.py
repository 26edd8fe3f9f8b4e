"""Forms of the corps pages: they parse input, the services do every write. Choices are limited to what the
user may reach (people and stations in the user's scope for adding)."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from flameblue.core.scoping import within_scopes
from flameblue.corps.choices import DutyStatus, Rank
from flameblue.corps.models import AssessmentItem, AssessmentPlan, RosterEntry
from flameblue.org.choices import FIRE_SERVICE_KINDS, OrgKind
from flameblue.org.models import Organization, Person

__all__ = ["CorrectionForm", "PlanForm", "PublishForm", "ResultForm", "RosterForm"]

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MONTH = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
SELECT_MANY = forms.SelectMultiple(attrs={"class": "form-select js-tomselect"})


class NameChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return getattr(obj, "name", str(obj))


class NameMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return getattr(obj, "name", None) or getattr(obj, "title", str(obj))


class RosterForm(forms.Form):
    person = NameChoiceField(label=_("人员"), queryset=Person.objects.none())
    station = NameChoiceField(label=_("所在单位"), queryset=Organization.objects.none())
    post = forms.CharField(label=_("岗位"), max_length=60)
    rank = forms.ChoiceField(label=_("消防救援衔"), choices=Rank.choices)
    crew = forms.CharField(label=_("班组"), max_length=40, required=False)
    joined_on = forms.DateField(label=_("入职日期"), widget=DATE)
    posted_on = forms.DateField(label=_("到岗日期"), widget=DATE)
    status = forms.ChoiceField(label=_("状态"), choices=DutyStatus.choices, initial=DutyStatus.ON_DUTY)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        stations = within_scopes(
            Organization.objects.filter(kind__in=FIRE_SERVICE_KINDS, is_active=True), user, RosterEntry, "add"
        )
        self.fields["station"].queryset = stations.order_by("region_id", "name")
        self.fields["person"].queryset = (
            Person.objects.filter(organization__in=stations, is_active=True, roster_entry__isnull=True)
            .select_related("organization")
            .order_by("organization_id", "name")
        )


class PlanForm(forms.Form):
    month = forms.DateField(label=_("考核月份"), widget=MONTH, input_formats=["%Y-%m", "%Y-%m-%d"])
    held_on = forms.DateField(label=_("考核日期"), widget=DATE)
    title = forms.CharField(label=_("名称"), max_length=120, required=False, help_text=_("留空自动生成。"))
    team = forms.CharField(label=_("考核组成员"), widget=forms.Textarea(attrs={"rows": 2}))
    stations = NameMultipleChoiceField(
        label=_("受考核单位"), queryset=Organization.objects.none(), widget=SELECT_MANY
    )
    items = NameMultipleChoiceField(
        label=_("考核项目"), queryset=AssessmentItem.objects.none(), widget=SELECT_MANY
    )

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["stations"].queryset = within_scopes(
            Organization.objects.filter(kind__in=[OrgKind.STATION, OrgKind.FULLTIME_BRIGADE], is_active=True),
            user, AssessmentPlan, "add",
        ).order_by("region_id", "name")  # fmt: skip
        self.fields["items"].queryset = AssessmentItem.objects.filter(is_active=True)


class ResultForm(forms.Form):
    """One raw result. For a crew drill, the members' times separated by spaces or commas."""

    station = NameChoiceField(label=_("受考核单位"), queryset=Organization.objects.none())
    item = NameChoiceField(label=_("项目"), queryset=AssessmentItem.objects.none())
    member = forms.ModelChoiceField(label=_("参考人员"), queryset=RosterEntry.objects.none(), required=False)
    crew = forms.CharField(label=_("班组"), max_length=40, required=False)
    raw = forms.CharField(
        label=_("成绩"), max_length=200,
        help_text=_("用时写作 12'30\" 或 750（秒）；班组操法填每名队员用时，以空格或逗号分隔。"),
        widget=forms.TextInput(attrs={"inputmode": "text", "autocomplete": "off"}),
    )  # fmt: skip
    faults = forms.IntegerField(label=_("失误次数"), min_value=0, initial=0, required=False)

    def __init__(self, *args: Any, plan: AssessmentPlan, user: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["station"].queryset = plan.stations.order_by("name")
        self.fields["item"].queryset = plan.items.order_by("order")
        self.fields["member"].queryset = (
            RosterEntry.objects.filter(station__in=plan.stations.all())
            .select_related("person")
            .order_by("station_id", "crew", "person__name")
        )
        self.fields["member"].label_from_instance = lambda e: f"{e.person.name}（{e.crew or '-'}）"

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "station": data["station"], "item": data["item"], "member": data.get("member"),
            "crew": data.get("crew") or "", "raw": [t for t in re.split(r"[\s,，、;；]+", data["raw"]) if t],
            "faults": data.get("faults") or 0,
        }  # fmt: skip


class PublishForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("说明"), required=False, max_length=200)


class CorrectionForm(forms.Form):
    raw = forms.CharField(
        label=_("更正后成绩"), max_length=200, help_text=_("用时写作 12'30\" 或 750（秒）。")
    )
    faults = forms.IntegerField(label=_("失误次数"), min_value=0, required=False)
    reason = forms.CharField(label=_("更正原因"), max_length=200)

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"raw": [t for t in re.split(r"[\s,，、;；]+", data["raw"]) if t], "faults": data.get("faults"),
                "reason": data["reason"]}  # fmt: skip
