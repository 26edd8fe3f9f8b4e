"""Forms of the incident and case review pages: they parse input; the services do every write. Choices
are limited to what the user may reach."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from flameblue.core.forms import DESCRIPTION_MAX_CHARS, RegionChoiceField, text_limit_messages
from flameblue.core.scoping import within_scopes
from flameblue.corps.incidents.choices import IncidentKind
from flameblue.corps.incidents.models import CaseReview, Incident, ReviewAction
from flameblue.corps.incidents.services import OWNER_KINDS
from flameblue.geo.models import Region
from flameblue.org.choices import FIRE_SERVICE_KINDS
from flameblue.org.models import Organization, Person

__all__ = ["ActionAddForm", "CaseReviewForm", "IncidentForm", "owner_choices"]

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
SELECT_MANY = forms.SelectMultiple(attrs={"class": "form-select js-tomselect"})
LONG = forms.Textarea(attrs={"rows": 3})


class NameChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.name


class NameMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.name


def owner_choices(user: Any, model: type) -> Any:
    """Stations, brigades and HQ offices the user may give a corrective action to."""
    return within_scopes(
        Organization.objects.filter(kind__in=OWNER_KINDS, is_active=True), user, model, "add"
    ).order_by("region_id", "kind", "name")


class IncidentForm(forms.Form):
    title = forms.CharField(
        label=_("简称"), max_length=80, required=False, help_text=_("如 谯城“3.22”深井救援")
    )
    kind = forms.ChoiceField(label=_("警情类型"), choices=IncidentKind.choices)
    called_at = forms.DateTimeField(label=_("接警时间"), widget=DATETIME, input_formats=DATETIME_FORMATS)
    arrived_at = forms.DateTimeField(label=_("到场时间"), widget=DATETIME, input_formats=DATETIME_FORMATS,
                                     required=False)  # fmt: skip
    region = RegionChoiceField(label=_("所在区划"), queryset=Region.objects.none())
    address = forms.CharField(label=_("地址"), max_length=200, error_messages=text_limit_messages())
    lat = forms.DecimalField(label=_("纬度"), max_digits=9, decimal_places=6, required=False)
    lng = forms.DecimalField(label=_("经度"), max_digits=9, decimal_places=6, required=False)
    stations = NameMultipleChoiceField(
        label=_("出动单位"), queryset=Organization.objects.none(), widget=SELECT_MANY
    )
    vehicles = forms.IntegerField(label=_("出动车辆"), min_value=0, max_value=500, initial=0)
    personnel = forms.IntegerField(label=_("出动人员"), min_value=0, max_value=5000, initial=0)
    rescued = forms.IntegerField(label=_("营救人员"), min_value=0, max_value=100000, initial=0)
    deaths = forms.IntegerField(label=_("死亡人数"), min_value=0, max_value=10000, initial=0)
    injuries = forms.IntegerField(label=_("受伤人数"), min_value=0, max_value=10000, initial=0)
    direct_loss = forms.DecimalField(label=_("直接财产损失（元）"), min_value=0, max_digits=14, decimal_places=2,
                                     initial=0)  # fmt: skip
    narrative = forms.CharField(label=_("简要经过"), widget=LONG, required=False, max_length=DESCRIPTION_MAX_CHARS,
                                error_messages=text_limit_messages())  # fmt: skip
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: Any = None, instance: Incident | None = None, **kwargs: Any):
        if instance is not None and not kwargs.get("data") and not args:
            kwargs["initial"] = {
                **{f: getattr(instance, f) for f in ("title", "kind", "called_at", "arrived_at", "region", "address",
                   "lat", "lng", "vehicles", "personnel", "rescued", "deaths", "injuries", "direct_loss",
                   "narrative", "version")},
                "stations": list(instance.stations.all()),
            }  # fmt: skip
        super().__init__(*args, **kwargs)
        action = "change" if instance is not None else "add"
        self.fields["region"].queryset = within_scopes(Region.objects.all(), user, Incident, action)
        self.fields["stations"].queryset = within_scopes(
            Organization.objects.filter(kind__in=FIRE_SERVICE_KINDS, is_active=True), user, Incident, "view"
        ).order_by("region_id", "kind", "name")

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return data

    @property
    def expected_version(self) -> int | None:
        return self.cleaned_data.get("version")


class CaseReviewForm(forms.Form):
    """A case review of one incident (the page's) with, optionally, its first corrective action; more are
    added on the review's page."""

    title = forms.CharField(label=_("研讨题目"), max_length=120)
    held_on = forms.DateField(label=_("研讨日期"), widget=DATE)
    participants = NameMultipleChoiceField(
        label=_("参加人员"), queryset=Person.objects.none(), widget=SELECT_MANY
    )
    went_well = forms.CharField(label=_("经验做法"), widget=LONG, max_length=4000)
    went_wrong = forms.CharField(label=_("存在问题"), widget=LONG, max_length=4000)
    lessons = forms.CharField(label=_("启示与教训"), widget=LONG, max_length=4000)
    owner = NameChoiceField(label=_("整改责任单位"), queryset=Organization.objects.none(), required=False)
    task = forms.CharField(label=_("整改措施"), widget=forms.Textarea(attrs={"rows": 2}), required=False,
                           max_length=4000)  # fmt: skip
    due_on = forms.DateField(label=_("整改期限"), widget=DATE, required=False)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = within_scopes(
            Person.objects.filter(organization__kind__in=FIRE_SERVICE_KINDS, is_active=True),
            user,
            CaseReview,
            "add",
        ).order_by("organization_id", "name")
        self.fields["owner"].queryset = owner_choices(user, ReviewAction)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        given = [bool(data.get(f)) for f in ("owner", "task", "due_on")]
        if any(given) and not all(given):
            self.add_error("task" if not data.get("task") else "due_on" if not data.get("due_on") else "owner",
                           _("整改措施须同时填写责任单位、措施和期限。"))  # fmt: skip
        return data

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        owner, task, due_on = data.pop("owner"), data.pop("task"), data.pop("due_on")
        data["actions"] = [{"owner": owner, "task": task, "due_on": due_on}] if owner else []
        return data


class ActionAddForm(forms.Form):
    owner = NameChoiceField(label=_("责任单位"), queryset=Organization.objects.none())
    task = forms.CharField(label=_("整改措施"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000)
    due_on = forms.DateField(label=_("整改期限"), widget=DATE)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owner_choices(user, ReviewAction)
