"""Readiness checks of stations (执勤作战大检查、百日安全创建): checklists as versioned data, a check's answers
and its findings, each a corrective action closed with evidence."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel, TransitionRecord
from flameblue.core.scoping import ScopedManager, ScopeSpec
from flameblue.corps.readiness.choices import ChecklistKind
from flameblue.corps.rectification.models import ActionStatus, CorrectiveAction
from flameblue.corps.staffing.chain import ChainManager
from flameblue.org.models import Organization

__all__ = ["FindingTransition", "ReadinessCheck", "ReadinessChecklist", "ReadinessFinding"]


class ReadinessChecklist(models.Model):
    """执勤战备检查表: one version of a checklist loaded from ``readiness/rules/checklists.yaml`` and never
    rewritten (a new version is a new row): its kind (执勤作战大检查、百日安全创建), title and items
    (``[{code, section, text}, …]``). A check keeps the version it used."""

    code = models.CharField(_("检查表代码"), max_length=40)
    version = models.CharField(_("版本"), max_length=20)
    kind = models.CharField(_("检查类型"), max_length=20, choices=ChecklistKind.choices)
    title = models.CharField(_("名称"), max_length=100)
    items = models.JSONField(_("检查项目"), default=list)
    is_active = models.BooleanField(_("启用"), default=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["code", "-version"]
        verbose_name = _("执勤战备检查表")
        verbose_name_plural = _("执勤战备检查表")
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="corps_checklist_version")]

    def __str__(self) -> str:
        return f"{self.title}（{self.version}）"

    def item_text(self, code: str) -> str:
        return next((i["text"] for i in self.items if i["code"] == code), code)


class ReadinessCheck(TrackedModel):
    """执勤战备检查: one check of a station against a checklist version — the day, the inspectors, an answer
    per item (符合、不符合、不适用) and a summary; each problem found is a :class:`ReadinessFinding`. Seen
    within the station's region."""

    checklist = models.ForeignKey(
        ReadinessChecklist, on_delete=models.PROTECT, related_name="checks", verbose_name=_("检查表")
    )
    station = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("受检单位")
    )
    checked_on = models.DateField(_("检查日期"), db_index=True)
    inspectors = models.CharField(_("检查人员"), max_length=200)
    answers = models.JSONField(_("检查结果"), default=dict)
    summary = models.TextField(_("检查小结"), blank=True)
    rules_version = models.CharField(_("检查表版本"), max_length=20)

    scope_spec = ScopeSpec(region="station__region_id")
    objects = ChainManager()
    chain_station = "station_id"  # a station sees its own (staffing/chain.py)

    class Meta:
        ordering = ["-checked_on", "-id"]
        verbose_name = _("执勤战备检查")
        verbose_name_plural = _("执勤战备检查")

    def __str__(self) -> str:
        return f"{self.checked_on:%Y-%m-%d} {self.station} {self.checklist.title}"

    def get_absolute_url(self) -> str:
        return reverse("corps:readiness-detail", kwargs={"pk": self.pk})


class ReadinessFinding(CorrectiveAction):
    """执勤战备检查发现问题: a problem a readiness check found against one checklist item, with its corrective
    action, owner (the station or an HQ office) and deadline; closed (销号) with evidence. Seen within the
    owner's region."""

    kind_label = _("执勤战备检查发现问题")

    check_record = models.ForeignKey(
        ReadinessCheck, on_delete=models.CASCADE, related_name="findings", verbose_name=_("执勤战备检查")
    )
    item_code = models.CharField(_("检查项目"), max_length=40)
    problem = models.TextField(_("存在问题"))

    scope_spec = ScopeSpec(region="owner__region_id")
    objects = ChainManager()
    chain_station = "owner_id"  # a station sees its own (staffing/chain.py)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("执勤战备检查发现问题")
        verbose_name_plural = _("执勤战备检查发现问题")
        indexes = [models.Index(fields=["status", "due_on"], name="corps_finding_due")]

    def __str__(self) -> str:
        return f"{self.owner} · {self.problem[:30]}"

    def get_absolute_url(self) -> str:
        return reverse("corps:finding-detail", kwargs={"pk": self.pk})


class FindingTransition(TransitionRecord):
    """执勤战备检查发现问题流转记录: one move of a finding's corrective action."""

    finding = models.ForeignKey(ReadinessFinding, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("原状态"), max_length=20, choices=ActionStatus.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=20, choices=ActionStatus.choices)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="finding__owner__region_id")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("执勤战备检查发现问题流转记录")
        verbose_name_plural = _("执勤战备检查发现问题流转记录")
