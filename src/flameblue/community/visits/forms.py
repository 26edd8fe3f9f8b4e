"""Forms of holiday visits and opinions (input only; the services write)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from flameblue.community.agenda.forms import MULTI, PeopleField
from flameblue.community.forms import DATE, TEXT, OrgChoiceField
from flameblue.community.models import Partner
from flameblue.community.visits.choices import VisiteeKind
from flameblue.community.visits.models import Holiday, HolidayVisit
from flameblue.core.scoping import within_scopes
from flameblue.org.choices import FIRE_SERVICE_KINDS
from flameblue.org.models import Organization, Person

__all__ = ["AnswerForm", "CloseForm", "OpinionForm", "ReturnForm", "VisitForm"]


def fire_orgs(user: Any):
    return within_scopes(
        Organization.objects.filter(kind__in=FIRE_SERVICE_KINDS, is_active=True), user, HolidayVisit, "add"
    ).order_by("region_id", "kind", "name")


class VisitForm(forms.Form):
    organization = OrgChoiceField(label=_("走访单位"), queryset=Organization.objects.none())
    holiday = forms.ModelChoiceField(label=_("节日"), queryset=Holiday.objects.filter(active=True))
    visited_on = forms.DateField(label=_("走访日期"), widget=DATE)
    visitee_kind = forms.ChoiceField(label=_("走访对象类别"), choices=VisiteeKind.choices)
    partner = forms.ModelChoiceField(label=_("共建单位"), queryset=Partner.objects.none(), required=False)
    visitee = forms.CharField(label=_("走访对象"), max_length=200, required=False,
                              help_text=_("走访共建单位时可留空。"))  # fmt: skip
    visitors = PeopleField(label=_("走访人员"), queryset=Person.objects.none(), required=False, widget=MULTI)
    reported = forms.CharField(label=_("通报工作情况"), widget=TEXT, required=False)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        orgs = fire_orgs(user)
        self.fields["organization"].queryset = orgs
        self.fields["partner"].queryset = Partner.objects.visible_to(user).filter(active=True)
        self.fields["visitors"].queryset = (
            Person.objects.filter(organization__in=orgs, is_active=True).select_related("organization")
            .order_by("organization__region_id", "name")
        )  # fmt: skip


class OpinionForm(forms.Form):
    content = forms.CharField(label=_("意见建议"), widget=TEXT)
    owner = OrgChoiceField(label=_("责任单位"), queryset=Organization.objects.none())
    due_on = forms.DateField(label=_("答复期限"), widget=DATE)

    def __init__(self, *args: Any, user: Any = None, visit: HolidayVisit | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = fire_orgs(user)
        if visit is not None:
            self.fields["owner"].initial = visit.organization_id
            self.fields["due_on"].initial = visit.visited_on + dt.timedelta(days=30)


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class AnswerForm(VersionedForm):
    answer = forms.CharField(label=_("答复情况"), widget=TEXT)


class CloseForm(VersionedForm):
    reason = forms.CharField(label=_("办结说明"), widget=TEXT, required=False)


class ReturnForm(VersionedForm):
    reason = forms.CharField(label=_("退回理由"), widget=TEXT)
