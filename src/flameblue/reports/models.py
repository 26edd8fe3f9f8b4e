"""The annual work summary (年度工作总结) an organization writes from its records: one report per organization
and year, and its saved versions. A version keeps the prose as the officer left it — figure placeholders
such as ``{hazards.listed_major}`` included — and the figure values it was written against, so "refresh
figures" can put new numbers under unchanged prose and say which numbers moved."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel
from flameblue.core.scoping import ScopedManager, ScopeSpec
from flameblue.org.models import Organization

__all__ = ["AnnualReport", "AnnualReportVersion", "ProseTemplate", "VersionKind"]


class VersionKind(models.TextChoices):
    DRAFTED = "drafted", _("生成初稿")
    EDITED = "edited", _("编辑保存")
    REFRESHED = "refreshed", _("刷新数据")


class AnnualReport(TrackedModel):
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="annual_reports", verbose_name=_("单位")
    )
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("统计区划"), editable=False
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    title = models.CharField(_("标题"), max_length=200)
    template_version = models.CharField(_("文稿模板版本"), max_length=40, editable=False)

    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-year", "region_id", "id"]
        verbose_name = _("年度工作总结")
        verbose_name_plural = _("年度工作总结")
        constraints = [
            models.UniqueConstraint(fields=["organization", "year"], name="reports_one_summary_a_year"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reports:annual-detail", kwargs={"pk": self.pk})

    @property
    def latest(self) -> AnnualReportVersion | None:
        return self.versions.order_by("-number").first()


class AnnualReportVersion(models.Model):
    """One saved state of a summary. ``blocks`` is the text: a list of ``{"key", "level", "heading",
    "text"}`` (level 1 a part, 2 a section, 0 the opening); ``figures`` the values of every figure at the
    time (``{code: value}``, values as strings); ``changed`` the figures whose value differs from the
    previous version's (``{code: [old, new]}``)."""

    report = models.ForeignKey(
        AnnualReport, on_delete=models.CASCADE, related_name="versions", verbose_name=_("年度工作总结")
    )
    number = models.PositiveIntegerField(_("版本号"))
    kind = models.CharField(_("类型"), max_length=12, choices=VersionKind.choices)
    blocks = models.JSONField(_("正文"), default=list)
    figures = models.JSONField(_("统计数据"), default=dict)
    changed = models.JSONField(_("变化的数据"), default=dict, blank=True)
    note = models.CharField(_("说明"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("保存时间"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="report__region_id")

    class Meta:
        ordering = ["report", "-number"]
        verbose_name = _("总结版本")
        verbose_name_plural = _("总结版本")
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="reports_version_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.report} 第{self.number}版"


class ProseTemplate(models.Model):
    """A saved edit of the summary's prose templates (the YAML of ``reports/rules/annual-summary.yaml``). The
    newest active one is used for new drafts; with none, the built-in file is. Kept, never overwritten, so
    an earlier wording can be restored."""

    number = models.PositiveIntegerField(_("序号"), unique=True)
    text = models.TextField(_("模板内容（YAML）"))
    template_version = models.CharField(_("模板版本"), max_length=40)
    is_active = models.BooleanField(_("使用中"), default=True)
    created_at = models.DateTimeField(_("保存时间"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    objects = ScopedManager()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("总结文稿模板")
        verbose_name_plural = _("总结文稿模板")

    def __str__(self) -> str:
        return f"{self.template_version}（第{self.number}次修改）"
