"""Forms of a corrective action's moves (report with evidence, close, return)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

__all__ = ["CloseForm", "ReportForm", "ReturnForm"]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by the upload service (type by content, size)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class _Versioned(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class ReportForm(_Versioned):
    report = forms.CharField(label=_("整改情况"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    evidence = MultipleFileField(
        label=_("佐证材料"), required=False, help_text=_("照片（JPEG、PNG）或 PDF。")
    )


class CloseForm(_Versioned):
    reason = forms.CharField(label=_("验收意见"), required=False, max_length=1000)


class ReturnForm(_Versioned):
    reason = forms.CharField(label=_("退回原因"), max_length=1000)
