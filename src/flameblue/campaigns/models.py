"""Special campaigns (专项整治): a campaign run by a government or the fire service over a period, in phases,
over a scope of units that is frozen into a target list at launch, with work assigned to brigades,
townships and departments. Progress is not typed in: it is counted from the inspections and hazards of the
target units within the campaign's period (see ``selectors.progress``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.campaigns.choices import CampaignLevel, CampaignStatus, TargetOrigin
from flameblue.campaigns.kinds import kind_rule
from flameblue.core.models import TrackedModel, TransitionRecord
from flameblue.core.scoping import ScopedManager, ScopedQuerySet, ScopeSpec

__all__ = [
    "Campaign",
    "CampaignAssignment",
    "CampaignPhase",
    "CampaignRecord",
    "CampaignTarget",
    "CampaignTransition",
]


class CampaignQuerySet(ScopedQuerySet):
    def visible_to(self, user, action: str = "view") -> ScopedQuerySet:
        """Seen by everyone in the organiser's region, and by whoever sees one of its targets (the township,
        department or unit a county campaign reaches). Acting on it (change, launch) is the region's only."""
        own = super().visible_to(user, action)
        if action != "view":
            return own
        targets = CampaignTarget.objects.visible_to(user, "view").values("campaign_id")
        return self.filter(models.Q(pk__in=own.values("pk")) | models.Q(pk__in=targets))


class Campaign(TrackedModel):
    """专项整治: one special campaign — its name, level (市级/县级), organiser, period, targets (numbers of
    units to check and hazards to rectify), kind (整治类别: the rule file naming its extra check items and the
    facts recorded per target), its own checklist version and extra items, and scope (place types, risk tags,
    regions, industries, or a hand-picked list of units). A department's own sector campaign (行业系统火灾防控)
    carries the department's industry: it reaches only that industry's units. While in
    preparation (筹备中) it can be edited; launching (启动) selects the target units from the registry by the
    scope and freezes them; later additions are explicit and audited. Everyone in the organiser's region
    sees it, and so does whoever sees one of its targets."""

    name = models.CharField(_("整治名称"), max_length=200)
    level = models.CharField(_("级别"), max_length=10, choices=CampaignLevel.choices)
    organiser = models.ForeignKey(
        "org.Organization", on_delete=models.PROTECT, related_name="campaigns", verbose_name=_("组织单位")
    )
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在区划"), editable=False
    )
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))
    description = models.TextField(_("工作要求"), blank=True)
    target_checked = models.PositiveIntegerField(_("检查单位目标数"), default=0)
    target_rectified = models.PositiveIntegerField(_("整改隐患目标数"), default=0)
    scope_place_types = models.ManyToManyField(
        "units.PlaceType", blank=True, related_name="+", verbose_name=_("范围：场所类型")
    )
    scope_risk_tags = models.ManyToManyField(
        "units.RiskTag", blank=True, related_name="+", verbose_name=_("范围：风险标签")
    )
    scope_regions = models.ManyToManyField(
        "geo.Region", blank=True, related_name="+", verbose_name=_("范围：区划")
    )
    scope_industries = models.ManyToManyField(
        "org.Industry", blank=True, related_name="+", verbose_name=_("范围：行业")
    )
    scope_units = models.ManyToManyField(
        "units.Unit", blank=True, related_name="+", verbose_name=_("范围：指定单位")
    )
    industry = models.ForeignKey(
        "org.Industry", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("所属行业系统"), editable=False,
    )  # fmt: skip
    kind = models.CharField(_("整治类别"), max_length=40, blank=True)
    kind_version = models.CharField(_("整治类别规则版本"), max_length=20, blank=True, editable=False)
    checklist = models.ForeignKey(
        "inspections.Checklist", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("专项检查表"),
    )  # fmt: skip
    extra_items = models.JSONField(_("附加检查项"), default=list, blank=True)
    status = models.CharField(
        _("状态"), max_length=10, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT, db_index=True
    )
    launched_at = models.DateTimeField(_("启动时间"), null=True, blank=True)

    objects = ScopedManager.from_queryset(CampaignQuerySet)()
    scope_spec = ScopeSpec(region="region_id", industry="industry_id")

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("专项整治")
        verbose_name_plural = _("专项整治")
        indexes = [models.Index(fields=["region", "starts_on"])]

    def __str__(self) -> str:
        return self.name

    @property
    def kind_title(self) -> str:
        """The kind's title from its rule file (the code itself if the file is gone)."""
        rule = kind_rule(self.kind)
        return rule.title if rule else self.kind


class CampaignPhase(models.Model):
    """整治阶段: one phase of a campaign (e.g. 动员部署 → 排查整治 → 督导检查 → 总结验收) with its dates."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="phases")
    number = models.PositiveSmallIntegerField(_("序号"))
    name = models.CharField(_("阶段名称"), max_length=60)
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="campaign__region_id")

    class Meta:
        ordering = ["campaign", "number"]
        verbose_name = _("整治阶段")
        verbose_name_plural = _("整治阶段")
        constraints = [models.UniqueConstraint(fields=["campaign", "number"], name="campaign_phase_once")]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class CampaignAssignment(models.Model):
    """任务分工: a brigade, township or department given a campaign's work in its jurisdiction. Its share of
    the targets is the target units in its region (narrowed to its industry for a department)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="assignments")
    assignee = models.ForeignKey(
        "org.Organization", on_delete=models.PROTECT, related_name="+", verbose_name=_("责任单位")
    )
    task = models.TextField(_("任务"), blank=True)
    due_on = models.DateField(_("完成期限"), null=True, blank=True, db_index=True)
    #: Claimed by the sweep (conditional update) when it reminds the assignee of the passed due date.
    overdue_reminded_on = models.DateField(_("逾期提醒日期"), null=True, blank=True, editable=False)
    #: The number of the last phase whose end the sweep reminded the assignee of (0: none yet).
    phase_reminded = models.PositiveSmallIntegerField(_("已提醒阶段"), default=0, editable=False)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="campaign__region_id")

    class Meta:
        ordering = ["campaign", "id"]
        verbose_name = _("任务分工")
        verbose_name_plural = _("任务分工")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "assignee"], name="campaign_assignee_once")
        ]

    def __str__(self) -> str:
        return str(self.assignee)


class CampaignTarget(models.Model):
    """整治对象: one unit on a campaign's frozen target list — chosen by the scope at launch, or added later by
    name with a reason (both audited). The unit's inspections and hazards in the campaign period count as
    the campaign's progress. A unit's own staff and its township and department see its row."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="targets")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="campaign_targets")
    origin = models.CharField(
        _("来源"), max_length=10, choices=TargetOrigin.choices, default=TargetOrigin.LAUNCH
    )
    reason = models.CharField(_("补充理由"), max_length=200, blank=True)
    added_at = models.DateTimeField(_("列入时间"), default=timezone.now)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ScopedManager()
    scope_spec = ScopeSpec(
        region="unit__region_id", industry="unit__industry_id", unit="unit__organization_id"
    )

    class Meta:
        ordering = ["campaign", "unit__region_id", "unit__name"]
        verbose_name = _("整治对象")
        verbose_name_plural = _("整治对象")
        constraints = [models.UniqueConstraint(fields=["campaign", "unit"], name="campaign_target_once")]

    def __str__(self) -> str:
        return f"{self.campaign} · {self.unit}"


class CampaignRecord(TrackedModel):
    """整治情况登记: what a campaign found and did at one target beyond the checklist — the answers to the
    campaign's extra check items and the campaign-specific facts its kind's rule file defines (for electric
    bicycles: stairwell parking/charging found, 飞线充电 cases, charging points built, commitment letters
    signed). Validated against that rule file, whose version it records; summed in the campaign's progress."""

    target = models.OneToOneField(
        CampaignTarget, on_delete=models.CASCADE, related_name="record", verbose_name=_("整治对象")
    )
    facts = models.JSONField(_("整治数据"), default=dict, blank=True)
    checks = models.JSONField(_("附加检查项结果"), default=dict, blank=True)
    rules_version = models.CharField(_("规则版本"), max_length=20, blank=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(
        region="target__unit__region_id", industry="target__unit__industry_id",
        unit="target__unit__organization_id",
    )  # fmt: skip

    class Meta:
        verbose_name = _("整治情况登记")
        verbose_name_plural = _("整治情况登记")

    def __str__(self) -> str:
        return str(self.target)


class CampaignTransition(TransitionRecord):
    """专项整治流转记录: launch and close of a campaign."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="transitions")

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="campaign__region_id")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("专项整治流转记录")
        verbose_name_plural = _("专项整治流转记录")
