"""The roster's history and the backbone rotation (驻训培育): each posting of a person (任职经历), the
timeline of their duty status (在岗、学习培训、休假、调离) with the dates it took effect, and rotations of
promising officers through detachment HQ, nominated by their station and approved by the detachment.

Imported by one line at the end of ``corps/models.py`` so the app's migrations find them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel, TransitionRecord
from flameblue.core.scoping import ScopeSpec
from flameblue.corps.models import RosterEntry
from flameblue.corps.staffing.chain import ChainManager
from flameblue.corps.staffing.choices import RotationRating, RotationStatus
from flameblue.org.models import Organization

__all__ = ["Posting", "Rotation", "RotationTransition", "RosterTransition"]


class RosterTransition(TransitionRecord):
    """名册变动记录: one change of a person's duty status (在岗 → 休假 …) or posting (调动), with the date it
    took effect (``data["on"]``) — the person's status history. Written by ``core.workflow`` only."""

    entry = models.ForeignKey(RosterEntry, on_delete=models.CASCADE, related_name="transitions")

    objects = ChainManager()
    scope_spec = ScopeSpec(region="entry__station__region_id")
    chain_station = "entry__station_id"

    class Meta(TransitionRecord.Meta):
        verbose_name = _("名册变动记录")
        verbose_name_plural = _("名册变动记录")

    @property
    def effective_on(self) -> str:
        return self.data.get("on", "")


class Posting(models.Model):
    """任职经历: one stretch of a person's service at a station (or brigade, HQ office) — from the date of
    posting to the date of the next transfer (open while current), with the post and crew held and why the
    person moved. Transfers close one posting and open the next; none is ever deleted."""

    entry = models.ForeignKey(
        RosterEntry, on_delete=models.CASCADE, related_name="postings", verbose_name=_("指战员")
    )
    station = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("所在单位")
    )
    post = models.CharField(_("岗位"), max_length=60)
    crew = models.CharField(_("班组"), max_length=40, blank=True)
    started_on = models.DateField(_("到岗日期"))
    ended_on = models.DateField(_("离岗日期"), null=True, blank=True)
    reason = models.CharField(_("调动原因"), max_length=200, blank=True)

    objects = ChainManager()
    scope_spec = ScopeSpec(region="entry__station__region_id")
    chain_station = "entry__station_id"

    class Meta:
        ordering = ["entry_id", "-started_on", "-id"]
        verbose_name = _("任职经历")
        verbose_name_plural = _("任职经历")
        constraints = [
            models.UniqueConstraint(
                fields=["entry"], condition=models.Q(ended_on__isnull=True), name="corps_one_open_posting"
            )
        ]

    def __str__(self) -> str:
        return f"{self.station} {self.started_on:%Y-%m-%d}"


class Rotation(TrackedModel):
    """驻训培育: a station's nomination of one of its officers for a rotation at detachment HQ (司令部), with
    the reason; the detachment's decision (approved with the period and the HQ office, or refused with a
    note); and at the period's end the evaluation — a rating and a comment. Seen along the corps chain of the
    nominating station."""

    entry = models.ForeignKey(
        RosterEntry, on_delete=models.PROTECT, related_name="rotations", verbose_name=_("被推荐人")
    )
    station = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("推荐单位")
    )
    reason = models.TextField(_("推荐理由"))
    status = models.CharField(
        _("状态"), max_length=20, choices=RotationStatus.choices, default=RotationStatus.NOMINATED,
        db_index=True,
    )  # fmt: skip
    hq_office = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("驻训单位"),
    )  # fmt: skip
    starts_on = models.DateField(_("驻训开始日期"), null=True, blank=True)
    ends_on = models.DateField(_("驻训结束日期"), null=True, blank=True, db_index=True)
    decision_note = models.CharField(_("审批意见"), max_length=200, blank=True)
    rating = models.CharField(_("考评等次"), max_length=10, choices=RotationRating.choices, blank=True)
    evaluation = models.TextField(_("考评评语"), blank=True)

    objects = ChainManager()
    scope_spec = ScopeSpec(region="station__region_id")
    chain_station = "station_id"

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("驻训培育")
        verbose_name_plural = _("驻训培育")
        indexes = [models.Index(fields=["station", "status"])]

    def __str__(self) -> str:
        return f"{self.entry.person.name} · {self.get_status_display()}"


class RotationTransition(TransitionRecord):
    """驻训培育流转记录: nominated, approved or refused, evaluated — who, when, why."""

    rotation = models.ForeignKey(Rotation, on_delete=models.CASCADE, related_name="transitions")

    objects = ChainManager()
    scope_spec = ScopeSpec(region="rotation__station__region_id")
    chain_station = "rotation__station_id"

    class Meta(TransitionRecord.Meta):
        verbose_name = _("驻训培育流转记录")
        verbose_name_plural = _("驻训培育流转记录")
