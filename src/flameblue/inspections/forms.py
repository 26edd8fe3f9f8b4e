"""Forms of the inspection pages. They parse input; the services decide and write."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from flameblue.inspections.choices import AnswerResult
from flameblue.inspections.services import startable_kinds
from flameblue.org.models import Person
from flameblue.units.models import Unit

__all__ = ["AnswerForm", "InspectionStartForm", "InspectionSubmitForm"]


class InspectionStartForm(forms.Form):
    """Choose the kind and the unit (both limited to what the user may start); ``client_uuid`` is set when
    the page is rendered, so posting the same page twice starts one inspection."""

    kind = forms.ChoiceField(label=_("检查类别"), widget=forms.Select(attrs={"class": "form-select"}))
    unit = forms.ModelChoiceField(
        label=_("被检查单位"),
        queryset=Unit.objects.none(),
        widget=forms.Select(attrs={"class": "form-select js-tomselect"}),
        error_messages={
            "invalid_choice": _("请选择您管辖范围内的单位。"),
            "required": _("请选择被检查单位。"),
        },
    )
    client_uuid = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = startable_kinds(user)
        self.fields["kind"].error_messages["invalid_choice"] = _("您不能发起这一类检查。")
        self.fields["unit"].queryset = (
            Unit.objects.visible_to(user, "view").select_related("region").order_by("region_id", "name")
        )
        if not self.is_bound:
            self.initial.setdefault("client_uuid", uuid.uuid4())


class AnswerForm(forms.Form):
    """One autosaved answer (posted by inspection-form.js, or by any client of the answer endpoint)."""

    item = forms.IntegerField(label=_("检查项"))
    result = forms.ChoiceField(
        label=_("检查结果"),
        choices=AnswerResult.choices,
        error_messages={
            "required": _("请选择检查结果：合格、不合格或不适用。"),
            "invalid_choice": _("检查结果无效。"),
        },
    )
    note = forms.CharField(label=_("说明"), required=False, max_length=2000, strip=True)
    location = forms.CharField(label=_("部位"), required=False, max_length=100, strip=True)
    corrected_on_spot = forms.BooleanField(label=_("当场改正"), required=False)
    numerator = forms.CharField(required=False, max_length=30)
    denominator = forms.CharField(required=False, max_length=30)
    variant = forms.CharField(required=False, max_length=40)
    answered_at = forms.CharField(required=False, max_length=40)

    def measurement_values(self) -> dict[str, str]:
        return {k: self.cleaned_data.get(k) or "" for k in ("numerator", "denominator", "variant")}


class InspectionSubmitForm(forms.Form):
    inspector_name = forms.CharField(
        label=_("检查人签名（姓名）"),
        max_length=60,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    unit_representative_name = forms.CharField(
        label=_("被检查单位签名（姓名）"), max_length=60, required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )  # fmt: skip
    co_inspector_people = forms.ModelMultipleChoiceField(
        label=_("同行检查人员"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"class": "form-select"}),
        help_text=_("监督检查和双随机抽查的检查人员不得少于两人（《消防监督检查规定》第十四条）。"),
    )

    def __init__(self, *args: Any, inspection: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if inspection is not None:
            from flameblue.inspections.services import co_inspector_choices

            self.fields["co_inspector_people"].queryset = co_inspector_choices(inspection)

    summary = forms.CharField(
        label=_("检查情况"), required=False, widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"})
    )
    inspector_signature = forms.CharField(required=False, widget=forms.HiddenInput)
    unit_signature = forms.CharField(required=False, widget=forms.HiddenInput)
    expected_version = forms.IntegerField(required=False, widget=forms.HiddenInput)
