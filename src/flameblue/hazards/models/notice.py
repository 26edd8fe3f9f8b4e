from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel
from flameblue.core.scoping import ScopedManager, ScopeSpec
from flameblue.hazards.choices import NoticeStatus

__all__ = ["Notice", "NoticeCounter"]


class NoticeCounter(models.Model):
    """文书编号计数器: the last serial number a brigade used for notices in a year. Incremented under a
    row lock inside the transaction that issues the notice, so numbers have no gaps and no duplicates."""

    brigade = models.ForeignKey("org.Organization", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    #: which document series: "limit" (责令限期改正通知书) or "major" (重大火灾隐患整改通知书).
    kind = models.CharField(max_length=10, default="limit")
    prefix = models.CharField(max_length=20)
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["brigade", "year", "kind"], name="notice_counter_brigade_year_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.prefix}〔{self.year}〕{self.last_serial}"


class Notice(TrackedModel):
    """责令限期改正通知书: the notice a brigade serves on a unit ordering one or more hazards corrected by a
    deadline, numbered per brigade per year in the official style (e.g. 亳消限字〔2019〕第0001号)."""

    brigade = models.ForeignKey(
        "org.Organization", on_delete=models.PROTECT, related_name="notices", verbose_name=_("大队")
    )
    unit = models.ForeignKey(
        "units.Unit", on_delete=models.PROTECT, related_name="notices", verbose_name=_("单位")
    )
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在乡镇")
    )
    industry = models.ForeignKey(
        "org.Industry", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    serial = models.PositiveIntegerField(_("序号"))
    number = models.CharField(_("文号"), max_length=60, unique=True)
    issued_at = models.DateTimeField(_("签发时间"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    deadline = models.DateField(_("整改期限"))
    inspection = models.ForeignKey(
        "inspections.Inspection",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notices",
        verbose_name=_("监督检查"),
    )
    amends = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="amendments",
        verbose_name=_("补充的通知书"),
        help_text=_("已送达的通知书不得更改；需要补充或变更时另行签发新的通知书，并指向原通知书"),
    )
    served_at = models.DateTimeField(_("送达时间"), null=True, blank=True)
    status = models.CharField(
        _("状态"), max_length=10, choices=NoticeStatus.choices, default=NoticeStatus.OPEN
    )

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="region_id", industry="industry_id", unit="unit__organization_id")

    class Meta:
        ordering = ["-year", "-serial"]
        verbose_name = _("责令限期改正通知书")
        verbose_name_plural = _("责令限期改正通知书")
        constraints = [
            models.UniqueConstraint(fields=["brigade", "year", "serial"], name="notice_serial_unique"),
            # 第十九条: one notice per supervision inspection; later ones amend it (补充通知书).
            models.UniqueConstraint(
                fields=["inspection"],
                condition=models.Q(inspection__isnull=False, amends__isnull=True),
                name="notice_one_per_inspection",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_served(self) -> bool:
        return self.served_at is not None
