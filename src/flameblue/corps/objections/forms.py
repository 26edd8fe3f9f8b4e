"""Forms of the 公示 objections: they parse input, the services write."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from flameblue.core.forms import REASON_MAX_CHARS, text_limit_messages
from flameblue.corps.staffing.forms import VersionedForm

__all__ = ["FileForm", "RejectForm", "UpholdForm"]

LIMIT = text_limit_messages()
TEXTAREA = forms.Textarea(attrs={"rows": 3})


class FileForm(forms.Form):
    text = forms.CharField(
        label=_("异议内容"), max_length=REASON_MAX_CHARS, error_messages=LIMIT, widget=TEXTAREA,
        help_text=_("写明对哪项成绩有异议、理由和依据（如计时录像、考核记录表）。"),
    )  # fmt: skip

    def __init__(self, *args: Any, user: Any = None, obj: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)


class UpholdForm(VersionedForm):
    raw = forms.CharField(
        label=_("更正后成绩"), max_length=200,
        help_text=_("用时写作 12'30\" 或 750（秒）；班组操法填每名队员用时，以空格或逗号分隔。"),
    )  # fmt: skip
    faults = forms.IntegerField(label=_("失误次数"), min_value=0, required=False)
    answer = forms.CharField(
        label=_("答复意见"), max_length=REASON_MAX_CHARS, error_messages=LIMIT, widget=TEXTAREA
    )

    def service_kwargs(self) -> dict[str, Any]:
        data = super().service_kwargs()
        data["raw"] = [t for t in re.split(r"[\s,，、;；]+", data["raw"]) if t]
        return data


class RejectForm(VersionedForm):
    answer = forms.CharField(
        label=_("不成立的理由"), max_length=REASON_MAX_CHARS, error_messages=LIMIT, widget=TEXTAREA
    )
