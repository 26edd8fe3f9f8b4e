"""The annual assessment (年度消防工作考核, 87号 Art. 23) run on a scheme: one :class:`Assessment` per organizer
and year, one :class:`AssessmentEntry` per assessed organization, one :class:`ItemScore` per scheme item and
entry. Imported into ``governance.models`` so Django sees them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel, TransitionRecord
from flameblue.core.scoping import ScopedManager, ScopeSpec
from flameblue.governance.choices import AssessmentStatus, EntryStatus

__all__ = ["Assessment", "AssessmentEntry", "AssessmentTransition", "EntryTransition", "ItemScore"]


class Assessment(TrackedModel):
    """年度消防工作考核: the assessment an organizer (the city government for its counties, a county for its
    departments) opens for a year on one scheme version. It moves 自评中 → 审核中 → 已公布; publishing fixes
    the entries' totals, ranks and grades."""

    year = models.PositiveSmallIntegerField(_("考核年度"))
    title = models.CharField(_("考核名称"), max_length=200)
    organizer = models.ForeignKey(
        "org.Organization", on_delete=models.PROTECT, related_name="assessments_organized",
        verbose_name=_("组织考核单位"),
    )  # fmt: skip
    scheme = models.ForeignKey(
        "governance.AssessmentScheme", on_delete=models.PROTECT, related_name="assessments",
        verbose_name=_("考核细则"),
    )  # fmt: skip
    scheme_version = models.CharField(_("细则版本"), max_length=20)
    status = models.CharField(
        _("状态"),
        max_length=20,
        choices=AssessmentStatus.choices,
        default=AssessmentStatus.OPEN,
        db_index=True,
    )
    published_at = models.DateTimeField(_("公布时间"), null=True, blank=True)

    scope_spec = ScopeSpec(region="organizer__region_id")

    class Meta:
        ordering = ["-year", "id"]
        verbose_name = _("年度考核")
        verbose_name_plural = _("年度考核")
        constraints = [
            models.UniqueConstraint(fields=["year", "organizer", "scheme"], name="assessment_once_per_year")
        ]

    def __str__(self) -> str:
        return self.title


class AssessmentTransition(TransitionRecord):
    """年度考核流转记录: opened, review started, published — who, when, why."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("原状态"), max_length=20, choices=AssessmentStatus.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=20, choices=AssessmentStatus.choices)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="assessment__organizer__region_id")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("年度考核流转记录")
        verbose_name_plural = _("年度考核流转记录")


class AssessmentEntry(TrackedModel):
    """考核对象: one assessed organization (a county government or a department) in an assessment — its
    self-assessment (自评), the team's review (审核) and, once published, its total, grade and rank. A veto
    item that applies makes the grade 不合格 whatever the total."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="entries")
    assessed = models.ForeignKey(
        "org.Organization", on_delete=models.PROTECT, related_name="assessment_entries",
        verbose_name=_("被考核单位"),
    )  # fmt: skip
    status = models.CharField(
        _("状态"),
        max_length=20,
        choices=EntryStatus.choices,
        default=EntryStatus.SELF_ASSESSING,
        db_index=True,
    )
    total = models.DecimalField(_("总分"), max_digits=6, decimal_places=2, null=True, blank=True)
    vetoed = models.BooleanField(_("一票否决"), default=False)
    grade = models.CharField(_("等次"), max_length=20, blank=True)
    rank = models.PositiveSmallIntegerField(_("名次"), null=True, blank=True)

    scope_spec = ScopeSpec(region="assessed__region_id", industry="assessed__industry_id", unit="assessed_id")

    class Meta:
        ordering = ["assessment", "rank", "assessed__region_id", "id"]
        verbose_name = _("考核对象")
        verbose_name_plural = _("考核对象")
        constraints = [models.UniqueConstraint(fields=["assessment", "assessed"], name="assessed_once")]

    def __str__(self) -> str:
        return f"{self.assessment.year}年 {self.assessed}"


class EntryTransition(TransitionRecord):
    """考核对象流转记录: self-assessment submitted, returned, reviewed."""

    entry = models.ForeignKey(AssessmentEntry, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("原状态"), max_length=20, choices=EntryStatus.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=20, choices=EntryStatus.choices)

    objects = ScopedManager()
    scope_spec = ScopeSpec(
        region="entry__assessed__region_id",
        industry="entry__assessed__industry_id",
        unit="entry__assessed_id",
    )

    class Meta(TransitionRecord.Meta):
        verbose_name = _("考核对象流转记录")
        verbose_name_plural = _("考核对象流转记录")


class ItemScore(models.Model):
    """考核项目得分: one item of the scheme for one assessed organization — the self-assessed score with its
    explanation and evidence (uploads owned by this row), the value computed from FlameBlue's records with
    the records behind it (``computed_detail``), the number of events of a deduction item, whether a veto
    applies, and the final score the assessment team settled on with its reason."""

    entry = models.ForeignKey(AssessmentEntry, on_delete=models.CASCADE, related_name="scores")
    item = models.ForeignKey("governance.AssessmentItem", on_delete=models.PROTECT, related_name="+")
    self_score = models.DecimalField(_("自评得分"), max_digits=5, decimal_places=2, null=True, blank=True)
    self_note = models.TextField(_("自评说明"), blank=True)
    events = models.PositiveSmallIntegerField(_("扣分事件数"), default=0)
    veto = models.BooleanField(_("触发一票否决"), default=False)
    computed_score = models.DecimalField(_("计算得分"), max_digits=5, decimal_places=2, null=True, blank=True)
    computed_detail = models.JSONField(_("计算依据"), default=dict, blank=True)
    final_score = models.DecimalField(_("审核得分"), max_digits=5, decimal_places=2, null=True, blank=True)
    review_reason = models.TextField(_("调整理由"), blank=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(
        region="entry__assessed__region_id",
        industry="entry__assessed__industry_id",
        unit="entry__assessed_id",
    )

    class Meta:
        ordering = ["entry", "item__number"]
        verbose_name = _("考核项目得分")
        verbose_name_plural = _("考核项目得分")
        constraints = [models.UniqueConstraint(fields=["entry", "item"], name="item_scored_once")]

    def __str__(self) -> str:
        return f"{self.entry} {self.item.code}"
