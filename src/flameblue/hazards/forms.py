"""Forms of the hazard pages: they parse input; the services in ``hazards/services.py`` do every write.
Choices are limited to what the user may see. Each move form carries the version the user saw."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from flameblue.core.forms import DESCRIPTION_MAX_CHARS, REASON_MAX_CHARS, text_limit_messages
from flameblue.hazards.choices import DeadlineUnit, HazardGrade, HazardSource
from flameblue.hazards.models import Notice
from flameblue.hazards.selectors import open_notices_for
from flameblue.org.models import Person
from flameblue.units.models import Unit

__all__ = [
    "CompletionForm",
    "ConfirmForm",
    "FixOnSpotForm",
    "HazardReportForm",
    "MOVE_FORMS",
    "NoticeTemplateForm",
    "ReasonForm",
    "RecheckForm",
    "StartForm",
]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Several photos in one input; the upload service checks each by content."""

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png"}))
        kwargs.setdefault("label", _("照片"))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files:
            if self.required:
                raise ValidationError(_("请上传至少一张照片。"), code="required")
            return []
        if len(files) > 9:
            raise ValidationError(_("一次最多上传 9 张照片。"), code="too_many")
        return [super(PhotosField, self).clean(f, initial) for f in files]


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, hazard: Any = None, user: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.hazard, self.user = hazard, user
        if hazard is not None and not self.is_bound:
            self.fields["version"].initial = hazard.version


class DeadlineFields(forms.Form):
    deadline_amount = forms.IntegerField(
        label=_("整改期限（天数）"), required=False, min_value=1, max_value=365,
        help_text=_("留空则按隐患等级的默认期限（见期限规则）。"),
    )  # fmt: skip
    deadline_unit = forms.ChoiceField(
        label=_("期限计算方式"), required=False, choices=[("", _("按默认规则")), *DeadlineUnit.choices]
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from flameblue.hazards.deadlines import default_periods_text

        # 第二十条 only asks for a reasonable period; the defaults are the detachment's local practice.
        self.fields["deadline_amount"].help_text = _(
            "留空则按默认期限：%(periods)s。可按整改难易程度修改。"
        ) % {"periods": default_periods_text()}


class HazardReportForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("单位"), queryset=Unit.objects.none())
    location = forms.CharField(label=_("隐患部位"), max_length=200, required=False)
    description = forms.CharField(
        label=_("隐患描述"),
        max_length=DESCRIPTION_MAX_CHARS,
        error_messages=text_limit_messages(),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    source = forms.ChoiceField(label=_("来源"), choices=HazardSource.choices)
    grade = forms.ChoiceField(label=_("初步等级"), choices=HazardGrade.choices, initial=HazardGrade.GENERAL)
    gb35181_element = forms.CharField(label=_("GB 35181 判定要素"), max_length=20, required=False)
    photos = PhotosField(label=_("现场照片（整改前）"), required=False)
    fixed_on_spot = forms.BooleanField(label=_("已当场改正（需上传改正后照片）"), required=False)
    after_photos = PhotosField(label=_("改正后照片"), required=False)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["unit"].queryset = Unit.objects.visible_to(user, "view").order_by("name")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("fixed_on_spot") and not data.get("after_photos"):
            self.add_error("after_photos", _("当场改正的隐患须上传改正后照片。"))
        return data


class ConfirmForm(VersionedForm, DeadlineFields):
    grade = forms.ChoiceField(label=_("隐患等级"), choices=HazardGrade.choices)
    responsible_party = forms.CharField(label=_("整改责任方"), max_length=120)
    responsible_person = forms.ModelChoiceField(
        label=_("整改责任人"), queryset=Person.objects.none(), required=False
    )
    interim_measures = forms.CharField(
        label=_("整改期间防范措施"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    rectification_measures = forms.CharField(
        label=_("整改措施"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    notice = forms.ModelChoiceField(
        label=_("整改通知书"), required=False, queryset=None, empty_label=_("签发新的通知书"),
        help_text=_("可并入该单位尚未办结的通知书。"),
    )  # fmt: skip
    start = forms.BooleanField(label=_("通知书已当场送达，开始整改"), required=False, initial=True)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        hazard = self.hazard
        self.fields["notice"].queryset = (
            open_notices_for(hazard.unit_id, self.user) if hazard else Notice.objects.none()
        )
        if hazard is not None:
            self.fields["responsible_person"].queryset = Person.objects.visible_to(self.user).filter(
                organization_id=hazard.unit.organization_id
            )
            if not self.is_bound:
                self.fields["grade"].initial = hazard.grade
                self.fields["responsible_party"].initial = hazard.unit.name


class StartForm(VersionedForm):
    note = forms.CharField(label=_("说明"), required=False, max_length=500)


class CompletionForm(VersionedForm):
    photos = PhotosField(label=_("整改后照片"), required=True)
    note = forms.CharField(
        label=_("整改情况说明"),
        required=False,
        max_length=DESCRIPTION_MAX_CHARS,
        error_messages=text_limit_messages(),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RecheckForm(VersionedForm, DeadlineFields):
    result = forms.ChoiceField(
        label=_("复查结论"), choices=[("passed", _("合格，销案")), ("failed", _("不合格，重新限期整改"))],
        widget=forms.RadioSelect,
    )  # fmt: skip
    note = forms.CharField(
        label=_("复查意见"),
        required=False,
        max_length=REASON_MAX_CHARS,
        error_messages=text_limit_messages(),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    photos = PhotosField(label=_("复查照片"), required=False)


class ReasonForm(VersionedForm):
    reason = forms.CharField(
        label=_("理由"),
        max_length=REASON_MAX_CHARS,
        error_messages=text_limit_messages(),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class FixOnSpotForm(VersionedForm):
    photos = PhotosField(label=_("改正后照片"), required=True)
    note = forms.CharField(label=_("说明"), required=False, max_length=500)


class NoticeTemplateForm(forms.Form):
    template = forms.FileField(label=_("通知书模板（.docx）"))


class VerifyForm(VersionedForm):
    note = forms.CharField(label=_("核实情况"), required=False, max_length=500)


#: move code → form class (the detail page shows one form per move the user may make)
MOVE_FORMS: dict[str, type[VersionedForm]] = {
    "verify": VerifyForm,
    "hand_over": ReasonForm,
    "confirm": ConfirmForm,
    "start": StartForm,
    "report_completion": CompletionForm,
    "recheck": RecheckForm,
    "withdraw": ReasonForm,
    "dismiss": ReasonForm,
    "fix_on_spot": FixOnSpotForm,
}
