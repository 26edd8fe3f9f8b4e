"""Forms of party-committee meetings and agenda items (input only; the services write)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from flameblue.community.agenda.choices import MeetingKind
from flameblue.community.agenda.models import AgendaTag, PartyMeeting
from flameblue.community.agenda.services import COMMITTEE_KINDS
from flameblue.community.forms import DATE, TEXT, OrgChoiceField, PersonChoiceField
from flameblue.core.scoping import within_scopes
from flameblue.org.models import Organization, Person

__all__ = ["AgendaItemForm", "MeetingForm"]

MULTI = forms.SelectMultiple(attrs={"class": "form-select js-tomselect"})


class PeopleField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.name}（{obj.organization.name}）"


class MeetingForm(forms.Form):
    committee = OrgChoiceField(label=_("党委"), queryset=Organization.objects.none())
    kind = forms.ChoiceField(label=_("会议类别"), choices=MeetingKind.choices)
    held_on = forms.DateField(label=_("会议日期"), widget=DATE)
    title = forms.CharField(label=_("会议名称"), max_length=200)
    attendees = PeopleField(label=_("参会人员"), queryset=Person.objects.none(), required=False, widget=MULTI)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        committees = within_scopes(
            Organization.objects.filter(kind__in=COMMITTEE_KINDS), user, PartyMeeting, "add"
        )
        self.fields["committee"].queryset = committees.order_by("region_id", "name")
        self.fields["attendees"].queryset = (
            Person.objects.filter(organization__in=committees, is_active=True).select_related("organization")
            .order_by("organization__region_id", "name")
        )  # fmt: skip


class TagChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: AgendaTag) -> str:
        return f"{obj.short}：{obj.name}"


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("议题"), max_length=200)
    presenter = PersonChoiceField(label=_("汇报人"), queryset=Person.objects.none(), required=False)
    decision = forms.CharField(label=_("会议决定"), widget=TEXT, required=False)
    tags = TagChoiceField(
        label=_("双拥“四不忘”"), queryset=AgendaTag.objects.filter(active=True), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    def __init__(self, *args: Any, meeting: PartyMeeting, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["presenter"].queryset = Person.objects.filter(
            organization=meeting.committee, is_active=True
        ).order_by("name")
