"""Forms of the discipline pages: they parse input, the services write. Every choice (the clue's subject, the
session's organizer and attendees, the 述职 officer) is limited to the user's scope for the action."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.scoping import within_scopes
from flameblue.integrity.discipline.choices import (
    ClueSource,
    ClueStatus,
    CreditResult,
    ExchangeDirection,
    ExchangeKind,
    MeasureStatus,
    ReportRating,
    SessionKind,
)
from flameblue.integrity.discipline.models import (
    Clue,
    IntegrityReport,
    WarningSession,
)
from flameblue.integrity.discipline.policy import disposal_rules
from flameblue.org.choices import FIRE_SERVICE_KINDS
from flameblue.org.models import Organization, Person

__all__ = [
    "ClueDisposeForm",
    "ClueForm",
    "CreditCheckForm",
    "ExchangeForm",
    "IntegrityReportForm",
    "MeasureForm",
    "PhoneForm",
    "PledgeForm",
    "WarningSessionForm",
]

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})


class _UserForm(forms.Form):
    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        self.user = user


def _officers(user: Any, model: type, action: str = "add"):
    return within_scopes(
        Person.objects.filter(organization__kind__in=FIRE_SERVICE_KINDS, is_active=True), user, model, action
    ).select_related("organization")


class ClueForm(_UserForm):
    source = forms.ChoiceField(label=_("线索来源"), choices=ClueSource.choices)
    subject = forms.ModelChoiceField(label=_("反映对象"), queryset=Person.objects.none())
    received_on = forms.DateField(label=_("受理日期"), widget=DATE)
    summary = forms.CharField(label=_("反映问题摘要"), widget=TEXT, max_length=2000)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["subject"].queryset = _officers(self.user, Clue)
        self.initial.setdefault("received_on", timezone.localdate())


class ClueDisposeForm(forms.Form):
    to = forms.ChoiceField(label=_("处置方式"))
    reason = forms.CharField(label=_("处置理由"), widget=TEXT, max_length=2000)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, obj: Clue, **kwargs: Any):
        super().__init__(*args, **kwargs)
        allowed = disposal_rules().allowed(obj.status)
        self.fields["to"].choices = [(s, ClueStatus(s).label) for s in allowed]
        self.initial.setdefault("version", obj.version)


class ExchangeForm(_UserForm):
    direction = forms.ChoiceField(label=_("方向"), choices=ExchangeDirection.choices)
    kind = forms.ChoiceField(label=_("类别"), choices=ExchangeKind.choices)
    exchanged_on = forms.DateField(label=_("日期"), widget=DATE)
    document_number = forms.CharField(label=_("文号"), max_length=60, required=False)
    summary = forms.CharField(label=_("内容摘要"), widget=TEXT, max_length=2000)
    clue = forms.ModelChoiceField(label=_("关联线索"), queryset=Clue.objects.none(), required=False)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["clue"].queryset = Clue.objects.visible_to(self.user, "view").order_by("-received_on")
        self.initial.setdefault("exchanged_on", timezone.localdate())


class PhoneForm(_UserForm):
    number = forms.CharField(label=_("手机号码"), max_length=20)
    model_name = forms.CharField(label=_("品牌型号"), max_length=60)
    registered_on = forms.DateField(label=_("登记日期"), widget=DATE)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("registered_on", timezone.localdate())


class CreditCheckForm(_UserForm):
    year = forms.IntegerField(label=_("年度"), min_value=2000)
    checked_on = forms.DateField(label=_("查询日期"), widget=DATE)
    result = forms.ChoiceField(label=_("查询结果"), choices=CreditResult.choices)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("year", timezone.localdate().year)


class PledgeForm(_UserForm):
    year = forms.IntegerField(label=_("年度"), min_value=2000)
    signed_on = forms.DateField(label=_("签订日期"), widget=DATE)
    family_signatory = forms.CharField(label=_("家属签名人"), max_length=60)
    signed_copy = forms.FileField(label=_("签字件（JPEG、PNG 或 PDF）"))

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("year", timezone.localdate().year)


class WarningSessionForm(_UserForm):
    kind = forms.ChoiceField(label=_("形式"), choices=SessionKind.choices)
    title = forms.CharField(label=_("主题"), max_length=120)
    held_on = forms.DateField(label=_("日期"), widget=DATE)
    place = forms.CharField(label=_("地点"), max_length=120, required=False)
    organization = forms.ModelChoiceField(label=_("组织单位"), queryset=Organization.objects.none())
    attendees = forms.ModelMultipleChoiceField(label=_("参加人员"), queryset=Person.objects.none())

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = within_scopes(
            Organization.objects.filter(kind__in=FIRE_SERVICE_KINDS, is_active=True), self.user, WarningSession,
            "add",
        )  # fmt: skip
        self.fields["attendees"].queryset = _officers(self.user, WarningSession)


class IntegrityReportForm(_UserForm):
    person = forms.ModelChoiceField(label=_("述职人"), queryset=Person.objects.none())
    held_on = forms.DateField(label=_("述职日期"), widget=DATE)
    audience = forms.CharField(label=_("参加评议人员"), max_length=200)
    audience_size = forms.IntegerField(label=_("评议人数"), min_value=1, max_value=1000)
    rating = forms.ChoiceField(label=_("评议等次"), choices=ReportRating.choices)
    remarks = forms.CharField(label=_("评议意见"), widget=TEXT, required=False, max_length=2000)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = _officers(self.user, IntegrityReport)


class MeasureForm(forms.Form):
    status = forms.ChoiceField(label=_("落实状态"), choices=MeasureStatus.choices)
    progress = forms.CharField(label=_("落实情况"), widget=TEXT, required=False, max_length=2000)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
