"""Forms of the 双拥 pages: they parse input, the services do every write. Choices are limited to what the
user may see (stations and brigades in the user's jurisdiction, partners and plan content visible to them)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.community.choices import PartnerKind
from flameblue.community.models import ActivityType, MonthlyContent, Partner, VolunteerMember, VolunteerTeam
from flameblue.community.services import PAIRING_KINDS
from flameblue.core.scoping import within_scopes
from flameblue.org.models import Organization, Person

__all__ = [
    "ActivityEditForm",
    "ActivityForm",
    "AttachmentForm",
    "PartnerAccountForm",
    "PartnerEditForm",
    "PlanEditForm",
    "TeamEditForm",
    "MemberForm",
    "MonthlyContentForm",
    "PartnerForm",
    "PlanForm",
    "QuarterForm",
    "ServiceRecordForm",
    "TeamForm",
]

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})


class OrgChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organization) -> str:
        return obj.name


class PartnerForm(forms.Form):
    name = forms.CharField(label=_("共建单位名称"), max_length=200)
    kind = forms.ChoiceField(label=_("单位类别"), choices=PartnerKind.choices)
    station = OrgChoiceField(label=_("结对消防救援站/大队"), queryset=Organization.objects.none())
    agreement_signed_on = forms.DateField(label=_("协议签订日期"), widget=DATE, required=False)
    agreement_starts_on = forms.DateField(label=_("协议起始日期"), widget=DATE, required=False)
    agreement_ends_on = forms.DateField(label=_("协议截止日期"), widget=DATE, required=False)
    contact_name = forms.CharField(label=_("联系人"), max_length=60, required=False)
    contact_phone = forms.CharField(label=_("联系电话"), max_length=30, required=False)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        self.fields["station"].queryset = within_scopes(
            Organization.objects.filter(kind__in=PAIRING_KINDS), user, Partner, "add"
        ).order_by("region_id", "name")


class PlanForm(forms.Form):
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)
    goals = forms.CharField(label=_("年度目标与主要活动"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year


class QuarterForm(forms.Form):
    quarter = forms.TypedChoiceField(
        label=_("季度"), coerce=int, choices=[(q, _("第%(q)s季度") % {"q": q}) for q in range(1, 5)]
    )
    content = forms.CharField(label=_("活动安排"), widget=TEXT)


class MonthlyContentForm(forms.Form):
    month = forms.TypedChoiceField(
        label=_("月份"), coerce=int, choices=[(m, _("%(m)s月") % {"m": m}) for m in range(1, 13)]
    )
    activity_type = forms.ModelChoiceField(
        label=_("活动类型"), queryset=ActivityType.objects.filter(active=True)
    )
    content = forms.CharField(label=_("活动内容"), widget=TEXT)


class PlanItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: MonthlyContent) -> str:
        return f"{obj.plan.partner.name} {obj.plan.year}-{obj.month:02d} {obj.activity_type.name}：{obj.content[:30]}"


class ActivityForm(forms.Form):
    partner = forms.ModelChoiceField(label=_("共建单位"), queryset=Partner.objects.none())
    plan_item = PlanItemChoiceField(
        label=_("对应计划内容"), queryset=MonthlyContent.objects.none(), required=False
    )
    activity_type = forms.ModelChoiceField(
        label=_("活动类型"), queryset=ActivityType.objects.filter(active=True)
    )
    title = forms.CharField(label=_("活动名称"), max_length=200)
    held_on = forms.DateField(label=_("活动日期"), widget=DATE)
    place = forms.CharField(label=_("活动地点"), max_length=200)
    our_participants = forms.IntegerField(label=_("我方参加人数"), min_value=0, initial=0)
    partner_participants = forms.IntegerField(label=_("共建单位参加人数"), min_value=0, initial=0)
    beneficiaries = forms.IntegerField(label=_("受益人数"), min_value=0, initial=0)
    account = forms.CharField(label=_("活动简况"), widget=TEXT, required=False)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.visible_to(user).filter(active=True)
        self.fields["plan_item"].queryset = (
            MonthlyContent.objects.visible_to(user).filter(plan__year__gte=timezone.localdate().year - 1)
            .select_related("plan__partner", "activity_type")
            .order_by("-plan__year", "plan__partner__name", "month")
        )  # fmt: skip


class TeamForm(forms.Form):
    name = forms.CharField(label=_("服务队名称"), max_length=200)
    station = OrgChoiceField(label=_("所属消防救援站/大队"), queryset=Organization.objects.none())
    leader_name = forms.CharField(label=_("队长"), max_length=60)
    founded_on = forms.DateField(label=_("成立日期"), widget=DATE)
    description = forms.CharField(label=_("服务内容"), widget=TEXT, required=False)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        self.fields["station"].queryset = within_scopes(
            Organization.objects.filter(kind__in=PAIRING_KINDS), user, VolunteerTeam, "add"
        ).order_by("region_id", "name")


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return obj.name


class MemberForm(forms.Form):
    person = PersonChoiceField(label=_("消防员"), queryset=Person.objects.none(), required=False)
    name = forms.CharField(label=_("社会志愿者姓名"), max_length=60, required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=30, required=False)
    joined_on = forms.DateField(label=_("加入日期"), widget=DATE)

    def __init__(self, *args: Any, team: VolunteerTeam, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(
            organization=team.station, is_active=True
        ).order_by("name")


class MemberChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: VolunteerMember) -> str:
        return obj.name


class ServiceRecordForm(forms.Form):
    served_on = forms.DateField(label=_("服务日期"), widget=DATE)
    title = forms.CharField(label=_("服务内容"), max_length=200)
    people_served = forms.IntegerField(label=_("服务人数"), min_value=0, initial=0)
    members = MemberChoiceField(
        label=_("参加队员"), queryset=VolunteerMember.objects.none(),
        widget=forms.SelectMultiple(attrs={"class": "form-select js-tomselect"}),
    )  # fmt: skip
    hours = forms.DecimalField(label=_("每人服务时长（小时）"), min_value=0, max_digits=5, decimal_places=1)

    def __init__(self, *args: Any, team: VolunteerTeam, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = team.members.all()

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        hours = data.pop("hours")
        data["hours"] = [(m, hours) for m in data.pop("members")]
        return data


# ------------------------------------------------------------------------------------------- edits and files


class VersionMixin(forms.Form):
    """The version the user saw, sent back on save (a change by someone else in between is refused)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class PartnerEditForm(VersionMixin, PartnerForm):
    active = forms.BooleanField(label=_("共建中"), required=False)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        del self.fields["station"]


class PlanEditForm(VersionMixin):
    goals = forms.CharField(label=_("年度目标与主要活动"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)


class ActivityEditForm(VersionMixin, ActivityForm):
    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        del self.fields["partner"], self.fields["plan_item"]


class TeamEditForm(VersionMixin, TeamForm):
    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        del self.fields["station"]


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("文件"))

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)


class PartnerAccountForm(forms.Form):
    person = PersonChoiceField(label=_("共建单位联络人员"), queryset=Person.objects.none())

    def __init__(self, *args: Any, partner: Partner, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if partner.organization_id:
            self.fields["person"].queryset = Person.objects.filter(
                organization_id=partner.organization_id, is_active=True
            ).order_by("name")
