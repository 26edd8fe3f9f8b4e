"""Records of the corps' own readiness (队伍建设): the roster of firefighters and officers (指战员名册) built on
the people already in FlameBlue, and the monthly station assessments (月度考核) — items with scoring tables
as versioned data, a plan per month, the raw results the assessment team records, and the published
rankings (公示)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel, TransitionRecord
from flameblue.core.scoping import ScopedManager, ScopeSpec
from flameblue.corps.choices import (
    CrewRule,
    Direction,
    DutyStatus,
    ItemCategory,
    ItemUnit,
    PlanStatus,
    Rank,
)
from flameblue.corps.staffing.chain import ChainManager
from flameblue.org.models import Organization, Person

__all__ = [
    "AssessmentItem",
    "AssessmentPlan",
    "AssessmentResult",
    "PlanTransition",
    "RosterEntry",
]


class RosterEntry(TrackedModel):
    """指战员名册条目: one firefighter or officer of the detachment — the existing :class:`Person` (name,
    phone, ID number stay there, masked) with the corps' facts: the station (or brigade, HQ office) served
    at, post, 消防救援衔 rank, crew (班组), dates of joining the service and of the current posting, and duty
    status. Seen within the station's region: the detachment sees all, a brigade its county's stations."""

    person = models.OneToOneField(
        Person, on_delete=models.PROTECT, related_name="roster_entry", verbose_name=_("人员")
    )
    station = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="roster_entries", verbose_name=_("所在单位")
    )
    post = models.CharField(_("岗位"), max_length=60)
    rank = models.CharField(_("消防救援衔"), max_length=10, choices=Rank.choices)
    crew = models.CharField(_("班组"), max_length=40, blank=True)
    joined_on = models.DateField(_("入职日期"))
    posted_on = models.DateField(_("到岗日期"))
    status = models.CharField(
        _("状态"), max_length=20, choices=DutyStatus.choices, default=DutyStatus.ON_DUTY, db_index=True
    )

    objects = ChainManager()
    scope_spec = ScopeSpec(region="station__region_id")
    chain_station = "station_id"  # a station sees its own roster only (see staffing/chain.py)

    class Meta:
        ordering = ["station_id", "crew", "person__name"]
        verbose_name = _("指战员")
        verbose_name_plural = _("指战员名册")
        indexes = [models.Index(fields=["station", "status"])]

    def __str__(self) -> str:
        return f"{self.person.name}（{self.station}）"


class AssessmentItem(models.Model):
    """考核项目: one item of the monthly assessment, loaded from ``rules/assessment-items.yaml`` and never
    rewritten (a new version is a new row): category (理论、体能、个人技能、班组操法), unit (time in seconds, count,
    score), direction (lower or higher is better), the scoring table (``[[threshold, score], …]`` best first)
    and, for crew drills, how the crew's one value is formed (slowest member, or time plus penalty per
    fault)."""

    code = models.CharField(_("项目代码"), max_length=40)
    version = models.CharField(_("版本"), max_length=20)
    title = models.CharField(_("项目名称"), max_length=100)
    category = models.CharField(_("类别"), max_length=20, choices=ItemCategory.choices)
    unit = models.CharField(_("计量单位"), max_length=10, choices=ItemUnit.choices)
    direction = models.CharField(_("评分方向"), max_length=10, choices=Direction.choices)
    table = models.JSONField(_("评分标准"), default=list)
    crew_rule = models.CharField(_("班组成绩计算"), max_length=20, choices=CrewRule.choices, blank=True)
    penalty_seconds = models.PositiveSmallIntegerField(_("每次失误罚时（秒）"), default=0)
    order = models.PositiveSmallIntegerField(_("排序"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["order", "code", "-version"]
        verbose_name = _("考核项目")
        verbose_name_plural = _("考核项目")
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="corps_item_version")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_crew(self) -> bool:
        return bool(self.crew_rule)


class AssessmentPlan(TrackedModel):
    """月度考核计划: the month's assessment by the detachment's team — which stations, which items, the team,
    the date. Results are entered while it is open (考核中); publishing (公示) freezes the computed
    rankings onto the public page with an objection period."""

    organizer = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("组织单位")
    )
    month = models.DateField(_("考核月份"), help_text=_("该月第一天"))
    held_on = models.DateField(_("考核日期"))
    title = models.CharField(_("名称"), max_length=120)
    team = models.TextField(_("考核组成员"))
    stations = models.ManyToManyField(Organization, related_name="+", verbose_name=_("受考核单位"))
    items = models.ManyToManyField(AssessmentItem, related_name="plans", verbose_name=_("考核项目"))
    status = models.CharField(
        _("状态"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(_("公示时间"), null=True, blank=True)
    objection_until = models.DateField(_("异议截止日期"), null=True, blank=True)

    scope_spec = ScopeSpec(region="organizer__region_id")

    class Meta:
        ordering = ["-month", "-id"]
        verbose_name = _("月度考核")
        verbose_name_plural = _("月度考核")
        constraints = [models.UniqueConstraint(fields=["organizer", "month"], name="corps_plan_once_a_month")]

    def __str__(self) -> str:
        return self.title


class PlanTransition(TransitionRecord):
    """月度考核流转记录: the plan's timeline (created, published) — who, when, why."""

    plan = models.ForeignKey(AssessmentPlan, on_delete=models.CASCADE, related_name="transitions")

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="plan__organizer__region_id")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("月度考核流转记录")
        verbose_name_plural = _("月度考核流转记录")


class AssessmentResult(models.Model):
    """考核成绩: one raw result the team recorded — a member's (individual items) or a crew's (crew drills:
    every member's time and the faults) — and the value and score computed from the item's scoring table,
    with the item's version. Never typed: ``value`` and ``score`` come from the service. A correction (e.g.
    after an objection during the 公示 period) is a new result; the original stays, marked superseded."""

    plan = models.ForeignKey(AssessmentPlan, on_delete=models.CASCADE, related_name="results")
    station = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("受考核单位")
    )
    item = models.ForeignKey(
        AssessmentItem, on_delete=models.PROTECT, related_name="+", verbose_name=_("项目")
    )
    member = models.ForeignKey(
        RosterEntry, null=True, blank=True, on_delete=models.PROTECT, related_name="results",
        verbose_name=_("参考人员"),
    )  # fmt: skip
    crew = models.CharField(_("班组"), max_length=40, blank=True)
    raw = models.JSONField(_("原始成绩"), default=list)
    faults = models.PositiveSmallIntegerField(_("失误次数"), default=0)
    value = models.DecimalField(_("计分成绩"), max_digits=8, decimal_places=1)
    score = models.DecimalField(_("得分"), max_digits=5, decimal_places=1)
    rules_version = models.CharField(_("评分标准版本"), max_length=20)
    recorded_at = models.DateTimeField(_("录入时间"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    superseded_by = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrects",
        verbose_name=_("更正后成绩"),
    )  # fmt: skip
    correction_reason = models.CharField(_("更正原因"), max_length=200, blank=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="station__region_id")

    class Meta:
        ordering = ["plan", "station_id", "item__order", "id"]
        verbose_name = _("考核成绩")
        verbose_name_plural = _("考核成绩")
        indexes = [models.Index(fields=["plan", "station", "item"])]

    def __str__(self) -> str:
        return f"{self.item} {self.value} → {self.score}"


# Sub-domains of the corps (one line each; models live in their own packages).
from flameblue.corps.honours.models import *  # noqa: E402, F403
from flameblue.corps.incidents.models import *  # noqa: E402, F403
from flameblue.corps.objections.models import *  # noqa: E402, F403  (part A: roster history, rotations, objections)
from flameblue.corps.readiness.models import *  # noqa: E402, F403
from flameblue.corps.staffing.models import *  # noqa: E402, F403
