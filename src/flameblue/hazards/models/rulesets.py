"""Records of the hazards app. For now: the versioned GB 35181 rule sets the determination engine applies."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.scoping import ScopedManager, ScopeSpec

__all__ = ["HazardRuleSet", "RuleSetStatus"]


class RuleSetStatus(models.TextChoices):
    LOADED = "loaded", _("已录入")
    NOT_LOADED = "not_loaded", _("待录入")


class HazardRuleSet(models.Model):
    """重大火灾隐患判定规则版本: one version of a GB 35181 rule set (element catalogue, comprehensive rules,
    exclusions, thresholds) as loaded from ``hazards/rules/*.yaml``, with its period of force. Every
    determination records the version it used, so a decision can be read later against the rules of its day.
    Reference data, visible in full to anyone whose role grants viewing it."""

    code = models.CharField(_("标准编号"), max_length=40, help_text=_("如 GB35181-2017"))
    version = models.CharField(_("数据版本"), max_length=40)
    title = models.CharField(_("标准名称"), max_length=100, blank=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=RuleSetStatus.choices, default=RuleSetStatus.LOADED
    )
    effective_from = models.DateField(_("实施日期"), null=True, blank=True)
    effective_to = models.DateField(_("废止日期"), null=True, blank=True, help_text=_("最后一个有效日"))
    content = models.JSONField(_("规则内容"), default=dict)
    sha256 = models.CharField(_("文件摘要"), max_length=64, blank=True)
    source_file = models.CharField(_("来源文件"), max_length=100, blank=True)
    loaded_at = models.DateTimeField(_("载入时间"), default=timezone.now)

    objects = ScopedManager()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["code", "-loaded_at"]
        verbose_name = _("隐患判定规则版本")
        verbose_name_plural = _("隐患判定规则版本")
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="hazards_ruleset_code_version")
        ]

    def __str__(self) -> str:
        return f"{self.code}@{self.version}"
