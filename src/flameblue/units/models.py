from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel
from flameblue.core.scoping import ScopedManager, ScopeSpec
from flameblue.units.choices import AdminLevel, HeritageLevel, KeyUnitDecision, OperatingStatus, UnitCategory

__all__ = ["PlaceType", "RiskTag", "Unit"]


class PlaceType(models.Model):
    """场所类型: one of the eleven working place types that checklists are written for (data file)."""

    code = models.CharField(_("代码"), max_length=30, primary_key=True)
    name = models.CharField(_("名称"), max_length=40)
    name_en = models.CharField(_("英文名称"), max_length=80, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    objects = ScopedManager()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("场所类型")
        verbose_name_plural = _("场所类型")

    def __str__(self) -> str:
        return self.name


class RiskTag(models.Model):
    """风险标签: 高层, 地下, 三合一, 九小场所 … (multi-select on a unit; data file)."""

    code = models.CharField(_("代码"), max_length=30, primary_key=True)
    name = models.CharField(_("名称"), max_length=40)
    group = models.CharField(_("分组"), max_length=20, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    objects = ScopedManager()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("风险标签")
        verbose_name_plural = _("风险标签")

    def __str__(self) -> str:
        return self.name


class Unit(TrackedModel):
    """社会单位: a unit or place under fire-safety supervision — the ledger every inspection, hazard and
    statistic hangs from. It sits in a township, is supervised by an industry (its department), has a place
    type, risk tags, responsible people, the attributes the key-unit (消防安全重点单位) rules read, and its
    key-unit status with the rule-set version that decided it. Each unit has a social-unit organization
    so that its own staff can hold memberships scoped to it."""

    organization = models.OneToOneField(
        "org.Organization", on_delete=models.PROTECT, related_name="unit", verbose_name=_("组织")
    )
    name = models.CharField(_("单位名称"), max_length=120)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="units", verbose_name=_("所在乡镇（街道）")
    )
    latitude = models.DecimalField(
        _("纬度"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("经度"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    industry = models.ForeignKey(
        "org.Industry", null=True, blank=True, on_delete=models.PROTECT, related_name="units",
        verbose_name=_("主管行业"),
    )
    supervising_departments = models.ManyToManyField(
        "org.Organization", blank=True, related_name="supervised_units", verbose_name=_("监管部门")
    )
    place_type = models.ForeignKey(
        PlaceType, null=True, blank=True, on_delete=models.PROTECT, related_name="units", verbose_name=_("场所类型")
    )
    category = models.CharField(_("重点单位类别"), max_length=30, choices=UnitCategory.choices, default=UnitCategory.OTHER)
    risk_tags = models.ManyToManyField(RiskTag, blank=True, related_name="units", verbose_name=_("风险标签"))
    status = models.CharField(
        _("经营状态"), max_length=10, choices=OperatingStatus.choices, default=OperatingStatus.OPERATING, db_index=True
    )
    responsible_person = models.ForeignKey(
        "org.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("消防安全责任人")
    )
    safety_manager = models.ForeignKey(
        "org.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("消防安全管理人")
    )

    # Attributes read by the key-unit rules.
    building_area_m2 = models.DecimalField(_("建筑面积（㎡）"), max_digits=12, decimal_places=2, null=True, blank=True)
    sells_combustibles = models.BooleanField(_("经营可燃商品"), default=False)
    guest_rooms = models.PositiveIntegerField(_("客房数"), null=True, blank=True)
    inpatient_beds = models.PositiveIntegerField(_("住院床位"), null=True, blank=True)
    elderly_beds = models.PositiveIntegerField(_("养老床位"), null=True, blank=True)
    dormitory_beds = models.PositiveIntegerField(_("学生住宿床位"), null=True, blank=True)
    child_beds = models.PositiveIntegerField(_("儿童床位"), null=True, blank=True)
    seats = models.PositiveIntegerField(_("座位数"), null=True, blank=True)
    waiting_hall_area_m2 = models.DecimalField(
        _("候车（船）厅面积（㎡）"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    workers_on_site = models.PositiveIntegerField(_("同一时间生产作业人数"), null=True, blank=True)
    is_high_rise = models.BooleanField(_("高层建筑"), default=False)
    is_underground = models.BooleanField(_("地下建筑"), default=False)
    heritage_level = models.CharField(_("文物保护级别"), max_length=10, choices=HeritageLevel.choices, blank=True)
    admin_level = models.CharField(_("机关行政级别"), max_length=10, choices=AdminLevel.choices, blank=True)

    # Key-unit status: the engine suggests, an officer decides.
    is_key_unit = models.BooleanField(_("消防安全重点单位"), default=False, db_index=True)
    key_unit_tier = models.CharField(_("重点单位等级"), max_length=20, blank=True)
    key_unit_decision = models.CharField(
        _("认定结论"), max_length=10, choices=KeyUnitDecision.choices, blank=True, default=KeyUnitDecision.NONE
    )
    key_unit_rules = models.JSONField(_("认定依据"), default=list, blank=True)
    key_unit_ruleset = models.CharField(_("认定规则版本"), max_length=60, blank=True)
    key_unit_reason = models.TextField(_("认定说明"), blank=True)
    key_unit_decided_at = models.DateTimeField(_("认定时间"), null=True, blank=True)
    key_unit_decided_by = models.ForeignKey(
        "org.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("认定人")
    )
    key_unit_suggested = models.BooleanField(_("规则建议为重点单位"), null=True, blank=True)
    key_unit_needs_review = models.BooleanField(_("需复核重点单位状态"), default=False, db_index=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="region_id", industry="industry_id", unit="organization_id")

    class Meta:
        ordering = ["region_id", "name"]
        verbose_name = _("社会单位")
        verbose_name_plural = _("社会单位")
        constraints = [
            models.UniqueConstraint(fields=["credit_code"], condition=~Q(credit_code=""), name="unit_unique_credit_code"),
            models.UniqueConstraint(fields=["region", "name"], name="unit_unique_name_in_township"),
        ]
        indexes = [
            models.Index(fields=["region", "name"]),
            models.Index(fields=["industry", "region"]),
            models.Index(fields=["place_type", "region"]),
            models.Index(fields=["is_key_unit", "region"]),
        ]

    def __str__(self) -> str:
        return self.name
