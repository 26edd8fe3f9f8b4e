"""Records of the supervision of the corps: the "三个必到" occasions that oblige committee members to visit
their liaison points, supervision activities (督察、审计、纪检巡察、专项督察) with their findings and the
rectification of each, and the online cross-review of enforcement files (消防执法网上交叉巡查) with its drawn
sample. Imported by ``integrity/models.py`` so that the models belong to the integrity app."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel, TransitionRecord
from flameblue.core.scoping import ScopedQuerySet, ScopeSpec, has_action, within_scopes
from flameblue.integrity.supervision.choices import ActivityKind, FindingStatus, RecordType
from flameblue.org.models import Organization, Person

__all__ = [
    "CrossReview",
    "CrossReviewItem",
    "MustAttendOccasion",
    "SupervisionActivity",
    "SupervisionFinding",
    "SupervisionFindingTransition",
]


class TeamQuerySet(ScopedQuerySet):
    """Supervision records: the usual jurisdiction scope, plus, for ``view`` and ``review``, the records of
    the activities whose team the user belongs to (a brigade reviewer of a cross-review sees that review
    although it is the detachment's) — when a role grants the action at all."""

    team_path = "team"

    def visible_to(self, user, action: str = "view"):
        scoped = within_scopes(self, user, self.model, action)
        person_id = getattr(user, "person_id", None)
        if action not in ("view", "review") or not person_id or not has_action(user, self.model, action):
            return scoped
        team = self.model._default_manager.filter(**{self.team_path: person_id}).values("pk")
        return self.filter(Q(pk__in=scoped.values("pk")) | Q(pk__in=team))


class FindingQuerySet(TeamQuerySet):
    team_path = "activity__team"


class ReviewQuerySet(TeamQuerySet):
    team_path = "activity__team"


class ReviewItemQuerySet(TeamQuerySet):
    team_path = "review__activity__team"


class MustAttendOccasion(TrackedModel):
    """三个必到事项: an occasion recorded for a station or brigade on which every committee member who has it
    as a liaison point must go there (发生重大灾害事故、队站发生重大问题 …) within the days the rule in
    ``rules/must-attend.yaml`` gives; festival occasions come from the rule file itself and are not stored."""

    occasion = models.CharField(_("必到情形"), max_length=40)
    rules_version = models.CharField(_("规则版本"), max_length=20, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("队站")
    )
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在区划"), editable=False
    )
    occurred_on = models.DateField(_("发生日期"))
    due_on = models.DateField(_("应到期限"), editable=False)
    description = models.TextField(_("情况说明"))

    objects = models.Manager.from_queryset(ScopedQuerySet)()
    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("三个必到事项")
        verbose_name_plural = _("三个必到事项")
        indexes = [models.Index(fields=["organization", "occurred_on"])]

    def __str__(self) -> str:
        return f"{self.organization.name} {self.occurred_on:%Y-%m-%d}"


class SupervisionActivity(TrackedModel):
    """监督检查活动: one supervision of the corps by the detachment — a 主官带队督察, an audit, a discipline
    patrol (纪检巡察), a special check (专项督察, e.g. 财经领域专项检查) or an online cross-review of
    enforcement files — with its scope (stations, brigades, offices), its team and its period. Its findings
    are :class:`SupervisionFinding` rows."""

    kind = models.CharField(_("类别"), max_length=20, choices=ActivityKind.choices, db_index=True)
    title = models.CharField(_("名称"), max_length=120)
    organizer = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("组织单位")
    )
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在区划"), editable=False
    )
    leader = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("带队领导"), null=True, blank=True
    )
    units = models.ManyToManyField(
        Organization, related_name="+", verbose_name=_("检查范围（队站、机关处室）")
    )
    team = models.ManyToManyField(Person, related_name="supervision_activities", verbose_name=_("检查组成员"))
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))
    summary = models.TextField(_("工作情况"), blank=True)

    objects = models.Manager.from_queryset(TeamQuerySet)()
    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("监督检查活动")
        verbose_name_plural = _("监督检查活动")
        indexes = [models.Index(fields=["region", "starts_on"])]

    def __str__(self) -> str:
        return self.title


class CrossReview(TrackedModel):
    """网上交叉巡查抽样: the sample of one brigade's inspection and hazard records for a period that a
    cross-review activity drew, with the random seed and the checklist version, so the same seed, period and
    records draw the same sample again."""

    activity = models.OneToOneField(
        SupervisionActivity, on_delete=models.PROTECT, related_name="cross_review", verbose_name=_("活动")
    )
    brigade = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("被巡查大队")
    )
    period_start = models.DateField(_("巡查期间起"))
    period_end = models.DateField(_("巡查期间止"))
    sample_size = models.PositiveSmallIntegerField(_("抽样数量"))
    seed = models.BigIntegerField(_("随机种子"))
    population = models.PositiveIntegerField(_("可抽记录数"), default=0)
    checklist_version = models.CharField(_("巡查要点版本"), max_length=20)
    drawn_at = models.DateTimeField(_("抽样时间"), auto_now_add=True)

    objects = models.Manager.from_queryset(ReviewQuerySet)()
    scope_spec = ScopeSpec(region="activity__region_id")

    class Meta:
        ordering = ["-drawn_at", "-id"]
        verbose_name = _("网上交叉巡查抽样")
        verbose_name_plural = _("网上交叉巡查抽样")

    def __str__(self) -> str:
        return f"{self.brigade.name} {self.period_start:%Y-%m-%d}—{self.period_end:%Y-%m-%d}"


class CrossReviewItem(models.Model):
    """交叉巡查案卷: one drawn record (an inspection or a hazard) with the answers the system computed from
    the records for each checklist point (``computed``: code → true/false/null) and the reviewer's answers
    (``answers``: code → true/false) and note. A problem found becomes a finding of the owning brigade."""

    review = models.ForeignKey(CrossReview, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("序号"))
    record_type = models.CharField(_("案卷类型"), max_length=12, choices=RecordType.choices)
    inspection = models.ForeignKey(
        "inspections.Inspection", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    hazard = models.ForeignKey(
        "hazards.Hazard", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    label = models.CharField(_("案卷"), max_length=200)
    computed = models.JSONField(_("系统核查结果"), default=dict)
    answers = models.JSONField(_("巡查人员结论"), default=dict)
    note = models.TextField(_("巡查意见"), blank=True)
    reviewed_at = models.DateTimeField(_("巡查时间"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    objects = models.Manager.from_queryset(ReviewItemQuerySet)()
    scope_spec = ScopeSpec(region="review__activity__region_id")

    class Meta:
        ordering = ["review_id", "position"]
        verbose_name = _("交叉巡查案卷")
        verbose_name_plural = _("交叉巡查案卷")
        constraints = [models.UniqueConstraint(fields=["review", "position"], name="cross_review_item_once")]

    def __str__(self) -> str:
        return self.label


class SupervisionFinding(TrackedModel):
    """督察发现问题: one problem a supervision activity found, with the unit responsible for fixing it, a
    deadline, the rectification record (整改情况) and the evidence; it is closed (销号) by the supervisors
    once the evidence shows it fixed. Statuses move only through ``supervision/services.py``'s transition
    table; the overdue sweep marks what passed its deadline."""

    activity = models.ForeignKey(
        SupervisionActivity, on_delete=models.PROTECT, related_name="findings", verbose_name=_("活动")
    )
    review_item = models.ForeignKey(
        CrossReviewItem, on_delete=models.PROTECT, related_name="findings", null=True, blank=True,
        verbose_name=_("交叉巡查案卷"),
    )  # fmt: skip
    responsible = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("整改责任单位")
    )
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在区划"), editable=False
    )
    description = models.TextField(_("问题描述"))
    requirement = models.TextField(_("整改要求"), blank=True)
    deadline = models.DateField(_("整改期限"), db_index=True)
    status = models.CharField(
        _("状态"), max_length=12, choices=FindingStatus.choices, default=FindingStatus.OPEN, editable=False,
        db_index=True,
    )  # fmt: skip
    rectification = models.TextField(_("整改情况"), blank=True, editable=False)
    reported_at = models.DateTimeField(_("报告整改完成时间"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("销号时间"), null=True, blank=True, editable=False)

    objects = models.Manager.from_queryset(FindingQuerySet)()
    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("督察发现问题")
        verbose_name_plural = _("督察发现问题")
        indexes = [models.Index(fields=["status", "deadline"]), models.Index(fields=["region", "status"])]

    def __str__(self) -> str:
        return self.description[:40]


class SupervisionFindingTransition(TransitionRecord):
    """督察问题整改记录: one step of a finding — a rectification entry, the report with evidence, a return,
    the closing, or the sweep marking it overdue."""

    finding = models.ForeignKey(SupervisionFinding, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("原状态"), max_length=12, choices=FindingStatus.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=12, choices=FindingStatus.choices)

    objects = models.Manager.from_queryset(ScopedQuerySet)()
    scope_spec = ScopeSpec(region="finding__region_id")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("督察问题整改记录")
        verbose_name_plural = _("督察问题整改记录")
