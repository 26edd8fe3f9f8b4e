"""Forms of the integrity pages: they parse input, the services do every write. Choices are limited to what
the user may see."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.scoping import within_scopes
from flameblue.geo.models import Region
from flameblue.integrity.choices import Relation
from flameblue.integrity.models import LiaisonPoint
from flameblue.org.choices import FIRE_SERVICE_KINDS
from flameblue.org.models import Organization, Person

__all__ = ["DeclarationForm", "DrinkingDecideForm", "DrinkingReportForm", "LiaisonPointForm", "VisitForm"]

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})


class _UserForm(forms.Form):
    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        self.user = user


class LiaisonPointForm(_UserForm):
    member = forms.ModelChoiceField(label=_("党委委员"), queryset=Person.objects.none())
    organization = forms.ModelChoiceField(label=_("联系点（站、大队）"), queryset=Organization.objects.none())
    since = forms.DateField(label=_("确定日期"), widget=DATE)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = within_scopes(
            Person.objects.filter(organization__kind__in=FIRE_SERVICE_KINDS, is_active=True), self.user,
            LiaisonPoint, "add",
        ).select_related("organization")  # fmt: skip
        self.fields["organization"].queryset = within_scopes(
            Organization.objects.filter(kind__in=["station", "brigade", "fulltime_brigade"]), self.user,
            LiaisonPoint, "add",
        )  # fmt: skip


class VisitForm(_UserForm):
    visited_on = forms.DateField(label=_("蹲点日期"), widget=DATE)
    days = forms.IntegerField(label=_("蹲点天数"), min_value=1, max_value=60, initial=1)
    work = forms.CharField(label=_("蹲点工作内容"), widget=TEXT)
    problems = forms.CharField(label=_("发现问题"), widget=TEXT, required=False)
    follow_up = forms.CharField(label=_("整改跟进"), widget=TEXT, required=False)


class DeclarationForm(_UserForm):
    year = forms.IntegerField(label=_("申报年度"), min_value=2000)
    relative_name = forms.CharField(label=_("亲属姓名"), max_length=60)
    relation = forms.ChoiceField(label=_("关系"), choices=Relation.choices)
    enterprise_name = forms.CharField(label=_("企业名称"), max_length=120)
    uscc = forms.CharField(label=_("统一社会信用代码"), max_length=18, min_length=18, required=False)
    township = forms.ModelChoiceField(
        label=_("企业所在乡镇（街道）"), queryset=Region.objects.filter(level="township"), required=False
    )
    business_scope = forms.CharField(label=_("经营范围"), widget=TEXT, required=False)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("year", timezone.localdate().year)


class DrinkingReportForm(_UserForm):
    occasion_on = forms.DateField(label=_("饮酒日期"), widget=DATE)
    place = forms.CharField(label=_("地点"), max_length=120)
    reason = forms.CharField(label=_("事由"), max_length=200)
    companions = forms.CharField(label=_("同饮人员"), widget=TEXT, required=False)


class DrinkingDecideForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    approve = forms.TypedChoiceField(
        label=_("审批结果"), choices=[("1", _("同意")), ("0", _("不同意"))], coerce=lambda v: v == "1"
    )
    note = forms.CharField(label=_("审批意见"), widget=TEXT, required=False)

    def __init__(self, *args: Any, obj: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if obj is not None and not self.is_bound:
            self.initial["version"] = obj.version
