"""Forms of the tip pages: the public form (with its honeypot and signed timestamp) and the staff's
check/convert/dismiss forms. They parse input; ``hazards/tips.py`` does every write."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from flameblue.core.scoping import code_range
from flameblue.hazards.choices import HazardGrade, TipCategory
from flameblue.hazards.forms import PhotosField
from flameblue.hazards.tips.guard import form_token
from flameblue.hazards.tips.services import tip_regions
from flameblue.units.models import Unit

__all__ = ["ConvertTipForm", "DismissTipForm", "PublicTipForm", "StartCheckForm", "TrackForm"]


def township_choices() -> list[Any]:
    """Bozhou's townships grouped by county, for a plain select that works on any phone."""
    regions = list(tip_regions())
    grouped = groupby(regions, key=lambda r: r.parent.name if r.parent else "")
    return [("", _("请选择乡镇（街道）"))] + [
        (county, [(r.code, r.name) for r in items]) for county, items in grouped
    ]


class PublicTipForm(forms.Form):
    category = forms.ChoiceField(label=_("举报类别"), choices=TipCategory.choices, widget=forms.RadioSelect)
    description = forms.CharField(
        label=_("隐患情况"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("请写明看到的问题，例如：某商场二楼东侧安全出口被铁链锁住。"),
    )  # fmt: skip
    region = forms.ChoiceField(label=_("所在乡镇（街道）"), choices=())
    address = forms.CharField(label=_("详细地址"), max_length=200)
    place_name = forms.CharField(label=_("场所名称（选填）"), max_length=120, required=False)
    photos = PhotosField(label=_("现场照片（选填，JPEG 或 PNG）"), required=False)
    phone = forms.CharField(
        label=_("联系电话（选填）"), max_length=20, required=False,
        help_text=_("仅用于核查人员联系您，不会公开。"),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )  # fmt: skip
    # The honeypot: hidden from people, filled in by robots.
    website = forms.CharField(
        label=_("请勿填写此项"), required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )  # fmt: skip
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = township_choices()
        if not self.is_bound:
            self.initial["token"] = form_token()

    def refresh_token(self) -> None:
        """A re-shown form gets a fresh timestamp (its data stays as typed)."""
        if self.is_bound:
            data = self.data.copy()
            data["token"] = form_token()
            self.data = data


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("查询码"), max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )  # fmt: skip


class TipMoveForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, tip: Any = None, user: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.tip, self.user = tip, user
        if tip is not None and not self.is_bound:
            self.initial["version"] = tip.version


class StartCheckForm(TipMoveForm):
    pass


class ConvertTipForm(TipMoveForm):
    unit = forms.ModelChoiceField(label=_("隐患所在单位"), queryset=Unit.objects.none())
    grade = forms.ChoiceField(label=_("隐患等级"), choices=HazardGrade.choices, initial=HazardGrade.GENERAL)
    location = forms.CharField(label=_("隐患部位"), max_length=200, required=False)
    description = forms.CharField(
        label=_("隐患描述"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
        help_text=_("留空则使用举报内容。"),
    )  # fmt: skip
    public_reply = forms.CharField(
        label=_("对外答复"), widget=forms.Textarea(attrs={"rows": 2}), required=False,
        help_text=_("举报人凭查询码可见；留空则使用默认答复。"),
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        units = Unit.objects.visible_to(self.user, "view")
        if self.tip is not None:
            low, high = code_range(self.tip.region_id[:6])  # units of the tip's county
            units = units.filter(region__gte=low, region__lt=high)
        self.fields["unit"].queryset = units.order_by("region_id", "name")


class DismissTipForm(TipMoveForm):
    reason = forms.CharField(label=_("不属实理由"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    public_reply = forms.CharField(
        label=_("对外答复"), widget=forms.Textarea(attrs={"rows": 2}), required=False,
        help_text=_("举报人凭查询码可见；留空则使用默认答复。"),
    )  # fmt: skip


TIP_MOVE_FORMS: dict[str, type[TipMoveForm]] = {
    "start": StartCheckForm,
    "convert": ConvertTipForm,
    "dismiss": DismissTipForm,
}
