"""Objections (公示异议) to a published month's results: a station's officer files one in-app during the
objection period; the assessment team answers — upheld (the result is corrected, the original stays
visible as superseded) or rejected with the reason.

Imported by one line at the end of ``corps/models.py`` so the app's migrations find them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel, TransitionRecord
from flameblue.core.scoping import ScopeSpec
from flameblue.corps.models import AssessmentPlan, AssessmentResult
from flameblue.corps.objections.choices import ObjectionStatus
from flameblue.corps.staffing.chain import ChainManager
from flameblue.org.models import Organization

__all__ = ["Objection", "ObjectionTransition"]


class Objection(TrackedModel):
    """公示异议: a station's objection to one of its published results, filed within the 公示 objection period,
    and the assessment team's answer. Upheld, it points to the correcting result (the original result is
    kept, marked superseded); rejected, the answer gives the reason. Seen along the station's corps chain."""

    plan = models.ForeignKey(
        AssessmentPlan, on_delete=models.CASCADE, related_name="objections", verbose_name=_("月度考核")
    )
    result = models.ForeignKey(
        AssessmentResult, on_delete=models.PROTECT, related_name="objections", verbose_name=_("异议成绩")
    )
    station = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("提出单位")
    )
    text = models.TextField(_("异议内容"))
    status = models.CharField(
        _("状态"),
        max_length=20,
        choices=ObjectionStatus.choices,
        default=ObjectionStatus.FILED,
        db_index=True,
    )
    answer = models.TextField(_("答复意见"), blank=True)
    correction = models.ForeignKey(
        AssessmentResult, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("更正后成绩"),
    )  # fmt: skip

    objects = ChainManager()
    scope_spec = ScopeSpec(region="station__region_id")
    chain_station = "station_id"

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("公示异议")
        verbose_name_plural = _("公示异议")
        indexes = [models.Index(fields=["plan", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["result"], condition=models.Q(status="filed"), name="corps_one_open_objection"
            )
        ]

    def __str__(self) -> str:
        return f"{self.station} · {self.result.item} · {self.get_status_display()}"


class ObjectionTransition(TransitionRecord):
    """公示异议流转记录: filed, upheld or rejected — who, when, why."""

    objection = models.ForeignKey(Objection, on_delete=models.CASCADE, related_name="transitions")

    objects = ChainManager()
    scope_spec = ScopeSpec(region="objection__station__region_id")
    chain_station = "objection__station_id"

    class Meta(TransitionRecord.Meta):
        verbose_name = _("公示异议流转记录")
        verbose_name_plural = _("公示异议流转记录")
