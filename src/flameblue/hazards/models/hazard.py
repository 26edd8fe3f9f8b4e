from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel, TransitionRecord
from flameblue.core.scoping import ScopedManager, ScopeSpec
from flameblue.hazards.choices import DeadlineUnit, HazardGrade, HazardSource, HazardStatus

__all__ = ["Hazard", "HazardTransition"]


def _not_escalated_for(statuses: list[str], done: str, due: str) -> Q:
    """In one of ``statuses`` and ``done`` is not the current ``due`` day (NULL-safe). Written as ORs of
    equalities, not IN: PostgreSQL proves a query's ``IN (…)`` implies an index predicate of ORs, but not
    the ARRAY[…] form Django writes an IN as in an index condition."""
    in_status = Q(status=statuses[0])
    for status in statuses[1:]:
        in_status |= Q(status=status)
    return in_status & (
        Q(**{f"{done}__isnull": True}) | Q(**{f"{done}__lt": F(due)}) | Q(**{f"{done}__gt": F(due)})
    )


#: Hazards the overdue sweep may still have to escalate (see ``Hazard.overdue_escalated_for``).
PENDING_OVERDUE = _not_escalated_for(
    [HazardStatus.CONFIRMED, HazardStatus.RECTIFYING], "overdue_escalated_for", "deadline"
)
#: Hazards whose re-inspection the sweep may still have to chase.
PENDING_RECHECK = _not_escalated_for(
    [HazardStatus.CONFIRMED, HazardStatus.RECTIFYING, HazardStatus.COMPLETION_REPORTED],
    "recheck_escalated_for",
    "recheck_due",
)


class Hazard(TrackedModel):
    """火灾隐患: one hazard found in a unit — where, what, by which source, its grade (一般/突出/重大), the
    checklist item and GB 35181 element it evidences, who must fix it by when, interim measures, the notice
    it belongs to and its whole timeline. The status moves only through the transition services in
    ``hazards/services.py``; each move leaves a :class:`HazardTransition`. Region and industry are copied
    from the unit when the hazard is found so that scoping is one indexed comparison on this table."""

    unit = models.ForeignKey(
        "units.Unit", on_delete=models.PROTECT, related_name="hazards", verbose_name=_("单位")
    )
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在乡镇")
    )
    industry = models.ForeignKey(
        "org.Industry",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("行业"),
    )
    brigade = models.ForeignKey(
        "org.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("负责大队"),
    )
    location = models.CharField(_("隐患部位"), max_length=200, blank=True)
    description = models.TextField(_("隐患描述"))
    source = models.CharField(_("来源"), max_length=20, choices=HazardSource.choices, db_index=True)
    grade = models.CharField(
        _("等级"), max_length=10, choices=HazardGrade.choices, default=HazardGrade.GENERAL, db_index=True
    )
    status = models.CharField(
        _("状态"), max_length=20, choices=HazardStatus.choices, default=HazardStatus.FOUND, db_index=True
    )
    checklist_item = models.ForeignKey(
        "inspections.ChecklistItem",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hazards",
        verbose_name=_("检查项"),
    )
    gb35181_element = models.CharField(_("GB 35181 判定要素"), max_length=20, blank=True)
    tip = models.ForeignKey(
        "hazards.Tip",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hazards",
        verbose_name=_("来源举报"),
    )
    source_ref = models.CharField(
        _("来源编号"), max_length=80, blank=True, help_text=_("专项整治、安保任务等的编号")
    )
    responsible_party = models.CharField(_("整改责任方"), max_length=120, blank=True)
    responsible_person = models.ForeignKey(
        "org.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("整改责任人"),
    )
    interim_measures = models.TextField(_("整改期间防范措施"), blank=True)
    rectification_measures = models.TextField(_("整改措施"), blank=True)
    deadline = models.DateField(_("整改期限"), null=True, blank=True, db_index=True)
    deadline_unit = models.CharField(
        _("期限计算方式"), max_length=10, choices=DeadlineUnit.choices, default=DeadlineUnit.CALENDAR
    )
    recheck_due = models.DateField(_("复查期限"), null=True, blank=True, db_index=True)
    notice = models.ForeignKey(
        "hazards.Notice",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hazards",
        verbose_name=_("整改通知书"),
    )
    corrected_on_spot = models.BooleanField(_("当场改正"), default=False)
    found_at = models.DateTimeField(_("发现时间"), default=timezone.now, db_index=True)
    found_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("发现人"),
    )
    verified_at = models.DateTimeField(_("核实时间"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("核实人"),
    )
    notice_due = models.DateField(
        _("通知书送达期限"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "《消防监督检查规定》第十九条：自检查（核实）之日起三个工作日内制作、送达责令限期改正通知书"
        ),
    )
    notice_late_at = models.DateTimeField(_("通知书逾期提醒时间"), null=True, blank=True)
    handed_over_at = models.DateTimeField(
        _("移交消防救援机构时间"),
        null=True,
        blank=True,
        help_text=_("公安派出所日常检查发现、应由消防救援机构处理的案件的书面移交时间"),
    )
    confirmed_at = models.DateTimeField(_("确认时间"), null=True, blank=True)
    completion_reported_at = models.DateTimeField(_("报告整改完成时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("销案时间"), null=True, blank=True, db_index=True)
    failed_rechecks = models.PositiveSmallIntegerField(_("复查不合格次数"), default=0)
    escalation_level = models.PositiveSmallIntegerField(_("督促升级层级"), default=0)
    # The deadline (re-inspection day) for which the sweep has sent every escalation level: the hazard then
    # leaves the sweep's partial indexes below until it gets a new one, so an idle sweep reads next to nothing.
    overdue_escalated_for = models.DateField(
        _("已逐级督促完毕的整改期限"), null=True, blank=True, editable=False
    )
    recheck_escalated_for = models.DateField(
        _("已逐级督促完毕的复查期限"), null=True, blank=True, editable=False
    )

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="region_id", industry="industry_id", unit="unit__organization_id")

    class Meta:
        ordering = ["-found_at", "-id"]
        verbose_name = _("火灾隐患")
        verbose_name_plural = _("火灾隐患")
        indexes = [
            models.Index(fields=["region", "status"]),
            models.Index(fields=["status", "deadline"]),
            models.Index(fields=["status", "recheck_due"]),
            models.Index(fields=["unit", "status"]),
            models.Index(fields=["grade", "region"]),
            # The sweep's work lists: rectifying hazards (re-inspections due) not yet escalated to the top
            # level for their current deadline (hazards.sweep.PENDING_OVERDUE / PENDING_RECHECK).
            models.Index(fields=["deadline"], name="hazard_sweep_overdue", condition=PENDING_OVERDUE),
            models.Index(fields=["recheck_due"], name="hazard_sweep_recheck", condition=PENDING_RECHECK),
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.description[:30]}"

    @property
    def is_open(self) -> bool:
        from flameblue.hazards.choices import OPEN_STATUSES

        return self.status in OPEN_STATUSES

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return bool(self.is_open and self.deadline and self.deadline < today)


class HazardTransition(TransitionRecord):
    """隐患流转记录: one move of a hazard from one status to another — who, when, why, and the data of the
    move (new deadline, grade, re-inspection result). Append-only; the hazard's timeline."""

    hazard = models.ForeignKey(Hazard, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("原状态"), max_length=20, choices=HazardStatus.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=20, choices=HazardStatus.choices)

    objects = ScopedManager()
    scope_spec = ScopeSpec(
        region="hazard__region_id", industry="hazard__industry_id", unit="hazard__unit__organization_id"
    )

    class Meta(TransitionRecord.Meta):
        verbose_name = _("隐患流转记录")
        verbose_name_plural = _("隐患流转记录")

    def __str__(self) -> str:
        return f"{self.hazard_id}: {self.from_status} → {self.to_status}"
