"""Records of 双拥 / 拥政爱民 work: the co-construction partners (共建单位) paired with stations and brigades
under an agreement, their plans by the rule "年有计划、季有安排、月有内容" (an annual plan, quarterly
arrangements, monthly content), and the co-construction activities carried out, typed by rule data."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from flameblue.community.agenda.models import AgendaItem, AgendaTag, PartyMeeting
from flameblue.community.choices import PartnerKind
from flameblue.community.education.models import EducationProgramme, EducationSession, SessionType
from flameblue.community.visits.models import Holiday, HolidayVisit, Opinion, OpinionTransition
from flameblue.core.masking import mask_phone
from flameblue.core.models import TrackedModel
from flameblue.core.scoping import ScopedManager, ScopeSpec
from flameblue.org.models import Organization

__all__ = [
    "Activity",
    "AgendaItem",
    "AgendaTag",
    "EducationProgramme",
    "EducationSession",
    "Holiday",
    "HolidayVisit",
    "Opinion",
    "OpinionTransition",
    "PartyMeeting",
    "SessionType",
    "ActivityType",
    "AnnualPlan",
    "MonthlyContent",
    "Partner",
    "QuarterArrangement",
    "ServiceHours",
    "ServiceRecord",
    "VolunteerMember",
    "VolunteerTeam",
]


class ActivityType(models.Model):
    """共建活动类型: a kind of co-construction activity (国防教育, 军训, 消防宣传, 义务劳动 …), loaded from
    ``rules/activity-types.yaml``; the rule-set version is kept on the row and on every activity."""

    code = models.CharField(_("代码"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=60)
    name_en = models.CharField(_("英文名称"), max_length=100, blank=True)
    order = models.PositiveSmallIntegerField(_("排序"), default=0)
    version = models.CharField(_("规则版本"), max_length=20)
    active = models.BooleanField(_("启用"), default=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("共建活动类型")
        verbose_name_plural = _("共建活动类型")

    def __str__(self) -> str:
        return self.name


class Partner(TrackedModel):
    """共建单位: an organization (a 机关, school, factory, community, village or army unit) paired with a fire
    station or brigade (``station``) under a co-construction agreement (共建协议: when signed, the period it
    runs, a scan of the signed copy) with a contact person. ``organization`` links it to the registry when it
    is there; otherwise its name is enough. The pairing's region (that of the station) decides who sees it."""

    name = models.CharField(_("共建单位名称"), max_length=200)
    kind = models.CharField(_("单位类别"), max_length=20, choices=PartnerKind.choices)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("登记的组织"),
    )  # fmt: skip
    station = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="community_partners",
        verbose_name=_("结对消防救援站/大队"),
    )  # fmt: skip
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在区划"), editable=False
    )
    agreement_signed_on = models.DateField(_("协议签订日期"), null=True, blank=True)
    agreement_starts_on = models.DateField(_("协议起始日期"), null=True, blank=True)
    agreement_ends_on = models.DateField(_("协议截止日期"), null=True, blank=True)
    contact_name = models.CharField(_("联系人"), max_length=60, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    active = models.BooleanField(_("共建中"), default=True)

    scope_spec = ScopeSpec(region="region_id", unit="organization_id")

    class Meta:
        ordering = ["region_id", "name"]
        verbose_name = _("共建单位")
        verbose_name_plural = _("共建单位")
        indexes = [models.Index(fields=["region", "name"]), models.Index(fields=["station", "active"])]

    def __str__(self) -> str:
        return self.name

    @property
    def contact_phone_masked(self) -> str:
        return mask_phone(self.contact_phone)

    def audit_masked_values(self) -> dict[str, str]:
        return {"contact_phone": mask_phone(self.contact_phone)}


class AnnualPlan(TrackedModel):
    """年度共建活动计划: a pairing's plan for one year ("年有计划"). Its quarterly arrangements and monthly
    content are its parts; activities of that year are linked to its monthly content."""

    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="plans", verbose_name=_("共建单位")
    )
    year = models.PositiveSmallIntegerField(
        _("年度"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    goals = models.TextField(_("年度目标与主要活动"))

    scope_spec = ScopeSpec(region="partner__region_id", unit="partner__organization_id")

    class Meta:
        ordering = ["-year", "partner__name"]
        verbose_name = _("年度共建计划")
        verbose_name_plural = _("年度共建计划")
        constraints = [models.UniqueConstraint(fields=["partner", "year"], name="community_plan_once_a_year")]

    def __str__(self) -> str:
        return f"{self.partner} {self.year}"


class QuarterArrangement(models.Model):
    """季度活动安排: what a pairing arranges for one quarter of its annual plan ("季有安排")."""

    plan = models.ForeignKey(AnnualPlan, on_delete=models.CASCADE, related_name="quarters")
    quarter = models.PositiveSmallIntegerField(
        _("季度"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    content = models.TextField(_("活动安排"))

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="plan__partner__region_id", unit="plan__partner__organization_id")

    class Meta:
        ordering = ["plan", "quarter"]
        verbose_name = _("季度活动安排")
        verbose_name_plural = _("季度活动安排")
        constraints = [models.UniqueConstraint(fields=["plan", "quarter"], name="community_quarter_once")]

    def __str__(self) -> str:
        return f"{self.plan} Q{self.quarter}"


class MonthlyContent(models.Model):
    """月度活动内容: what a pairing will do in one month of its plan ("月有内容"), with the activity type;
    activities carried out are linked to it."""

    plan = models.ForeignKey(AnnualPlan, on_delete=models.CASCADE, related_name="months")
    month = models.PositiveSmallIntegerField(
        _("月份"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    activity_type = models.ForeignKey(
        ActivityType, on_delete=models.PROTECT, related_name="+", verbose_name=_("活动类型")
    )
    content = models.TextField(_("活动内容"))

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="plan__partner__region_id", unit="plan__partner__organization_id")

    class Meta:
        ordering = ["plan", "month", "id"]
        verbose_name = _("月度活动内容")
        verbose_name_plural = _("月度活动内容")
        indexes = [models.Index(fields=["plan", "month"])]

    def __str__(self) -> str:
        return f"{self.plan.year}-{self.month:02d} {self.activity_type} {self.content[:30]}"


class Activity(TrackedModel):
    """共建活动: one co-construction activity carried out with a partner — its type (rule data, version kept),
    date, place, how many of ours and of the partner took part, who benefited and a short account — linked to
    the monthly content of the plan it carries out, which must be of the same year."""

    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="activities", verbose_name=_("共建单位")
    )
    plan_item = models.ForeignKey(
        MonthlyContent, null=True, blank=True, on_delete=models.PROTECT, related_name="activities",
        verbose_name=_("对应计划内容"),
    )  # fmt: skip
    activity_type = models.ForeignKey(
        ActivityType, on_delete=models.PROTECT, related_name="activities", verbose_name=_("活动类型")
    )
    types_version = models.CharField(_("类型规则版本"), max_length=20, editable=False)
    title = models.CharField(_("活动名称"), max_length=200)
    held_on = models.DateField(_("活动日期"))
    place = models.CharField(_("活动地点"), max_length=200)
    our_participants = models.PositiveIntegerField(_("我方参加人数"), default=0)
    partner_participants = models.PositiveIntegerField(_("共建单位参加人数"), default=0)
    beneficiaries = models.PositiveIntegerField(_("受益人数"), default=0)
    account = models.TextField(_("活动简况"), blank=True)

    scope_spec = ScopeSpec(region="partner__region_id", unit="partner__organization_id")

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("共建活动")
        verbose_name_plural = _("共建活动")
        indexes = [models.Index(fields=["partner", "held_on"]), models.Index(fields=["held_on"])]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.title}"


class VolunteerTeam(TrackedModel):
    """学雷锋志愿服务队: a volunteer team of a station or brigade (voluntary labour, blood donation, donations),
    with its leader and founding date. Its members' service hours are recorded per service."""

    name = models.CharField(_("服务队名称"), max_length=200)
    station = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="community_volunteer_teams",
        verbose_name=_("所属消防救援站/大队"),
    )  # fmt: skip
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在区划"), editable=False
    )
    leader_name = models.CharField(_("队长"), max_length=60)
    founded_on = models.DateField(_("成立日期"))
    description = models.TextField(_("服务内容"), blank=True)

    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["region_id", "name"]
        verbose_name = _("学雷锋志愿服务队")
        verbose_name_plural = _("学雷锋志愿服务队")
        constraints = [models.UniqueConstraint(fields=["station", "name"], name="community_team_name_once")]

    def __str__(self) -> str:
        return self.name


class VolunteerMember(models.Model):
    """服务队队员: an officer (a person of the registry) or a civilian volunteer of a team; civilians' phones
    are shown masked."""

    team = models.ForeignKey(VolunteerTeam, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        "org.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("消防员"),
    )
    name = models.CharField(_("姓名"), max_length=60)
    civilian = models.BooleanField(_("社会志愿者"), default=False)
    phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    joined_on = models.DateField(_("加入日期"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="team__region_id")

    class Meta:
        ordering = ["team", "name", "id"]
        verbose_name = _("服务队队员")
        verbose_name_plural = _("服务队队员")

    def __str__(self) -> str:
        return self.name

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone)

    def audit_masked_values(self) -> dict[str, str]:
        return {"phone": mask_phone(self.phone)}


class ServiceRecord(models.Model):
    """志愿服务记录: one service a team gave (date, what, how many people were served), possibly as part of a
    co-construction activity, with the hours each member who took part served."""

    team = models.ForeignKey(VolunteerTeam, on_delete=models.PROTECT, related_name="records")
    activity = models.ForeignKey(
        Activity,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("共建活动"),
    )
    served_on = models.DateField(_("服务日期"))
    title = models.CharField(_("服务内容"), max_length=200)
    people_served = models.PositiveIntegerField(_("服务人数"), default=0)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="team__region_id")

    class Meta:
        ordering = ["-served_on", "-id"]
        verbose_name = _("志愿服务记录")
        verbose_name_plural = _("志愿服务记录")
        indexes = [models.Index(fields=["team", "served_on"])]

    def __str__(self) -> str:
        return f"{self.served_on:%Y-%m-%d} {self.title}"


class ServiceHours(models.Model):
    """服务时长: the hours one member served in one service."""

    record = models.ForeignKey(ServiceRecord, on_delete=models.CASCADE, related_name="hours")
    member = models.ForeignKey(VolunteerMember, on_delete=models.PROTECT, related_name="hours")
    hours = models.DecimalField(
        _("服务时长（小时）"), max_digits=5, decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("24"))],
    )  # fmt: skip

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="record__team__region_id")

    class Meta:
        verbose_name = _("服务时长")
        verbose_name_plural = _("服务时长")
        constraints = [models.UniqueConstraint(fields=["record", "member"], name="community_hours_once")]

    def __str__(self) -> str:
        return f"{self.member} {self.hours}h"
