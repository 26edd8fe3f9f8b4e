"""Forms of the governance pages: they parse input, the services do every write. Choices are limited to what
the user may see (and, for owners and signatories, to organizations of the right kind); each move form
carries the version the user saw."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models.functions import Length
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.scoping import in_region, within_scopes
from flameblue.governance.choices import MeetingKind, RecordKind, SeatPosition
from flameblue.governance.letters import ISSUER_CODE_LENGTHS
from flameblue.governance.models import Committee, GovernmentRecord, Meeting, ResponsibilityLetter
from flameblue.governance.services import OWNER_KINDS
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization

__all__ = [
    "ActionItemAnswerForm",
    "ActionItemCloseForm",
    "ActionItemReturnForm",
    "DecisionForm",
    "LetterBatchForm",
    "LetterForm",
    "LetterSignForm",
    "MeetingForm",
    "MOVE_FORMS",
    "RosterForm",
    "seat_formset",
]

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})


class OrgChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organization) -> str:
        return obj.name


class OrgMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Organization) -> str:
        return obj.name


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """Several files (JPEG, PNG or PDF) in one input; the upload service checks each by content."""

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > 9:
            raise ValidationError(_("一次最多上传 9 个文件。"), code="too_many")
        return [super(FilesField, self).clean(f, initial) for f in files]


class MeetingForm(forms.Form):
    committee = OrgChoiceField(label=_("消防安全委员会"), queryset=Committee.objects.none())
    kind = forms.ChoiceField(label=_("会议类型"), choices=MeetingKind.choices)
    title = forms.CharField(label=_("会议名称"), max_length=200)
    held_on = forms.DateField(label=_("会议日期"), widget=DATE)
    chair = forms.CharField(label=_("主持人"), max_length=100)
    attendees = forms.CharField(label=_("参会人员"), widget=TEXT, required=False)
    topics = forms.CharField(label=_("议题"), widget=TEXT)
    minutes = forms.CharField(label=_("会议纪要"), widget=forms.Textarea(attrs={"rows": 6}), required=False)
    minutes_file = forms.FileField(
        label=_("会议纪要扫描件（PDF/JPEG/PNG）"), required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"}),
    )  # fmt: skip

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["committee"].queryset = within_scopes(
            Committee.objects.all(), user, Meeting, "add"
        ).order_by("region_id")


class RecordForm(forms.Form):
    government = OrgChoiceField(label=_("人民政府"), queryset=Organization.objects.none())
    kind = forms.ChoiceField(label=_("类型"), choices=RecordKind.choices)
    title = forms.CharField(label=_("名称"), max_length=200,
                            help_text=_("如“市政府第12次常务会议”“市长检查春节期间消防安全工作”"))  # fmt: skip
    held_on = forms.DateField(label=_("日期"), widget=DATE)
    document_no = forms.CharField(label=_("文号 / 纪要号"), max_length=80, required=False,
                                  help_text=_("政策文件必填"))  # fmt: skip
    leaders = forms.CharField(label=_("主持 / 带队领导"), max_length=200, required=False)
    summary = forms.CharField(label=_("主要内容"), widget=TEXT)
    findings = forms.CharField(label=_("发现的问题"), widget=TEXT, required=False)
    document_file = forms.FileField(
        label=_("纪要或文件扫描件（PDF/JPEG/PNG）"), required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"}),
    )  # fmt: skip

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        governments = Organization.objects.filter(kind=OrgKind.GOVERNMENT, is_active=True)
        self.fields["government"].queryset = within_scopes(
            governments, user, GovernmentRecord, "add"
        ).order_by("region_id")


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, obj: Any = None, user: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.obj, self.user = obj, user
        if obj is not None and not self.is_bound:
            self.initial["version"] = obj.version


class DecisionForm(forms.Form):
    text = forms.CharField(label=_("议定事项"), widget=TEXT)
    owners = OrgMultipleChoiceField(
        label=_("责任单位"), queryset=Organization.objects.none(),
        widget=forms.SelectMultiple(attrs={"class": "form-select js-tomselect"}),
    )  # fmt: skip
    task = forms.CharField(
        label=_("落实要求"), widget=TEXT, required=False, help_text=_("留空则与议定事项相同。")
    )
    due_on = forms.DateField(label=_("完成期限"), widget=DATE)
    feedback_due_on = forms.DateField(
        label=_("书面反馈期限"), widget=DATE, required=False, help_text=_("留空则为会议日期后 15 日。")
    )

    def __init__(
        self, *args: Any, meeting: Meeting | GovernmentRecord | None = None, user: Any = None, **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        if meeting is not None:  # a committee meeting or a government record: owners in its region
            self.fields["owners"].queryset = (
                Organization.objects.filter(
                    in_region(meeting.region_id), kind__in=OWNER_KINDS, is_active=True
                )
                .exclude(kind=OrgKind.SOCIAL_UNIT)
                .order_by("region_id", "kind", "name")
            )


class ActionItemAnswerForm(VersionedForm):
    answer = forms.CharField(label=_("落实情况"), widget=forms.Textarea(attrs={"rows": 5}))
    attachments = FilesField(label=_("附件（PDF/JPEG/PNG）"), required=False)


class ActionItemCloseForm(VersionedForm):
    reason = forms.CharField(label=_("办结意见"), widget=TEXT, required=False)


class ActionItemReturnForm(VersionedForm):
    reason = forms.CharField(label=_("退回理由"), widget=TEXT)
    feedback_due_on = forms.DateField(label=_("新的书面反馈期限"), widget=DATE)


MOVE_FORMS: dict[str, type[VersionedForm]] = {
    "answer": ActionItemAnswerForm,
    "close": ActionItemCloseForm,
    "return": ActionItemReturnForm,
}


def _issuers(user: Any):
    governments = Organization.objects.annotate(code_length=Length("region_id")).filter(
        kind=OrgKind.GOVERNMENT, is_active=True, code_length__in=ISSUER_CODE_LENGTHS
    )
    return within_scopes(governments, user, ResponsibilityLetter, "add").order_by("region_id")


def _year_initial() -> int:
    return timezone.localdate().year


class LetterForm(forms.Form):
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100, initial=_year_initial)
    issuer = OrgChoiceField(label=_("发放政府"), queryset=Organization.objects.none())
    signatory = OrgChoiceField(
        label=_("签订单位"), queryset=Organization.objects.none(),
        widget=forms.Select(attrs={"class": "form-select js-tomselect"}),
    )  # fmt: skip

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = _issuers(user)
        self.fields["signatory"].queryset = (
            Organization.objects.visible_to(user)
            .filter(kind__in=(OrgKind.GOVERNMENT, OrgKind.DEPARTMENT, OrgKind.SOCIAL_UNIT), is_active=True)
            .order_by("region_id", "kind", "name")
        )


class LetterBatchForm(forms.Form):
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100, initial=_year_initial)
    issuer = OrgChoiceField(label=_("发放政府"), queryset=Organization.objects.none())

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = _issuers(user)


class LetterSignForm(VersionedForm):
    signed_on = forms.DateField(label=_("签订日期"), widget=DATE)
    issuer_signer = forms.CharField(label=_("发放方签订人"), max_length=60)
    signatory_signer = forms.CharField(label=_("签订方签订人"), max_length=60)
    scan = forms.FileField(
        label=_("签字盖章后的扫描件（PDF/JPEG/PNG）"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"}),
    )


def _region_orgs(committee: Organization):
    return (
        Organization.objects.filter(in_region(committee.region_id), is_active=True)
        .exclude(kind__in=(OrgKind.SOCIAL_UNIT, OrgKind.COMMITTEE))
        .order_by("region_id", "kind", "name")
    )


class RosterForm(forms.Form):
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100, initial=_year_initial)
    adjusted_on = forms.DateField(label=_("调整日期"), widget=DATE)
    document_no = forms.CharField(label=_("调整文件文号"), max_length=60, required=False)
    office_host = OrgChoiceField(label=_("办公室设在单位"), queryset=Organization.objects.none())
    reason = forms.CharField(label=_("调整说明"), widget=TEXT, required=False)

    def __init__(self, *args: Any, committee: Organization, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["office_host"].queryset = _region_orgs(committee)


class SeatForm(forms.Form):
    position = forms.ChoiceField(label=_("职务"), choices=[("", "—"), *SeatPosition.choices], required=False)
    organization = OrgChoiceField(label=_("所在单位"), queryset=Organization.objects.none(), required=False)
    person_name = forms.CharField(label=_("姓名"), max_length=60, required=False)
    title = forms.CharField(label=_("职务名称"), max_length=100, required=False)
    liaison_name = forms.CharField(label=_("联络员"), max_length=60, required=False)
    liaison_phone = forms.CharField(label=_("联络员电话"), max_length=30, required=False)

    def __init__(self, *args: Any, committee: Organization, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = _region_orgs(committee)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        filled = data.get("position") or data.get("organization") or data.get("person_name")
        if filled and not (data.get("position") and data.get("organization") and data.get("person_name")):
            raise ValidationError(_("请填写职务、所在单位和姓名，或整行留空。"))
        return data


def seat_formset(committee: Organization, data: Any = None, initial: list[dict[str, Any]] | None = None):
    """The seats of a composition: the current ones prefilled, three empty rows to add more; rows left empty
    are dropped."""
    factory = forms.formset_factory(SeatForm, extra=3)
    return factory(data, initial=initial, prefix="seats", form_kwargs={"committee": committee})
