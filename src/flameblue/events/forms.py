"""Forms of the event-security pages: they parse input, the services do every write. Choices are limited to
what the user may reach (organisers, regions, units, people)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from flameblue.core.forms import DESCRIPTION_MAX_CHARS, REASON_MAX_CHARS, RegionChoiceField
from flameblue.core.scoping import in_region, within_scopes
from flameblue.events.choices import EventLevel, IncidentKind
from flameblue.events.models import DutyPost, Event, Venue
from flameblue.events.selectors import open_hazards
from flameblue.geo.models import Region
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization, Person
from flameblue.units.models import Unit

__all__ = [
    "DailyReportForm",
    "EventEditForm",
    "EventEndForm",
    "EventForm",
    "HazardAcceptForm",
    "IncidentForm",
    "PostForm",
    "ShiftForm",
    "SiteCheckForm",
    "VenueForm",
    "VersionForm",
]

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
MULTI = forms.SelectMultiple(attrs={"class": "form-select js-tomselect"})
#: Who may organise an event: a government, a department, the fire service.
ORGANISER_KINDS = (
    OrgKind.GOVERNMENT,
    OrgKind.DEPARTMENT,
    OrgKind.COMMITTEE,
    OrgKind.DETACHMENT,
    OrgKind.BRIGADE,
)


class NamedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.name


class PeopleField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name}（{obj.organization.name}）"


def _people(user: Any):
    """People of fire-service and government organizations the user may see (crews are theirs)."""
    kinds = (
        OrgKind.DETACHMENT,
        OrgKind.DETACHMENT_OFFICE,
        OrgKind.BRIGADE,
        OrgKind.STATION,
        OrgKind.GOVERNMENT,
    )
    return (
        Person.objects.visible_to(user).filter(organization__kind__in=kinds)
        .select_related("organization").order_by("organization__region_id", "organization__name", "name")
    )  # fmt: skip


class EventForm(forms.Form):
    name = forms.CharField(label=_("活动名称"), max_length=200)
    level = forms.ChoiceField(label=_("级别"), choices=EventLevel.choices)
    organiser = NamedChoiceField(label=_("主办单位"), queryset=Organization.objects.none())
    region = RegionChoiceField(label=_("所在区划"), queryset=Region.objects.none())
    starts_on = forms.DateField(label=_("开始日期"), widget=DATE)
    ends_on = forms.DateField(label=_("结束日期"), widget=DATE)
    description = forms.CharField(label=_("安保要求"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
                                  max_length=DESCRIPTION_MAX_CHARS)  # fmt: skip

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = (
            Organization.objects.visible_to(user).filter(kind__in=ORGANISER_KINDS, is_active=True)
            .order_by("region_id", "kind", "name")
        )  # fmt: skip
        self.fields["region"].queryset = within_scopes(Region.objects.all(), user, Event, "add")


class EventEditForm(EventForm):
    """Editing an event: organiser and region stay; the version the user saw comes back."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, event: Event, user: Any = None, **kwargs: Any):
        super().__init__(*args, user=user, **kwargs)
        del self.fields["organiser"], self.fields["region"]
        if not self.is_bound:
            self.initial.update({f: getattr(event, f) for f in ("name", "level", "starts_on", "ends_on",
                                                                "description", "version")})  # fmt: skip

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        return {"expected_version": data.pop("version"), **data}


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class EventEndForm(VersionForm):
    summary = forms.CharField(label=_("安保总结"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)


class VenueForm(forms.Form):
    unit = NamedChoiceField(label=_("登记单位"), queryset=Unit.objects.none(), required=False,
                            help_text=_("临时场所不选，填写名称、乡镇和地址。"))  # fmt: skip
    name = forms.CharField(label=_("场所名称"), max_length=200, required=False)
    region = RegionChoiceField(label=_("所在乡镇（街道）"), queryset=Region.objects.none(), required=False)
    address = forms.CharField(label=_("地址"), max_length=200, required=False)
    latitude = forms.DecimalField(label=_("纬度"), required=False, max_digits=9, decimal_places=6)
    longitude = forms.DecimalField(label=_("经度"), required=False, max_digits=9, decimal_places=6)

    def __init__(self, *args: Any, event: Event, user: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = (
            Unit.objects.visible_to(user).filter(in_region(event.region_id)).exclude(event_venues__event=event)
            .order_by("name")
        )  # fmt: skip
        self.fields["region"].queryset = Region.objects.filter(in_region(event.region_id, "code"))


class SiteCheckForm(forms.Form):
    checked_on = forms.DateField(label=_("现场检查日期"), widget=DATE)
    note = forms.CharField(label=_("现场检查情况"), widget=forms.Textarea(attrs={"rows": 2}),
                           max_length=DESCRIPTION_MAX_CHARS)  # fmt: skip


class HazardAcceptForm(forms.Form):
    hazard = forms.ModelChoiceField(label=_("隐患"), queryset=Venue.objects.none())
    reason = forms.CharField(
        label=_("接受理由"), widget=forms.Textarea(attrs={"rows": 2}), max_length=REASON_MAX_CHARS
    )

    def __init__(self, *args: Any, venue: Venue, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["hazard"].queryset = open_hazards(venue)


class PostForm(forms.Form):
    name = forms.CharField(label=_("岗位名称"), max_length=100)
    duty = forms.CharField(label=_("岗位职责"), max_length=300, required=False)
    vehicles = forms.CharField(label=_("执勤车辆"), max_length=300, required=False,
                               help_text=_("车牌号及车型，如“皖S·1234 水罐消防车”"))  # fmt: skip
    crew = PeopleField(label=_("执勤力量"), queryset=Person.objects.none(), required=False, widget=MULTI)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["crew"].queryset = _people(user)


class ShiftForm(forms.Form):
    post = forms.ModelChoiceField(label=_("岗位"), queryset=DutyPost.objects.none())
    date = forms.DateField(label=_("日期"), widget=DATE)
    starts_at = forms.TimeField(label=_("开始时间"), widget=TIME)
    ends_at = forms.TimeField(label=_("结束时间"), widget=TIME)
    people = PeopleField(label=_("执勤人员"), queryset=Person.objects.none(), widget=MULTI)

    def __init__(self, *args: Any, venue: Venue, user: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["post"].queryset = venue.posts.order_by("id")
        self.fields["people"].queryset = _people(user)


class DailyReportForm(forms.Form):
    date = forms.DateField(label=_("日期"), widget=DATE)
    summary = forms.CharField(label=_("当日情况"), widget=forms.Textarea(attrs={"rows": 3}),
                              max_length=DESCRIPTION_MAX_CHARS)  # fmt: skip
    staff_on_duty = forms.IntegerField(label=_("执勤人员（人次）"), min_value=0, initial=0)
    vehicles_on_duty = forms.IntegerField(label=_("执勤车辆（车次）"), min_value=0, initial=0)
    checks = forms.IntegerField(label=_("检查场所（处）"), min_value=0, initial=0)
    hazards_found = forms.IntegerField(label=_("发现隐患（处）"), min_value=0, initial=0)


class IncidentForm(forms.Form):
    occurred_at = forms.DateTimeField(label=_("发生时间"), widget=DATETIME)
    venue = NamedChoiceField(label=_("场所"), queryset=Venue.objects.none(), required=False)
    kind = forms.ChoiceField(label=_("类型"), choices=IncidentKind.choices)
    description = forms.CharField(label=_("情况描述"), widget=forms.Textarea(attrs={"rows": 2}),
                                  max_length=DESCRIPTION_MAX_CHARS)  # fmt: skip
    handled = forms.BooleanField(label=_("已处置"), required=False)
    handling = forms.CharField(label=_("处置情况"), widget=forms.Textarea(attrs={"rows": 2}), required=False,
                               max_length=DESCRIPTION_MAX_CHARS)  # fmt: skip

    def __init__(self, *args: Any, event: Event, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["venue"].queryset = event.venues.order_by("id")
