"""Forms of the assessment pages: they parse input; the assessment services do every write. The organizer
and the assessed are limited to organizations the user may see."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.scoping import within_scopes
from flameblue.governance.assessment.models import Assessment
from flameblue.governance.forms import TEXT, FilesField, OrgChoiceField, OrgMultipleChoiceField
from flameblue.governance.models import AssessmentScheme
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization

__all__ = ["AssessmentOpenForm", "EntryReturnForm", "ItemReviewForm", "SelfAssessForm"]


class AssessmentOpenForm(forms.Form):
    year = forms.IntegerField(
        label=_("考核年度"), min_value=2000, max_value=2100, initial=lambda: timezone.localdate().year - 1
    )
    organizer = OrgChoiceField(label=_("组织考核单位"), queryset=Organization.objects.none())
    scheme = forms.ModelChoiceField(
        label=_("考核细则"), queryset=AssessmentScheme.objects.filter(is_active=True)
    )
    assessed = OrgMultipleChoiceField(
        label=_("被考核单位"), queryset=Organization.objects.none(),
        widget=forms.SelectMultiple(attrs={"class": "form-select js-tomselect", "size": 8}),
    )  # fmt: skip
    title = forms.CharField(label=_("考核名称（可不填）"), max_length=200, required=False)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        governments = Organization.objects.filter(kind=OrgKind.GOVERNMENT, is_active=True)
        self.fields["organizer"].queryset = within_scopes(governments, user, Assessment, "add").order_by(
            "region_id"
        )
        self.fields["assessed"].queryset = (
            Organization.objects.visible_to(user)
            .filter(kind__in=(OrgKind.GOVERNMENT, OrgKind.DEPARTMENT), is_active=True)
            .order_by("region_id", "kind", "name")
        )


class SelfAssessForm(forms.Form):
    self_score = forms.DecimalField(label=_("自评得分"), max_digits=5, decimal_places=2, required=False)
    events = forms.IntegerField(label=_("扣分事件数"), min_value=0, required=False)
    veto = forms.BooleanField(label=_("发生否决事件"), required=False)
    note = forms.CharField(label=_("自评说明 / 理由"), widget=TEXT, required=False)
    evidence = FilesField(label=_("佐证材料（PDF/JPEG/PNG）"), required=False)


class ItemReviewForm(forms.Form):
    final_score = forms.DecimalField(label=_("审核得分"), max_digits=5, decimal_places=2, required=False)
    events = forms.IntegerField(label=_("核定扣分事件数"), min_value=0, required=False)
    veto = forms.NullBooleanField(
        label=_("一票否决"),
        required=False,
        widget=forms.Select(choices=[("unknown", _("不改变")), ("true", _("触发")), ("false", _("不触发"))]),
    )
    reason = forms.CharField(label=_("调整理由"), widget=TEXT, required=False)
    evidence = FilesField(label=_("佐证材料（PDF/JPEG/PNG）"), required=False)


class EntryReturnForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(label=_("退回修改的理由"), widget=TEXT)
