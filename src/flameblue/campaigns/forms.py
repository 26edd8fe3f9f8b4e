"""Forms of the campaign pages: they parse input, the services do every write. Choices are limited to what
the user may reach; phases are typed one per line as ``名称 开始日期 结束日期``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from flameblue.campaigns.choices import CampaignLevel
from flameblue.campaigns.kinds import kind_choices
from flameblue.campaigns.models import Campaign
from flameblue.campaigns.selectors import fact_fields
from flameblue.campaigns.work import CHECK_RESULTS
from flameblue.core.lookups import RemoteSelect
from flameblue.core.scoping import in_region, within_scopes
from flameblue.geo.models import Region
from flameblue.inspections.choices import ChecklistStatus
from flameblue.inspections.models import Checklist
from flameblue.org.choices import OrgKind
from flameblue.org.models import Industry, Organization
from flameblue.units.models import PlaceType, RiskTag, Unit

__all__ = [
    "AssignmentForm",
    "CampaignEditForm",
    "CampaignForm",
    "LaunchForm",
    "RecordForm",
    "TargetAddForm",
    "parse_phases",
]

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MULTI = forms.SelectMultiple(attrs={"class": "form-select js-tomselect"})
#: Who may organise a campaign: a government, a department, or the fire service.
ORGANISER_KINDS = (OrgKind.GOVERNMENT, OrgKind.DEPARTMENT, OrgKind.DETACHMENT, OrgKind.BRIGADE)
#: Who may be given a campaign's work: brigades and stations, township governments, departments.
ASSIGNEE_KINDS = (OrgKind.GOVERNMENT, OrgKind.DEPARTMENT, OrgKind.BRIGADE, OrgKind.STATION)


class NamedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.name


class NamedMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.name


class NamedChecklistField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


class RemoteSelectMultiple(RemoteSelect, forms.SelectMultiple):
    """Several units picked by remote search (the registry is too large to list)."""

    allow_multiple_selected = True


def parse_phases(text: str) -> list[dict[str, Any]]:
    """One phase per line: ``动员部署 2019-04-01 2019-04-10``. Raises ValidationError naming the line."""
    phases = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        parts = line.split()
        if not parts:
            continue
        try:
            name, start, end = parts
            phases.append(
                {
                    "name": name,
                    "starts_on": dt.date.fromisoformat(start),
                    "ends_on": dt.date.fromisoformat(end),
                }
            )
        except ValueError as exc:
            raise ValidationError(
                _("第 %(n)d 行应为“阶段名称 开始日期 结束日期”，如“动员部署 2019-04-01 2019-04-10”。"),
                params={"n": number},
                code="phase",
            ) from exc
    return phases


class CampaignForm(forms.Form):
    name = forms.CharField(label=_("整治名称"), max_length=200)
    level = forms.ChoiceField(label=_("级别"), choices=CampaignLevel.choices)
    organiser = NamedChoiceField(label=_("组织单位"), queryset=Organization.objects.none())
    starts_on = forms.DateField(label=_("开始日期"), widget=DATE)
    ends_on = forms.DateField(label=_("结束日期"), widget=DATE)
    phases = forms.CharField(
        label=_("工作阶段"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("每行一个阶段：阶段名称 开始日期 结束日期，如“动员部署 2019-04-01 2019-04-10”。"),
    )  # fmt: skip
    place_types = NamedMultipleChoiceField(
        label=_("范围：场所类型"), queryset=PlaceType.objects.order_by("sort_order", "code"), required=False,
        widget=MULTI,
    )  # fmt: skip
    risk_tags = NamedMultipleChoiceField(
        label=_("范围：风险标签"), queryset=RiskTag.objects.order_by("sort_order", "code"), required=False,
        widget=MULTI,
    )  # fmt: skip
    regions = NamedMultipleChoiceField(
        label=_("范围：区划"), queryset=Region.objects.none(), required=False, widget=MULTI,
        help_text=_("留空则为组织单位的整个辖区。"),
    )  # fmt: skip
    industries = NamedMultipleChoiceField(
        label=_("范围：行业"), queryset=Industry.objects.order_by("sort_order", "code"), required=False,
        widget=MULTI, help_text=_("行业部门组织的专项整治只能选择本行业。"),
    )  # fmt: skip
    units = NamedMultipleChoiceField(
        label=_("范围：指定单位"), queryset=Unit.objects.none(), required=False,
        widget=RemoteSelectMultiple("unit"),
        help_text=_("指定单位名单时，整治对象即为名单上的单位，不再按以上条件筛选。"),
    )  # fmt: skip
    kind = forms.ChoiceField(
        label=_("整治类别"), required=False, help_text=_("决定需逐个整治对象登记的整治数据和默认附加检查项。")
    )
    checklist = NamedChecklistField(
        label=_("专项检查表"), queryset=Checklist.objects.none(), required=False,
        help_text=_("留空则按单位的场所类型选用检查表。"),
    )  # fmt: skip
    extra_items = forms.CharField(
        label=_("附加检查项"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("每行一项；留空则采用整治类别的默认附加检查项。"),
    )  # fmt: skip
    target_checked = forms.IntegerField(label=_("检查单位目标数"), min_value=0, initial=0)
    target_rectified = forms.IntegerField(label=_("整改隐患目标数"), min_value=0, initial=0)
    description = forms.CharField(
        label=_("工作要求"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        self.user = user
        organisers = within_scopes(
            Organization.objects.filter(kind__in=ORGANISER_KINDS, is_active=True), user, Campaign, "add"
        )
        self.fields["organiser"].queryset = organisers.order_by("region_id", "kind", "name")
        self.fields["regions"].queryset = within_scopes(Region.objects.all(), user, Campaign, "add").order_by(
            "code"
        )
        self.fields["units"].queryset = Unit.objects.visible_to(user)
        self.fields["kind"].choices = [("", _("（不登记专项数据）")), *kind_choices()]
        self.fields["checklist"].queryset = Checklist.objects.filter(
            status=ChecklistStatus.PUBLISHED
        ).order_by("kind", "place_type", "code")

    def clean_phases(self) -> list[dict[str, Any]]:
        return parse_phases(self.cleaned_data.get("phases", ""))

    def clean_extra_items(self) -> list[str] | None:
        lines = [line.strip() for line in (self.cleaned_data.get("extra_items") or "").splitlines()]
        return [line for line in lines if line] or None


class CampaignEditForm(CampaignForm):
    """Editing a campaign in preparation: the organiser stays; the version the user saw comes back."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, campaign: Campaign, user: Any = None, **kwargs: Any):
        super().__init__(*args, user=user, **kwargs)
        del self.fields["organiser"]
        if not self.is_bound:
            self.initial.update(
                {f: getattr(campaign, f) for f in ("name", "level", "starts_on", "ends_on", "description",
                                                   "target_checked", "target_rectified", "version")},
                place_types=list(campaign.scope_place_types.all()), risk_tags=list(campaign.scope_risk_tags.all()),
                regions=list(campaign.scope_regions.all()), industries=list(campaign.scope_industries.all()),
                units=list(campaign.scope_units.all()), kind=campaign.kind, checklist=campaign.checklist_id,
                extra_items="\n".join(campaign.extra_items),
                phases="\n".join(f"{p.name} {p.starts_on} {p.ends_on}" for p in campaign.phases.order_by("number")),
            )  # fmt: skip

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        return {"expected_version": data.pop("version"), **data}


class LaunchForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class TargetAddForm(forms.Form):
    unit = NamedChoiceField(label=_("单位"), queryset=Unit.objects.none())
    reason = forms.CharField(label=_("补充理由"), max_length=200)

    def __init__(self, *args: Any, campaign: Campaign, user: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = (
            Unit.objects.visible_to(user).filter(in_region(campaign.region_id))
            .exclude(campaign_targets__campaign=campaign).order_by("name")
        )  # fmt: skip


class AssignmentForm(forms.Form):
    assignee = NamedChoiceField(label=_("责任单位"), queryset=Organization.objects.none())
    task = forms.CharField(label=_("任务"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    due_on = forms.DateField(
        label=_("完成期限"), required=False, widget=DATE,
        help_text=_("期限过后辖区内仍有未检查的整治对象的，系统提醒责任单位。"),
    )  # fmt: skip

    def __init__(self, *args: Any, campaign: Campaign, user: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = (
            Organization.objects.filter(in_region(campaign.region_id), kind__in=ASSIGNEE_KINDS, is_active=True)
            .exclude(pk__in=campaign.assignments.values("assignee_id")).order_by("region_id", "kind", "name")
        )  # fmt: skip


class RecordForm(forms.Form):
    """整治情况登记 of one target: one field per fact of the campaign's kind (counts as whole numbers, flags
    as a tick box) and one choice per extra check item; the service checks them against the rule file."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, campaign: Campaign, record: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fact_codes: list[str] = []
        for fact in fact_fields(campaign):
            if fact.type == "flag":
                field: forms.Field = forms.BooleanField(label=fact.label, required=False)
            else:
                field = forms.IntegerField(label=fact.label, required=False, min_value=0, max_value=fact.max)
            self.fields[fact.code] = field
            self.fact_codes.append(fact.code)
        results = [("", "—"), *CHECK_RESULTS.items()]
        for index, item in enumerate(campaign.extra_items):
            self.fields[f"check_{index}"] = forms.ChoiceField(label=item, choices=results, required=False)
        if record is not None and not self.is_bound:
            self.initial.update(record.facts, version=record.version)
            self.initial.update({f"check_{k}": v for k, v in record.checks.items()})

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        checks = {k.removeprefix("check_"): v for k, v in data.items() if k.startswith("check_")}
        facts = {code: data.get(code) for code in self.fact_codes}
        return {"facts": facts, "checks": checks, "expected_version": data.get("version")}
