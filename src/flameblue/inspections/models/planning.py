from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel, TransitionRecord
from flameblue.core.scoping import ScopedManager, ScopeSpec
from flameblue.inspections.choices import DrawStatus

__all__ = [
    "ConflictDeclaration",
    "Draw",
    "DrawAssignment",
    "DrawTransition",
    "InspectionPlan",
    "InspectionPlanItem",
    "SupervisionDue",
]


class SupervisionDue(models.Model):
    """监督检查周期: when a unit is next due for supervision, from its risk (crowded key units at least
    yearly, other key units and high-risk tags on a configurable cycle, others only by draw), as computed by
    the planning service from ``inspections/rules/supervision-cycles.yaml``, with the rule that decided it."""

    unit = models.OneToOneField("units.Unit", on_delete=models.CASCADE, related_name="supervision_due")
    region = models.ForeignKey("geo.Region", on_delete=models.PROTECT, related_name="+")
    industry = models.ForeignKey(
        "org.Industry", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cycle_days = models.PositiveIntegerField(_("检查周期（天）"), null=True, blank=True)
    basis = models.CharField(_("依据"), max_length=120, blank=True)
    rules_version = models.CharField(_("规则版本"), max_length=40, blank=True)
    last_inspected_on = models.DateField(_("上次检查"), null=True, blank=True)
    next_due_on = models.DateField(_("下次到期"), null=True, blank=True, db_index=True)
    computed_at = models.DateTimeField(default=timezone.now)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="region_id", industry="industry_id", unit="unit__organization_id")

    class Meta:
        ordering = ["next_due_on"]
        verbose_name = _("监督检查周期")
        verbose_name_plural = _("监督检查周期")
        indexes = [models.Index(fields=["region", "next_due_on"])]

    def __str__(self) -> str:
        return f"{self.unit_id}: {self.next_due_on}"


class InspectionPlan(TrackedModel):
    """检查计划: a brigade's plan for a period (usually a week) — which units, on which day, by whom."""

    brigade = models.ForeignKey("org.Organization", on_delete=models.PROTECT, related_name="inspection_plans")
    region = models.ForeignKey("geo.Region", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("计划名称"), max_length=120)
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))

    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("检查计划")
        verbose_name_plural = _("检查计划")

    def __str__(self) -> str:
        return self.title


class InspectionPlanItem(models.Model):
    """计划检查单位: one unit in a plan with its day and inspectors."""

    plan = models.ForeignKey(InspectionPlan, on_delete=models.CASCADE, related_name="items")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="plan_items")
    planned_on = models.DateField(_("计划日期"))
    inspectors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="planned_inspections"
    )

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="plan__region_id")

    class Meta:
        ordering = ["planned_on", "id"]
        constraints = [models.UniqueConstraint(fields=["plan", "unit"], name="plan_unit_once")]

    def __str__(self) -> str:
        return f"{self.unit} · {self.planned_on}"


class Draw(TrackedModel):
    """双随机抽查: a seeded, recorded and reproducible random draw of N units from a filtered pool and of
    inspectors from the brigade's pool. Inspectors with a declared conflict with a unit are never drawn for
    it. Published results (without personal data) appear on the public portal."""

    brigade = models.ForeignKey("org.Organization", on_delete=models.PROTECT, related_name="draws")
    region = models.ForeignKey("geo.Region", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("抽查任务名称"), max_length=120)
    pool_filter = models.JSONField(_("抽取范围"), default=dict)
    pool_size = models.PositiveIntegerField(_("对象库数量"), default=0)
    unit_count = models.PositiveIntegerField(_("抽取单位数"))
    inspectors_per_unit = models.PositiveSmallIntegerField(_("每单位检查人员数"), default=2)
    inspector_pool = models.JSONField(_("检查人员库"), default=list)
    seed = models.CharField(_("随机种子"), max_length=64, blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=DrawStatus.choices, default=DrawStatus.DRAFT)
    drawn_at = models.DateTimeField(_("抽取时间"), null=True, blank=True)
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)

    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("双随机抽查")
        verbose_name_plural = _("双随机抽查")

    def __str__(self) -> str:
        return self.title


class DrawTransition(TransitionRecord):
    """抽查流转记录: one move of a draw (drawn, published) — who, when. Append-only; the draw's timeline."""

    draw = models.ForeignKey(Draw, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("原状态"), max_length=20, choices=DrawStatus.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=20, choices=DrawStatus.choices)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="draw__region_id")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("抽查流转记录")
        verbose_name_plural = _("抽查流转记录")


class DrawAssignment(models.Model):
    """抽查结果: a drawn unit with the inspectors drawn for it, in draw order; the inspection it led to and
    its result are published."""

    draw = models.ForeignKey(Draw, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="draw_assignments")
    order = models.PositiveIntegerField()
    inspectors = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="draw_assignments")
    result_summary = models.CharField(_("检查结果"), max_length=200, blank=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="draw__region_id")

    class Meta:
        ordering = ["draw_id", "order"]
        constraints = [models.UniqueConstraint(fields=["draw", "unit"], name="draw_unit_once")]

    def __str__(self) -> str:
        return f"{self.draw_id}#{self.order} {self.unit}"


class ConflictDeclaration(TrackedModel):
    """利益冲突申报: an inspector's declared conflict of interest with a unit (e.g. a close relative's
    business). The conflict check service reads these; the integrity register will feed it later."""

    person = models.ForeignKey("org.Person", on_delete=models.CASCADE, related_name="conflicts")
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="conflicts")
    region = models.ForeignKey("geo.Region", on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("冲突情形"), max_length=200)
    valid_from = models.DateField(_("起始日期"), default=timezone.localdate)
    valid_to = models.DateField(_("截止日期"), null=True, blank=True)

    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("利益冲突申报")
        verbose_name_plural = _("利益冲突申报")
        constraints = [models.UniqueConstraint(fields=["person", "unit"], name="conflict_once")]
