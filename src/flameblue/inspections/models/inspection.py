from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel
from flameblue.core.scoping import ScopedManager, ScopeSpec
from flameblue.inspections.choices import AnswerResult, HazardGrade, InspectionKind, InspectionStatus

__all__ = ["Finding", "Inspection", "InspectionAnswer"]


class Inspection(TrackedModel):
    """检查记录: one inspection of one unit — a brigade's supervisory inspection, a 双随机 spot check, a
    department check, a township grid patrol, a unit's own daily patrol or monthly check, a campaign or
    event-security check, or a hazard re-inspection — filled in item by item against the checklist version
    it started with. A draft is saved as the inspector goes; ``client_uuid`` makes submitting twice create
    one inspection. ``context_type``/``context_id`` link campaign and event-security checks to their owner."""

    unit = models.ForeignKey(
        "units.Unit", on_delete=models.PROTECT, related_name="inspections", verbose_name=_("被检查单位")
    )
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在乡镇")
    )
    industry = models.ForeignKey(
        "org.Industry", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("检查类别"), max_length=20, choices=InspectionKind.choices, db_index=True)
    checklist = models.ForeignKey(
        "inspections.Checklist",
        on_delete=models.PROTECT,
        related_name="inspections",
        verbose_name=_("检查表版本"),
    )
    status = models.CharField(
        _("状态"),
        max_length=10,
        choices=InspectionStatus.choices,
        default=InspectionStatus.DRAFT,
        db_index=True,
    )
    client_uuid = models.UUIDField(_("客户端编号"), unique=True, null=True, blank=True)
    organization = models.ForeignKey(
        "org.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inspections_made",
        verbose_name=_("检查单位"),
    )
    inspector = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inspections",
        verbose_name=_("检查人"),
    )
    co_inspectors = models.CharField(
        _("同行检查人员（文字，旧记录）"),
        max_length=200,
        blank=True,
        help_text=_("早期记录中手填的姓名；新的检查在“同行检查人员”中选择人员"),
    )
    co_inspector_people = models.ManyToManyField(
        "org.Person",
        blank=True,
        related_name="co_inspections",
        verbose_name=_("同行检查人员"),
        help_text=_("《消防监督检查规定》第十四条：监督检查、抽查的检查人员不得少于两人"),
    )
    started_at = models.DateTimeField(_("开始时间"), default=timezone.now)
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True, db_index=True)
    inspected_on = models.DateField(_("检查日期"), default=timezone.localdate, db_index=True)
    inspector_signature_name = models.CharField(_("检查人签名"), max_length=60, blank=True)
    inspector_signed_at = models.DateTimeField(_("检查人签名时间"), null=True, blank=True)
    unit_signature_name = models.CharField(_("被检查单位签名"), max_length=60, blank=True)
    unit_signed_at = models.DateTimeField(_("单位签名时间"), null=True, blank=True)
    summary = models.TextField(_("检查情况"), blank=True)
    plan_item = models.ForeignKey(
        "inspections.InspectionPlanItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inspections",
    )
    draw_assignment = models.ForeignKey(
        "inspections.DrawAssignment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inspections",
    )
    recheck_of = models.ForeignKey(
        "hazards.Hazard",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rechecks",
        verbose_name=_("复查的隐患"),
    )
    context_type = models.CharField(_("关联任务类型"), max_length=40, blank=True)
    context_id = models.CharField(_("关联任务编号"), max_length=64, blank=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="region_id", industry="industry_id", unit="unit__organization_id")

    class Meta:
        ordering = ["-inspected_on", "-id"]
        verbose_name = _("检查记录")
        verbose_name_plural = _("检查记录")
        indexes = [
            models.Index(fields=["region", "inspected_on"]),
            models.Index(fields=["unit", "kind", "inspected_on"]),
            models.Index(fields=["kind", "status", "inspected_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.get_kind_display()} · {self.inspected_on}"


class InspectionAnswer(models.Model):
    """检查项结果: pass / fail / not applicable for one checklist item, with a note, where in the unit a
    fault was found (部位), whether it was corrected on the spot (当场改正, which keeps its GB 35181 element out
    of the major-hazard count), the measured values for measured items (and whether the GB 35181 threshold is
    met), and photos (stored uploads owned by it)."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey("inspections.ChecklistItem", on_delete=models.PROTECT, related_name="answers")
    result = models.CharField(_("结果"), max_length=4, choices=AnswerResult.choices)
    note = models.TextField(_("说明"), blank=True)
    location = models.CharField(_("部位"), max_length=100, blank=True)
    measurement_values = models.JSONField(_("测量值"), null=True, blank=True)
    measurement_met = models.BooleanField(_("达到判定标准"), null=True, blank=True)
    corrected_on_spot = models.BooleanField(
        _("当场改正"),
        default=False,
        help_text=_("不合格项已在检查现场改正：不计入重大火灾隐患判定要素（GB 35181-2017 5.1.2）"),
    )
    answered_at = models.DateTimeField(_("填写时间"), default=timezone.now)

    objects = ScopedManager()
    scope_spec = ScopeSpec(
        region="inspection__region_id",
        industry="inspection__industry_id",
        unit="inspection__unit__organization_id",
    )

    class Meta:
        ordering = ["inspection_id", "item__order"]
        verbose_name = _("检查项结果")
        verbose_name_plural = _("检查项结果")
        constraints = [models.UniqueConstraint(fields=["inspection", "item"], name="answer_once_per_item")]

    def __str__(self) -> str:
        return f"{self.item.code}: {self.get_result_display()}"


class Finding(models.Model):
    """检查发现: a failed item turned into a hazard draft on submission, with the suggested grade and the
    GB 35181 element (decided by the measurement threshold where the item is measured); linked to the
    hazard the hazards service created from it."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    answer = models.OneToOneField(InspectionAnswer, on_delete=models.CASCADE, related_name="finding")
    description = models.TextField(_("问题描述"))
    suggested_grade = models.CharField(_("建议等级"), max_length=12, choices=HazardGrade.choices)
    suggested_element = models.CharField(_("建议判定要素"), max_length=20, blank=True)
    hazard = models.OneToOneField(
        "hazards.Hazard", null=True, blank=True, on_delete=models.SET_NULL, related_name="finding"
    )

    objects = ScopedManager()
    scope_spec = ScopeSpec(
        region="inspection__region_id",
        industry="inspection__industry_id",
        unit="inspection__unit__organization_id",
    )

    class Meta:
        ordering = ["inspection_id", "id"]
        verbose_name = _("检查发现")
        verbose_name_plural = _("检查发现")
        constraints = [
            models.UniqueConstraint(fields=["hazard"], condition=~Q(hazard=None), name="finding_hazard_once")
        ]

    def __str__(self) -> str:
        return self.description[:40]
