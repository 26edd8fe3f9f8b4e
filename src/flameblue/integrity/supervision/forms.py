"""Forms of the supervision pages: they parse input, the services do every write. Choices are limited to
what the user may see."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from flameblue.core.scoping import within_scopes
from flameblue.integrity.supervision.choices import ActivityKind
from flameblue.integrity.supervision.models import MustAttendOccasion, SupervisionActivity
from flameblue.integrity.supervision.policy import must_attend_policy, review_checklist
from flameblue.org.choices import FIRE_SERVICE_KINDS, OrgKind
from flameblue.org.models import Organization, Person

__all__ = [
    "ActivityForm",
    "AnswerForm",
    "DrawForm",
    "FindingForm",
    "MoveForm",
    "OccasionForm",
    "ReportForm",
    "ReviewFindingForm",
]

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})


class _UserForm(forms.Form):
    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        self.user = user


class OccasionForm(_UserForm):
    occasion = forms.ChoiceField(label=_("必到情形"))
    organization = forms.ModelChoiceField(label=_("队站"), queryset=Organization.objects.none())
    occurred_on = forms.DateField(label=_("发生日期"), widget=DATE)
    description = forms.CharField(label=_("情况说明"), widget=TEXT, max_length=2000)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["occasion"].choices = [(o.code, o.name) for o in must_attend_policy().recorded()]
        self.fields["organization"].queryset = within_scopes(
            Organization.objects.filter(kind__in=[OrgKind.STATION, OrgKind.BRIGADE, OrgKind.FULLTIME_BRIGADE]),
            self.user, MustAttendOccasion, "add",
        )  # fmt: skip


class ActivityForm(_UserForm):
    kind = forms.ChoiceField(label=_("类别"), choices=ActivityKind.choices)
    title = forms.CharField(label=_("名称"), max_length=120)
    leader = forms.ModelChoiceField(label=_("带队领导"), queryset=Person.objects.none(), required=False)
    units = forms.ModelMultipleChoiceField(
        label=_("检查范围（队站、机关处室）"), queryset=Organization.objects.none(), required=False
    )
    team = forms.ModelMultipleChoiceField(label=_("检查组成员"), queryset=Person.objects.none())
    starts_on = forms.DateField(label=_("开始日期"), widget=DATE)
    ends_on = forms.DateField(label=_("结束日期"), widget=DATE)
    summary = forms.CharField(label=_("工作情况"), widget=TEXT, required=False, max_length=4000)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        people = within_scopes(
            Person.objects.filter(organization__kind__in=FIRE_SERVICE_KINDS, is_active=True), self.user,
            SupervisionActivity, "add",
        ).select_related("organization")  # fmt: skip
        self.fields["leader"].queryset = people
        self.fields["team"].queryset = people
        self.fields["units"].queryset = within_scopes(
            Organization.objects.filter(kind__in=FIRE_SERVICE_KINDS).exclude(kind=OrgKind.DETACHMENT),
            self.user, SupervisionActivity, "add",
        )  # fmt: skip


class FindingForm(_UserForm):
    responsible = forms.ModelChoiceField(label=_("整改责任单位"), queryset=Organization.objects.none())
    description = forms.CharField(label=_("问题描述"), widget=TEXT, max_length=2000)
    requirement = forms.CharField(label=_("整改要求"), widget=TEXT, required=False, max_length=2000)
    deadline = forms.DateField(label=_("整改期限"), widget=DATE)

    def __init__(self, *args: Any, activity: SupervisionActivity | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if activity is not None:
            ids = list(activity.units.values_list("pk", flat=True))
            self.fields["responsible"].queryset = Organization.objects.filter(
                pk__in=ids
            ) | Organization.objects.filter(parent_id__in=ids, kind__in=FIRE_SERVICE_KINDS)


class ReviewFindingForm(_UserForm):
    description = forms.CharField(label=_("问题描述"), widget=TEXT, max_length=2000)
    requirement = forms.CharField(label=_("整改要求"), widget=TEXT, required=False, max_length=2000)
    deadline = forms.DateField(label=_("整改期限"), widget=DATE)


class DrawForm(_UserForm):
    brigade = forms.ModelChoiceField(label=_("被巡查大队"), queryset=Organization.objects.none())
    period_start = forms.DateField(label=_("巡查期间起"), widget=DATE)
    period_end = forms.DateField(label=_("巡查期间止"), widget=DATE)
    sample_size = forms.IntegerField(label=_("抽样数量"), min_value=1, max_value=200, initial=10)
    seed = forms.IntegerField(
        label=_("随机种子"), required=False, min_value=0, max_value=2**62,
        help_text=_("留空则随机生成；填写以往抽样的种子可复核抽样结果"),
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["brigade"].queryset = Organization.objects.filter(kind=OrgKind.BRIGADE).order_by(
            "region_id"
        )


class AnswerForm(forms.Form):
    """One yes/no field per checklist point of the record's type, the note, and the version seen."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    note = forms.CharField(label=_("巡查意见"), widget=TEXT, required=False, max_length=2000)

    def __init__(self, *args: Any, item: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.points = review_checklist().for_type(item.record_type)
        for point in self.points:
            self.fields[f"p_{point.code}"] = forms.TypedChoiceField(
                label=point.text, choices=[("1", _("符合")), ("0", _("不符合"))], coerce=lambda v: v == "1",
                widget=forms.RadioSelect, initial=self._initial(item, point.code),
            )  # fmt: skip
        if not self.is_bound:
            self.initial.update(version=item.version, note=item.note)

    @staticmethod
    def _initial(item: Any, code: str) -> str | None:
        value = item.answers.get(code)
        return None if value is None else ("1" if value else "0")

    def answers(self) -> dict[str, bool]:
        return {p.code: self.cleaned_data[f"p_{p.code}"] for p in self.points}


class MoveForm(forms.Form):
    """A finding's move: the text it needs (rectification, report, reason or note), evidence for a report,
    and the version seen."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    text = forms.CharField(label=_("说明"), widget=TEXT, required=False, max_length=2000)

    def __init__(self, *args: Any, obj: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if obj is not None and not self.is_bound:
            self.initial["version"] = obj.version


class ReportForm(MoveForm):
    evidence = forms.FileField(label=_("整改佐证材料（照片或 PDF）"), required=False)
