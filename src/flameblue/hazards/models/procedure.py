from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel
from flameblue.core.scoping import ScopedManager, ScopeSpec

__all__ = ["MajorHazardProcedure"]


class MajorHazardProcedure(TrackedModel):
    """重大火灾隐患处理程序（《消防监督检查规定》第二十一条）: for a hazard that may be major, the two statutory
    clocks and what was done against them — the handling opinion (处理意见) due seven working days after the
    inspection and the written report to the government (书面报告本级人民政府), and the 重大火灾隐患整改通知书 due
    three working days after the determination; both extended by ten working days when experts were convened
    (专家论证). The due dates are stored columns, computed by ``hazards/procedure.py`` from ``rules/order120.yaml``;
    ``*_late_at`` are the sweep's claims (a late reminder is sent once)."""

    hazard = models.OneToOneField(
        "hazards.Hazard", on_delete=models.PROTECT, related_name="major_procedure", verbose_name=_("隐患")
    )
    region = models.ForeignKey("geo.Region", on_delete=models.PROTECT, related_name="+")
    industry = models.ForeignKey(
        "org.Industry", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    inspected_on = models.DateField(_("检查日期"))
    experts_convened = models.BooleanField(_("已组织专家论证"), default=False)
    opinion_due = models.DateField(_("处理意见期限"), db_index=True)
    opinion = models.TextField(_("处理意见"), blank=True)
    opinion_at = models.DateTimeField(_("提出处理意见时间"), null=True, blank=True)
    government = models.ForeignKey(
        "org.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("报告的人民政府"),
    )
    reported_at = models.DateTimeField(_("书面报告政府时间"), null=True, blank=True)
    report_number = models.CharField(_("报告文号"), max_length=80, blank=True)
    determined_on = models.DateField(_("确定为重大火灾隐患日期"), null=True, blank=True)
    notice_due = models.DateField(_("整改通知书送达期限"), null=True, blank=True, db_index=True)
    notice_number = models.CharField(_("重大火灾隐患整改通知书文号"), max_length=80, blank=True)
    notice_issued_at = models.DateTimeField(_("整改通知书签发时间"), null=True, blank=True)
    notice_served_at = models.DateTimeField(_("整改通知书送达时间"), null=True, blank=True)
    notice_deadline = models.DateField(_("整改期限"), null=True, blank=True)
    notice_issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    opinion_late_at = models.DateTimeField(_("处理意见逾期提醒时间"), null=True, blank=True)
    notice_late_at = models.DateTimeField(_("整改通知书逾期提醒时间"), null=True, blank=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="region_id", industry="industry_id", unit="hazard__unit__organization_id")

    class Meta:
        ordering = ["opinion_due", "pk"]
        verbose_name = _("重大火灾隐患处理程序")
        verbose_name_plural = _("重大火灾隐患处理程序")

    def __str__(self) -> str:
        return f"{self.hazard} · {self.inspected_on}"
