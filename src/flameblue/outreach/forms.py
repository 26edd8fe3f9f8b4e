"""Forms of the outreach pages: they parse input, the services do every write. Every choice is limited to
what the user may reach (organisers, townships, units, people in scope; active types of the right kind)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from flameblue.core.forms import DESCRIPTION_MAX_CHARS, RegionChoiceField, text_limit_messages
from flameblue.core.lookups import RemoteSelect
from flameblue.core.scoping import in_region, within_scopes
from flameblue.geo.choices import RegionLevel
from flameblue.geo.models import Region
from flameblue.org.choices import OrgKind
from flameblue.org.forms import ServiceModelForm
from flameblue.org.models import Organization, Person
from flameblue.outreach.choices import TermKind
from flameblue.outreach.models import EducationBase, Material, PublicityDrive, Term, TrainingSession
from flameblue.units.models import Unit

__all__ = [
    "AttendeeForm",
    "BaseForm",
    "DistributionForm",
    "DriveForm",
    "MaterialForm",
    "PhotoForm",
    "PrintRunForm",
    "SessionForm",
    "SigninForm",
    "VisitForm",
]

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MULTI = forms.SelectMultiple(attrs={"class": "form-select js-tomselect"})
#: Who may organise training and publicity: governments, departments, the fire service.
ORGANISER_KINDS = (OrgKind.GOVERNMENT, OrgKind.COMMITTEE, OrgKind.DEPARTMENT, OrgKind.DETACHMENT,
                   OrgKind.DETACHMENT_OFFICE, OrgKind.BRIGADE, OrgKind.STATION)  # fmt: skip


def terms(kind: str):
    return Term.objects.filter(kind=kind, active=True)


def organisers(user: Any, model: Any, action: str = "add"):
    return within_scopes(
        Organization.objects.filter(kind__in=ORGANISER_KINDS, is_active=True), user, model, action
    ).order_by("region_id", "kind", "name")


def townships(user: Any, model: Any, action: str = "add"):
    return within_scopes(Region.objects.filter(level=RegionLevel.TOWNSHIP), user, model, action)


class _Form(ServiceModelForm):
    def limit_choices(self) -> None:
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.DateInput):
                field.widget = DATE
            if name in ("note", "account") and isinstance(field, forms.CharField):
                field.max_length = DESCRIPTION_MAX_CHARS
                field.error_messages.update(text_limit_messages())


class SessionForm(_Form):
    class Meta:
        model = TrainingSession
        fields = ["title", "session_type", "rules_taught", "organiser", "held_on", "place", "audiences",
                  "head_count", "note"]  # fmt: skip
        widgets = {"rules_taught": MULTI, "audiences": MULTI, "note": forms.Textarea(attrs={"rows": 3})}

    def limit_choices(self) -> None:
        super().limit_choices()
        self.fields["session_type"].queryset = terms(TermKind.TRAINING_TYPE)
        self.fields["rules_taught"].queryset = terms(TermKind.RULE_TAUGHT)
        self.fields["audiences"].queryset = terms(TermKind.AUDIENCE)
        self.fields["organiser"].queryset = organisers(self.user, TrainingSession)


class DriveForm(_Form):
    township = RegionChoiceField(label=_("乡镇（街道）"), queryset=Region.objects.none())

    class Meta:
        model = PublicityDrive
        fields = ["title", "drive_type", "target", "held_on", "township", "organiser", "present", "online_views",
                  "account"]  # fmt: skip
        widgets = {"account": forms.Textarea(attrs={"rows": 3})}

    def limit_choices(self) -> None:
        super().limit_choices()
        self.fields["drive_type"].queryset = terms(TermKind.DRIVE_TYPE)
        self.fields["target"].queryset = terms(TermKind.DRIVE_TARGET)
        self.fields["township"].queryset = townships(self.user, PublicityDrive)
        self.fields["organiser"].queryset = organisers(self.user, PublicityDrive)


class MaterialForm(_Form):
    class Meta:
        model = Material
        fields = ["title", "kind", "organiser", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def limit_choices(self) -> None:
        super().limit_choices()
        self.fields["organiser"].queryset = organisers(self.user, Material)


class BaseForm(_Form):
    region = RegionChoiceField(label=_("所在区划"), queryset=Region.objects.none())

    class Meta:
        model = EducationBase
        fields = ["name", "kind", "region", "place", "operator", "opened_on", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def limit_choices(self) -> None:
        super().limit_choices()
        self.fields["kind"].queryset = terms(TermKind.BASE_KIND)
        self.fields["region"].queryset = within_scopes(Region.objects.all(), self.user, EducationBase, "add")
        self.fields["operator"].widget = RemoteSelect("organization")  # before the queryset: it sets choices
        self.fields["operator"].queryset = within_scopes(
            Organization.objects.filter(is_active=True), self.user, EducationBase, "add"
        ).order_by("region_id", "name")


class _ChildForm(forms.Form):
    """A form on a record's page: takes the record and the user to limit its choices."""

    def __init__(self, *args: Any, parent: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.parent, self.user = parent, user
        self.limit_choices()

    def limit_choices(self) -> None:
        pass


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name}（{obj.organization.name}{' ' + obj.title if obj.title else ''}）"


class AttendeeForm(_ChildForm):
    person = PersonChoiceField(label=_("人员"), queryset=Person.objects.none(), widget=RemoteSelect("person"))
    audience = forms.ModelChoiceField(label=_("受众类别"), queryset=Term.objects.none())

    def limit_choices(self) -> None:
        self.fields["person"].queryset = (
            Person.objects.visible_to(self.user).filter(is_active=True).select_related("organization")
            .exclude(pk__in=self.parent.attendees.exclude(person=None).values("person_id")).order_by("name")
        )  # fmt: skip
        self.fields["audience"].queryset = terms(TermKind.AUDIENCE)


class SigninForm(forms.Form):
    file = forms.FileField(label=_("签到表（.xlsx）"))


class PhotoForm(forms.Form):
    photo = forms.FileField(label=_("照片（JPEG 或 PNG）"))


class PrintRunForm(_ChildForm):
    printed_on = forms.DateField(label=_("印制日期"), widget=DATE)
    copies = forms.IntegerField(label=_("印制数量"), min_value=1)
    printer = forms.CharField(label=_("印制单位"), max_length=120, required=False)


class DistributionForm(_ChildForm):
    distributed_on = forms.DateField(label=_("发放日期"), widget=DATE)
    township = RegionChoiceField(label=_("乡镇（街道）"), queryset=Region.objects.none())
    unit = forms.ModelChoiceField(
        label=_("单位"), queryset=Unit.objects.none(), required=False, widget=RemoteSelect("unit")
    )
    recipient = forms.CharField(label=_("接收人或接收单位"), max_length=120, required=False)
    copies = forms.IntegerField(label=_("发放数量"), min_value=1)

    def limit_choices(self) -> None:
        self.fields["township"].queryset = Region.objects.filter(
            level=RegionLevel.TOWNSHIP, code__startswith=self.parent.region_id
        )
        self.fields["unit"].queryset = Unit.objects.visible_to(self.user).filter(
            in_region(self.parent.region_id)
        )


class VisitForm(_ChildForm):
    visited_on = forms.DateField(label=_("参观日期"), widget=DATE)
    group_name = forms.CharField(label=_("参观团体"), max_length=120, required=False)
    visitors = forms.IntegerField(label=_("参观人数"), min_value=1)
