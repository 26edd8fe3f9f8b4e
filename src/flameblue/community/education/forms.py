"""Forms of political education (input only; the services write)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from flameblue.community.agenda.forms import MULTI, PeopleField
from flameblue.community.education.models import EducationProgramme, EducationSession, SessionType
from flameblue.community.forms import DATE, TEXT, OrgChoiceField
from flameblue.core.scoping import in_region, within_scopes
from flameblue.org.choices import FIRE_SERVICE_KINDS
from flameblue.org.models import Organization, Person

__all__ = ["ProgrammeForm", "SessionForm"]


def _orgs(user: Any, model: type):
    return within_scopes(
        Organization.objects.filter(kind__in=FIRE_SERVICE_KINDS, is_active=True), user, model, "add"
    ).order_by("region_id", "kind", "name")


class ProgrammeForm(forms.Form):
    title = forms.CharField(label=_("教育名称"), max_length=200)
    organization = OrgChoiceField(label=_("组织单位"), queryset=Organization.objects.none())
    starts_on = forms.DateField(label=_("开始日期"), widget=DATE)
    ends_on = forms.DateField(label=_("结束日期"), widget=DATE)
    aims = forms.CharField(label=_("目标与要求"), widget=TEXT, required=False)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = _orgs(user, EducationProgramme)


class SessionForm(forms.Form):
    session_type = forms.ModelChoiceField(
        label=_("教育形式"), queryset=SessionType.objects.filter(active=True)
    )
    organization = OrgChoiceField(label=_("承办单位"), queryset=Organization.objects.none())
    title = forms.CharField(label=_("场次主题"), max_length=200)
    held_on = forms.DateField(label=_("日期"), widget=DATE)
    place = forms.CharField(label=_("地点"), max_length=200, required=False)
    teacher = forms.CharField(label=_("授课人/讲解人"), max_length=100, required=False)
    attendees = PeopleField(label=_("参加人员"), queryset=Person.objects.none(), required=False, widget=MULTI)

    def __init__(
        self, *args: Any, user: Any = None, programme: EducationProgramme | None = None, **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        orgs = _orgs(user, EducationSession)
        self.fields["organization"].queryset = orgs
        people = Person.objects.filter(is_active=True, organization__kind__in=FIRE_SERVICE_KINDS)
        if programme is not None:
            people = people.filter(in_region(programme.region_id, "organization__region_id"))
        self.fields["attendees"].queryset = (
            within_scopes(people, user, EducationSession, "add").select_related("organization")
            .order_by("organization__region_id", "name")
        )  # fmt: skip
