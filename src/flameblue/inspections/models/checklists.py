"""Checklists (检查表): versioned, published reference data that inspections fill in item by item."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel
from flameblue.core.scoping import ScopedManager, ScopeSpec
from flameblue.inspections.choices import PLACE_TYPES, ChecklistKind, ChecklistStatus, HazardGrade

__all__ = ["Checklist", "ChecklistItem"]


class Checklist(TrackedModel):
    """检查表: one version of a checklist for a place type (商场市场、宾馆饭店 …) or of a unit self-inspection
    form (每日防火巡查、每月防火检查、九小场所简表). Loaded from ``inspections/checklists/<code>-<version>.yaml``;
    an administrator publishes a version, which retires the previous one. Published versions never change:
    an inspection keeps the version it was filled in with."""

    code = models.SlugField(_("检查表代码"), max_length=40)
    # ``version`` (inherited) is the optimistic-concurrency counter; the checklist's own version is its edition.
    edition = models.CharField(_("版本号"), max_length=20)
    title = models.CharField(_("名称"), max_length=120)
    place_type = models.CharField(_("场所类型"), max_length=40, blank=True, db_index=True)
    kind = models.CharField(_("类别"), max_length=20, choices=ChecklistKind.choices, db_index=True)
    effective_from = models.DateField(_("施行日期"))
    status = models.CharField(
        _("状态"),
        max_length=12,
        choices=ChecklistStatus.choices,
        default=ChecklistStatus.DRAFT,
        db_index=True,
    )
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("发布人"),
    )
    retired_at = models.DateTimeField(_("停用时间"), null=True, blank=True)
    source_file = models.CharField(_("数据文件"), max_length=120, blank=True)
    source_hash = models.CharField(_("内容摘要"), max_length=64, editable=False)

    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["kind", "place_type", "code", "-effective_from", "-id"]
        verbose_name = _("检查表")
        verbose_name_plural = _("检查表")
        constraints = [
            models.UniqueConstraint(fields=["code", "edition"], name="checklist_unique_code_edition"),
        ]
        indexes = [models.Index(fields=["code", "status"])]

    def __str__(self) -> str:
        return f"{self.title}（{self.edition}）"

    @property
    def place_type_label(self) -> str:
        return PLACE_TYPES.get(self.place_type, self.place_type)

    @property
    def is_published(self) -> bool:
        return self.status == ChecklistStatus.PUBLISHED


class ChecklistItem(models.Model):
    """检查项: one line of a checklist version — what the inspector checks (检查内容), its legal basis (依据),
    the hazard grade a failure suggests (默认隐患等级), the GB 35181-2017 element it evidences (判定要素) and,
    for measured items, how the measurement decides that element (比例或超出规范值的阈值)."""

    checklist = models.ForeignKey(
        Checklist, on_delete=models.PROTECT, related_name="items", verbose_name=_("检查表")
    )
    code = models.CharField(_("检查项编号"), max_length=24)
    order = models.PositiveSmallIntegerField(_("序号"))
    section = models.CharField(_("类别"), max_length=40)
    text = models.TextField(_("检查内容"))
    legal_basis = models.TextField(_("依据"))
    default_grade = models.CharField(_("默认隐患等级"), max_length=12, choices=HazardGrade.choices)
    gb35181_element = models.CharField(_("GB 35181 判定要素"), max_length=10, blank=True)
    measurement = models.JSONField(_("测量"), null=True, blank=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["checklist", "order"]
        verbose_name = _("检查项")
        verbose_name_plural = _("检查项")
        constraints = [
            models.UniqueConstraint(fields=["checklist", "code"], name="checklist_item_unique_code"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:40]}"
