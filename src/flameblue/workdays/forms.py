"""Forms of the working-day calendar page."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

__all__ = ["WorkingDayForm", "YearForm"]


class WorkingDayForm(forms.Form):
    date = forms.DateField(label=_("日期"), widget=forms.DateInput(attrs={"type": "date"}))
    is_working = forms.TypedChoiceField(
        label=_("类型"),
        choices=[("1", _("工作日（含调休上班）")), ("0", _("休息日（含节假日）"))],
        coerce=lambda v: v == "1",
    )
    note = forms.CharField(
        label=_("说明"), max_length=50, required=False, help_text=_("如：春节、国庆节调休上班")
    )
    reason = forms.CharField(label=_("修改事由"), max_length=200, required=False)

    def __init__(self, *args, user=None, **kwargs) -> None:
        self.user = user
        super().__init__(*args, **kwargs)


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("年份"), min_value=1900, max_value=2200)

    def __init__(self, *args, user=None, **kwargs) -> None:
        self.user = user
        super().__init__(*args, **kwargs)
