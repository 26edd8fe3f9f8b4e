"""The corrective action (整改措施) shared by the corps' readiness checks and case reviews: what a station or
an HQ office must put right, by when, and its way to closure (整改中 → 待验收 → 已销号, or back), with the
overdue flag and the escalation level the sweep keeps. Each kind of corrective action is a concrete model
of its own sub-domain (a readiness finding, a case review's action) built on :class:`CorrectiveAction`."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel
from flameblue.org.models import Organization

__all__ = ["ActionStatus", "CorrectiveAction"]


class ActionStatus(models.TextChoices):
    OPEN = "open", _("整改中")
    SUBMITTED = "submitted", _("待验收")
    CLOSED = "closed", _("已销号")


class CorrectiveAction(TrackedModel):
    """整改措施 (abstract): the owner (a station or an HQ office), the task, the deadline, the owner's report
    with evidence, the acceptance (销号), and the sweep's overdue flag and escalation level."""

    owner = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("责任单位")
    )
    task = models.TextField(_("整改措施"))
    due_on = models.DateField(_("整改期限"))
    status = models.CharField(
        _("状态"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN, db_index=True
    )
    report = models.TextField(_("整改情况"), blank=True)
    submitted_at = models.DateTimeField(_("报告时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("销号时间"), null=True, blank=True)
    overdue_since = models.DateField(_("逾期日期"), null=True, blank=True)
    escalation_level = models.PositiveSmallIntegerField(_("升级层级"), default=0)
    rules_version = models.CharField(_("规则版本"), max_length=20, blank=True)

    class Meta:
        abstract = True

    @property
    def is_overdue(self) -> bool:
        return self.overdue_since is not None and self.status == ActionStatus.OPEN
