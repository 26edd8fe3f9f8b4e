"""Incidents (警情) the detachment's stations turned out to, and the case reviews (战例研讨) of typical ones,
with their corrective actions (整改措施) tracked to closure."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel, TransitionRecord
from flameblue.core.scoping import ScopedManager, ScopeSpec
from flameblue.corps.incidents.choices import IncidentKind
from flameblue.corps.rectification.models import ActionStatus, CorrectiveAction
from flameblue.corps.staffing.chain import ChainManager
from flameblue.org.models import Organization, Person

__all__ = ["CaseReview", "Incident", "ReviewAction", "ReviewActionTransition"]


class Incident(TrackedModel):
    """警情: one call the service turned out to — its type (火灾扑救、抢险救援、社会救助…), the time of the call
    and of arrival on scene, the place (region, address, map point), the stations and vehicles dispatched,
    the people rescued, casualties (deaths, injuries), the direct loss in yuan, and a short narrative. Seen
    within its region: the detachment sees all, a brigade and its stations their county."""

    title = models.CharField(_("简称"), max_length=80, blank=True, help_text=_("如 谯城“3.22”深井救援"))
    kind = models.CharField(_("警情类型"), max_length=20, choices=IncidentKind.choices, db_index=True)
    called_at = models.DateTimeField(_("接警时间"))
    arrived_at = models.DateTimeField(_("到场时间"), null=True, blank=True)
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在区划")
    )
    address = models.CharField(_("地址"), max_length=200)
    lat = models.DecimalField(_("纬度"), max_digits=9, decimal_places=6, null=True, blank=True)
    lng = models.DecimalField(_("经度"), max_digits=9, decimal_places=6, null=True, blank=True)
    stations = models.ManyToManyField(Organization, related_name="+", verbose_name=_("出动单位"))
    vehicles = models.PositiveSmallIntegerField(_("出动车辆"), default=0)
    personnel = models.PositiveSmallIntegerField(_("出动人员"), default=0)
    rescued = models.PositiveIntegerField(_("营救人员"), default=0)
    deaths = models.PositiveIntegerField(_("死亡人数"), default=0)
    injuries = models.PositiveIntegerField(_("受伤人数"), default=0)
    direct_loss = models.DecimalField(_("直接财产损失（元）"), max_digits=14, decimal_places=2, default=0)
    narrative = models.TextField(_("简要经过"), blank=True)

    scope_spec = ScopeSpec(region="region_id")
    objects = ChainManager()
    chain_station = "stations"  # a station sees its own (staffing/chain.py)

    class Meta:
        ordering = ["-called_at", "-id"]
        verbose_name = _("警情")
        verbose_name_plural = _("警情")
        indexes = [
            models.Index(fields=["region", "called_at"], name="corps_incident_region_time"),
            models.Index(fields=["kind", "called_at"], name="corps_incident_kind_time"),
            models.Index(fields=["called_at"], name="corps_incident_time"),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.called_at:%Y-%m-%d %H:%M} {self.get_kind_display()} {self.address[:30]}"

    def get_absolute_url(self) -> str:
        return reverse("corps:incident-detail", kwargs={"pk": self.pk})

    @property
    def response_minutes(self) -> int | None:
        if self.arrived_at is None:
            return None
        return int((self.arrived_at - self.called_at).total_seconds() // 60)


class CaseReview(TrackedModel):
    """战例研讨: the review of one incident — when it was held, who took part (people in FlameBlue), what
    went well and what went wrong, the lessons, and the corrective actions owned by stations or HQ offices
    with their deadlines. Seen within the incident's region."""

    incident = models.ForeignKey(
        Incident, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("警情")
    )
    title = models.CharField(_("研讨题目"), max_length=120)
    held_on = models.DateField(_("研讨日期"))
    participants = models.ManyToManyField(Person, related_name="+", verbose_name=_("参加人员"))
    went_well = models.TextField(_("经验做法"))
    went_wrong = models.TextField(_("存在问题"))
    lessons = models.TextField(_("启示与教训"))

    scope_spec = ScopeSpec(region="incident__region_id")
    objects = ChainManager()
    chain_station = "incident__stations"  # a station sees its own (staffing/chain.py)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("战例研讨")
        verbose_name_plural = _("战例研讨")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("corps:review-detail", kwargs={"pk": self.pk})


class ReviewAction(CorrectiveAction):
    """战例研讨整改措施: one corrective action of a case review — the owner (a station or an HQ office), the
    task and its deadline, reported done with evidence and closed (销号) by the detachment; overdue ones are
    flagged and escalated by the sweep. Seen within the owner's region."""

    kind_label = _("战例研讨整改措施")

    review = models.ForeignKey(
        CaseReview, on_delete=models.CASCADE, related_name="actions", verbose_name=_("战例研讨")
    )

    scope_spec = ScopeSpec(region="owner__region_id")
    objects = ChainManager()
    chain_station = "owner_id"  # a station sees its own (staffing/chain.py)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("战例研讨整改措施")
        verbose_name_plural = _("战例研讨整改措施")
        indexes = [models.Index(fields=["status", "due_on"], name="corps_reviewaction_due")]

    def __str__(self) -> str:
        return f"{self.owner} · {self.task[:30]}"

    def get_absolute_url(self) -> str:
        return reverse("corps:review-action-detail", kwargs={"pk": self.pk})


class ReviewActionTransition(TransitionRecord):
    """战例研讨整改措施流转记录: one move of a corrective action (reported, closed, returned)."""

    action = models.ForeignKey(ReviewAction, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("原状态"), max_length=20, choices=ActionStatus.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=20, choices=ActionStatus.choices)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="action__owner__region_id")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("战例研讨整改措施流转记录")
        verbose_name_plural = _("战例研讨整改措施流转记录")
