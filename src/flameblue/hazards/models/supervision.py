from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel, TransitionRecord
from flameblue.core.scoping import ScopedManager, ScopeSpec
from flameblue.hazards.choices import DeterminationStage, SupervisionStatus

__all__ = [
    "DeterminationTransition",
    "MajorHazardDetermination",
    "SupervisionCase",
    "SupervisionCaseCounter",
    "SupervisionCaseTransition",
    "SupervisionReport",
]


class MajorHazardDetermination(TrackedModel):
    """重大火灾隐患判定记录: the record of judging whether a hazard is major under GB 35181 — the elements
    found (only those not correctable on the spot count), the place categories, exclusions (2017 5.1.3 /
    2025 4.2 a/b/c),
    the collective discussion (≥ 3 participants, minutes), an optional expert panel (≥ 7 members, interested
    parties excluded, passing with ≥ 2/3), the engine's suggestion beside the human conclusion, the rule-set
    version used, and the proposed measures and deadline."""

    hazard = models.ForeignKey("hazards.Hazard", on_delete=models.PROTECT, related_name="determinations")
    standard = models.CharField(_("判定标准"), max_length=20, default="GB35181-2025")
    ruleset_version = models.CharField(_("规则版本"), max_length=60)
    categories = models.JSONField(_("场所类别"), default=list)
    elements = models.JSONField(_("判定要素"), default=list)
    corrected_on_spot = models.JSONField(_("当场改正的要素"), default=list, blank=True)
    exclusions = models.JSONField(_("排除情形"), default=list, blank=True)
    engine_result = models.JSONField(_("系统建议"), default=dict)
    engine_warnings = models.JSONField(_("系统提示"), default=list, blank=True)
    found_on = models.DateField(_("发现日期"), null=True, blank=True)
    discussion_at = models.DateTimeField(_("集体讨论时间"), null=True, blank=True)
    discussion_participants = models.JSONField(_("集体讨论参加人"), default=list, blank=True)
    discussion_minutes = models.TextField(_("集体讨论纪要"), blank=True)
    expert_panel = models.JSONField(_("专家组成员"), default=list, blank=True)
    expert_votes_for = models.PositiveSmallIntegerField(_("同意票"), null=True, blank=True)
    expert_votes_against = models.PositiveSmallIntegerField(_("反对票"), null=True, blank=True)
    expert_heard = models.JSONField(_("列席陈述的利害关系人"), default=list, blank=True)
    expert_passed = models.BooleanField(_("专家组意见通过"), null=True)
    is_major = models.BooleanField(_("结论：重大火灾隐患"), null=True)
    conclusion = models.TextField(_("结论说明"), blank=True)
    deviation_reason = models.TextField(_("与系统建议不一致的理由"), blank=True)
    proposed_measures = models.TextField(_("整改措施建议"), blank=True)
    proposed_deadline = models.DateField(_("建议整改期限"), null=True, blank=True)
    decided_at = models.DateTimeField(_("判定时间"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ScopedManager()
    scope_spec = ScopeSpec(
        region="hazard__region_id", industry="hazard__industry_id", unit="hazard__unit__organization_id"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("重大火灾隐患判定")
        verbose_name_plural = _("重大火灾隐患判定")

    def __str__(self) -> str:
        return f"{self.hazard} · {self.standard}"

    @property
    def stage(self) -> str:
        """Open until the conclusion is recorded; the workflow kernel guards moves on it."""
        return DeterminationStage.CONCLUDED if self.decided_at else DeterminationStage.OPEN

    def get_stage_display(self) -> str:
        return str(DeterminationStage(self.stage).label)


class DeterminationTransition(TransitionRecord):
    """判定流转记录: one step of a determination record (discussion, expert panel, conclusion) — who, when,
    why. Append-only; the record's timeline."""

    determination = models.ForeignKey(
        MajorHazardDetermination, on_delete=models.CASCADE, related_name="transitions"
    )
    from_status = models.CharField(_("原阶段"), max_length=20, choices=DeterminationStage.choices, blank=True)
    to_status = models.CharField(_("新阶段"), max_length=20, choices=DeterminationStage.choices)

    objects = ScopedManager()
    scope_spec = ScopeSpec(
        region="determination__hazard__region_id",
        industry="determination__hazard__industry_id",
        unit="determination__hazard__unit__organization_id",
    )

    class Meta(TransitionRecord.Meta):
        verbose_name = _("判定流转记录")
        verbose_name_plural = _("判定流转记录")


class SupervisionCase(TrackedModel):
    """挂牌督办: a major (or prominent) hazard filed as a case (立案), the brigade's request that a city or
    county government list it, the government's decision (due within 7 working days), the listing document
    and deadline, periodic supervision reports, and delisting (摘牌/销案) after a passing re-inspection."""

    hazard = models.OneToOneField("hazards.Hazard", on_delete=models.PROTECT, related_name="supervision_case")
    case_number = models.CharField(_("案件编号"), max_length=60, unique=True)
    region = models.ForeignKey("geo.Region", on_delete=models.PROTECT, related_name="+")
    industry = models.ForeignKey(
        "org.Industry", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("状态"),
        max_length=12,
        choices=SupervisionStatus.choices,
        default=SupervisionStatus.FILED,
        db_index=True,
    )
    filed_at = models.DateTimeField(_("立案时间"), default=timezone.now)
    requested_at = models.DateTimeField(_("提请挂牌时间"), null=True, blank=True)
    government = models.ForeignKey(
        "org.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supervision_cases",
        verbose_name=_("督办政府"),
    )
    decision_due = models.DateField(_("决定期限"), null=True, blank=True, db_index=True)
    decided_at = models.DateTimeField(_("决定时间"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    listing_document_number = models.CharField(_("挂牌督办文号"), max_length=80, blank=True)
    deadline = models.DateField(_("督办整改期限"), null=True, blank=True)
    report_interval_days = models.PositiveSmallIntegerField(_("督办报告周期（天）"), default=30)
    next_report_due = models.DateField(_("下次报告期限"), null=True, blank=True, db_index=True)
    decided_late = models.BooleanField(_("逾期作出决定"), default=False)
    decision_reason = models.TextField(_("决定说明"), blank=True)
    delisted_at = models.DateTimeField(_("摘牌时间"), null=True, blank=True)
    is_public = models.BooleanField(_("向社会公布"), default=False)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="region_id", industry="industry_id", unit="hazard__unit__organization_id")

    class Meta:
        ordering = ["-filed_at"]
        verbose_name = _("挂牌督办")
        verbose_name_plural = _("挂牌督办")

    def __str__(self) -> str:
        return self.case_number


class SupervisionCaseTransition(TransitionRecord):
    """督办流转记录: one move of a listed-supervision case (requested, decided, reported on, delisted) —
    who, when, why. Append-only; the case's timeline."""

    case = models.ForeignKey(SupervisionCase, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("原状态"), max_length=20, choices=SupervisionStatus.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=20, choices=SupervisionStatus.choices)

    objects = ScopedManager()
    scope_spec = ScopeSpec(
        region="case__region_id", industry="case__industry_id", unit="case__hazard__unit__organization_id"
    )

    class Meta(TransitionRecord.Meta):
        verbose_name = _("督办流转记录")
        verbose_name_plural = _("督办流转记录")


class SupervisionReport(models.Model):
    """督办报告: a periodic progress report on a listed hazard."""

    case = models.ForeignKey(SupervisionCase, on_delete=models.CASCADE, related_name="reports")
    submitted_at = models.DateTimeField(_("报告时间"), default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    content = models.TextField(_("进展情况"))

    objects = ScopedManager()
    scope_spec = ScopeSpec(
        region="case__region_id", industry="case__industry_id", unit="case__hazard__unit__organization_id"
    )

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("督办报告")
        verbose_name_plural = _("督办报告")

    def __str__(self) -> str:
        return f"{self.case_id} · {self.submitted_at:%Y-%m-%d}"


class SupervisionCaseCounter(models.Model):
    """督办案件编号计数器: the last serial used for listed-supervision case numbers in a year (e.g.
    亳消督〔2026〕第001号). Incremented under a row lock inside the filing transaction: no gaps, no duplicates."""

    year = models.PositiveSmallIntegerField(unique=True)
    prefix = models.CharField(max_length=20)
    last_serial = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.prefix}〔{self.year}〕{self.last_serial}"
