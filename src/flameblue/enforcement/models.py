"""Enforcement procedures of 公安部令第120号 (消防监督检查规定): temporary sealing (临时查封) of a dangerous part
or place, the pre-opening fire-safety check of a public gathering place (公众聚集场所投入使用、营业前消防安全检查,
with the 告知承诺 path of 消防法 第十五条) and the check of a large public event before it is held (大型群众性活动).
Each record reaches its region, industry and unit through the unit it concerns, so scoping is one indexed
comparison; each status moves through ``services.py`` by the workflow kernel and leaves a transition row;
``due_on`` is the stored deadline of the statutory clock running now (``rules/procedures.yaml``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel, TransitionRecord
from flameblue.core.scoping import ScopedManager, ScopeSpec
from flameblue.enforcement.choices import (
    CheckPath,
    CheckResult,
    EventCheckStatus,
    PreOpeningStatus,
    SealingClock,
    SealingStatus,
)

__all__ = [
    "DocumentCounter",
    "EventCheck",
    "EventCheckTransition",
    "PreOpeningCheck",
    "PreOpeningTransition",
    "Sealing",
    "SealingReview",
    "SealingTransition",
]

UNIT_SCOPE = ScopeSpec(region="region_id", industry="industry_id", unit="unit__organization_id")


def _unit_scope(prefix: str) -> ScopeSpec:
    return ScopeSpec(
        region=f"{prefix}__region_id",
        industry=f"{prefix}__industry_id",
        unit=f"{prefix}__unit__organization_id",
    )


class _UnitRecord(TrackedModel):
    """Common columns: the unit concerned (region and industry copied from it when the record is made), the
    fire agency (大队) handling it, the stored deadline of the running clock and the sweep's claim of it."""

    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("单位"))
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
    agency = models.ForeignKey(
        "org.Organization", on_delete=models.PROTECT, related_name="+", verbose_name=_("承办消防救援机构")
    )
    due_on = models.DateField(_("当前期限"), null=True, blank=True, db_index=True)
    reminded_due_on = models.DateField(_("已提醒逾期的期限"), null=True, blank=True, editable=False)

    objects = ScopedManager()
    scope_spec = UNIT_SCOPE

    class Meta:
        abstract = True


class Sealing(_UnitRecord):
    """临时查封: the temporary sealing of a dangerous part or place of a unit (第二十二条), proposed from a hazard or
    a supervision inspection, decided by a collective review the agency's leader organises, its decision
    (临时查封决定书) made and served within 3 working days of the inspection (24 hours when sealed on the spot in
    an emergency), executed (decision posted, seals affixed), and lifted (解除临时查封决定书) after the unit
    applies and an on-site check within 3 working days finds the hazard removed (第二十三条、第二十四条)."""

    hazard = models.ForeignKey(
        "hazards.Hazard",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("隐患"),
    )
    inspection = models.ForeignKey(
        "inspections.Inspection", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("检查记录"),
    )  # fmt: skip
    inspected_on = models.DateField(_("检查日期"))
    ground = models.CharField(_("查封情形"), max_length=20)
    premises = models.CharField(_("查封部位或场所"), max_length=200)
    facts = models.TextField(_("违法事实"))
    method = models.CharField(_("实施方法"), max_length=200, blank=True)
    period_days = models.PositiveSmallIntegerField(_("查封期限（日）"), default=30)
    sealed_on_spot = models.BooleanField(_("情况危急当场查封"), default=False)
    status = models.CharField(
        _("状态"), max_length=20, choices=SealingStatus.choices, default=SealingStatus.PROPOSED, db_index=True
    )
    clock = models.CharField(_("计时事项"), max_length=20, choices=SealingClock.choices, blank=True)
    decision_number = models.CharField(_("临时查封决定书文号"), max_length=60, blank=True)
    decided_on = models.DateField(_("决定日期"), null=True, blank=True)
    served_on = models.DateField(_("送达日期"), null=True, blank=True)
    executed_on = models.DateField(_("实施查封日期"), null=True, blank=True)
    ends_on = models.DateField(_("查封期满日"), null=True, blank=True)
    lift_requested_on = models.DateField(_("申请解除日期"), null=True, blank=True)
    lift_checked_on = models.DateField(_("解封检查日期"), null=True, blank=True)
    lift_check_notes = models.TextField(_("解封检查情况"), blank=True)
    lift_number = models.CharField(_("解除临时查封决定书文号"), max_length=60, blank=True)
    lifted_on = models.DateField(_("解除日期"), null=True, blank=True)
    late_steps = models.JSONField(_("逾期环节"), default=list, blank=True)

    class Meta:
        ordering = ["-inspected_on", "-id"]
        verbose_name = _("临时查封")
        verbose_name_plural = _("临时查封")
        indexes = [models.Index(fields=["region", "status"]), models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return f"{self.unit} · {self.premises}"


class SealingReview(models.Model):
    """集体研究: the collective review that decides whether to seal — who chaired it (the fire agency's leader),
    who took part, the decision and the opinion; one per sealing."""

    sealing = models.OneToOneField(Sealing, on_delete=models.CASCADE, related_name="review")
    chaired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("主持人（负责人）"),
    )
    participants = models.JSONField(_("参加人员"), default=list)
    held_on = models.DateField(_("研究日期"))
    seal = models.BooleanField(_("决定查封"))
    opinion = models.TextField(_("研究意见"))

    objects = ScopedManager()
    scope_spec = _unit_scope("sealing")

    class Meta:
        verbose_name = _("集体研究记录")
        verbose_name_plural = _("集体研究记录")

    def __str__(self) -> str:
        return f"{self.sealing} · {self.held_on}"


class SealingTransition(TransitionRecord):
    """临时查封流转记录."""

    sealing = models.ForeignKey(Sealing, on_delete=models.CASCADE, related_name="transitions")

    objects = ScopedManager()
    scope_spec = _unit_scope("sealing")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("临时查封流转记录")
        verbose_name_plural = _("临时查封流转记录")


class PreOpeningCheck(_UnitRecord):
    """公众聚集场所投入使用、营业前消防安全检查: a place's application to open (消防法 第十五条). On the 告知承诺 path the
    unit commits that the place meets the rules and is licensed on acceptance, and the agency verifies on site
    later; on the standard path the agency checks within 10 working days of acceptance and decides (合格 → 合格证明;
    不合格 → 检查意见书)."""

    place_name = models.CharField(_("场所名称"), max_length=120)
    address = models.CharField(_("场所地址"), max_length=200)
    area_m2 = models.DecimalField(_("使用面积（㎡）"), max_digits=10, decimal_places=1)
    applicant = models.CharField(_("申请人（建设或使用单位）"), max_length=120)
    contact_phone = models.CharField(_("联系电话"), max_length=20, blank=True)
    path = models.CharField(_("办理方式"), max_length=20, choices=CheckPath.choices)
    applied_on = models.DateField(_("申请日期"))
    status = models.CharField(
        _("状态"), max_length=20, choices=PreOpeningStatus.choices, default=PreOpeningStatus.APPLIED,
        db_index=True,
    )  # fmt: skip
    number = models.CharField(_("文书编号"), max_length=60, blank=True)
    accepted_on = models.DateField(_("受理日期"), null=True, blank=True)
    not_accepted_reason = models.TextField(_("不予受理理由"), blank=True)
    licensed_on = models.DateField(_("许可日期"), null=True, blank=True)
    checked_on = models.DateField(_("检查日期"), null=True, blank=True)
    result = models.CharField(_("检查结论"), max_length=10, choices=CheckResult.choices, blank=True)
    findings = models.TextField(_("检查情况"), blank=True)
    decided_on = models.DateField(_("决定日期"), null=True, blank=True)
    late_steps = models.JSONField(_("逾期环节"), default=list, blank=True)

    class Meta:
        ordering = ["-applied_on", "-id"]
        verbose_name = _("营业前消防安全检查")
        verbose_name_plural = _("营业前消防安全检查")
        indexes = [models.Index(fields=["region", "status"]), models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return self.place_name


class PreOpeningTransition(TransitionRecord):
    """营业前消防安全检查流转记录."""

    application = models.ForeignKey(PreOpeningCheck, on_delete=models.CASCADE, related_name="transitions")

    objects = ScopedManager()
    scope_spec = _unit_scope("application")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("营业前检查流转记录")
        verbose_name_plural = _("营业前检查流转记录")


class EventCheck(_UnitRecord):
    """大型群众性活动举办前消防安全检查: the organiser's (承办单位) application for a fire-safety check of a large
    public event, accepted by the fire agency, checked on site before the event starts and decided (合格/不合格)
    with a 检查意见书."""

    event_name = models.CharField(_("活动名称"), max_length=120)
    venue = models.CharField(_("活动场所"), max_length=200)
    starts_on = models.DateField(_("活动开始日期"))
    ends_on = models.DateField(_("活动结束日期"))
    expected_attendance = models.PositiveIntegerField(_("预计参加人数"))
    applied_on = models.DateField(_("申请日期"))
    status = models.CharField(
        _("状态"), max_length=20, choices=EventCheckStatus.choices, default=EventCheckStatus.APPLIED,
        db_index=True,
    )  # fmt: skip
    number = models.CharField(_("文书编号"), max_length=60, blank=True)
    accepted_on = models.DateField(_("受理日期"), null=True, blank=True)
    checked_on = models.DateField(_("检查日期"), null=True, blank=True)
    result = models.CharField(_("检查结论"), max_length=10, choices=CheckResult.choices, blank=True)
    findings = models.TextField(_("检查情况"), blank=True)
    late_steps = models.JSONField(_("逾期环节"), default=list, blank=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("大型群众性活动消防安全检查")
        verbose_name_plural = _("大型群众性活动消防安全检查")
        indexes = [models.Index(fields=["region", "status"]), models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return self.event_name


class EventCheckTransition(TransitionRecord):
    """大型群众性活动检查流转记录."""

    application = models.ForeignKey(EventCheck, on_delete=models.CASCADE, related_name="transitions")

    objects = ScopedManager()
    scope_spec = _unit_scope("application")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("活动检查流转记录")
        verbose_name_plural = _("活动检查流转记录")


class DocumentCounter(models.Model):
    """文书编号计数: the last serial of one kind of enforcement document of one agency in one year."""

    agency = models.ForeignKey("org.Organization", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField()
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "kind", "year"], name="enforcement_counter_once")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.year} #{self.last_serial}"
