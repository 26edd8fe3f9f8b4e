from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel
from flameblue.core.scoping import ScopedManager, ScopedQuerySet, ScopeSpec
from flameblue.units.choices import (
    AdminLevel,
    DeclarationStatus,
    HeritageLevel,
    KeyUnitDecision,
    OperatingStatus,
    RuleSetStatus,
    UnitCategory,
)

__all__ = [
    "ImportJobStatus",
    "KeyUnitDeclaration",
    "KeyUnitRuleSet",
    "PlaceType",
    "RiskTag",
    "Unit",
    "UnitImportJob",
]


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
    # No index of its own on region, industry, place type or the key-unit flag: the unique (region, name)
    # and the two-column indexes below lead with them, and an Excel import maintains every index per row.
    region = models.ForeignKey(
        "geo.Region",
        on_delete=models.PROTECT,
        related_name="units",
        verbose_name=_("所在乡镇（街道）"),
        db_index=False,
    )
    latitude = models.DecimalField(
        _("纬度"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("经度"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    industry = models.ForeignKey(
        "org.Industry",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="units",
        verbose_name=_("主管行业"),
        db_index=False,
    )
    supervising_departments = models.ManyToManyField(
        "org.Organization", blank=True, related_name="supervised_units", verbose_name=_("监管部门")
    )
    place_type = models.ForeignKey(
        PlaceType,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="units",
        verbose_name=_("场所类型"),
        db_index=False,
    )
    category = models.CharField(
        _("重点单位类别"), max_length=30, choices=UnitCategory.choices, default=UnitCategory.OTHER
    )
    risk_tags = models.ManyToManyField(RiskTag, blank=True, related_name="units", verbose_name=_("风险标签"))
    status = models.CharField(
        _("经营状态"),
        max_length=10,
        choices=OperatingStatus.choices,
        default=OperatingStatus.OPERATING,
        db_index=True,
    )
    responsible_person = models.ForeignKey(
        "org.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("消防安全责任人"),
    )
    safety_manager = models.ForeignKey(
        "org.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("消防安全管理人"),
    )

    # Attributes read by the key-unit rules.
    building_area_m2 = models.DecimalField(
        _("建筑面积（㎡）"), max_digits=12, decimal_places=2, null=True, blank=True
    )
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
    heritage_level = models.CharField(
        _("文物保护级别"), max_length=10, choices=HeritageLevel.choices, blank=True
    )
    admin_level = models.CharField(_("机关行政级别"), max_length=10, choices=AdminLevel.choices, blank=True)
    manages_building = models.BooleanField(
        _("整栋建筑的管理或使用单位"),
        default=False,
        help_text=_("本单位管理或使用整栋建筑（如高层建筑的产权、物业或整栋使用单位），而非其中的租户"),
    )
    combustible_structures = models.BooleanField(_("具有可燃建（构）筑物"), default=False)

    # Key-unit status: the engine suggests, an officer decides.
    is_key_unit = models.BooleanField(_("消防安全重点单位"), default=False)
    key_unit_tier = models.CharField(_("重点单位等级"), max_length=20, blank=True)
    key_unit_decision = models.CharField(
        _("认定结论"),
        max_length=10,
        choices=KeyUnitDecision.choices,
        blank=True,
        default=KeyUnitDecision.NONE,
    )
    key_unit_rules = models.JSONField(_("认定依据"), default=list, blank=True)
    key_unit_ruleset = models.CharField(_("认定规则版本"), max_length=60, blank=True)
    key_unit_reason = models.TextField(_("认定说明"), blank=True)
    key_unit_decided_at = models.DateTimeField(_("认定时间"), null=True, blank=True)
    key_unit_decided_by = models.ForeignKey(
        "org.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("认定人"),
    )
    key_unit_suggested = models.BooleanField(_("规则建议为重点单位"), null=True, blank=True)
    key_unit_needs_review = models.BooleanField(_("需复核重点单位状态"), default=False, db_index=True)
    key_unit_suggested_rules = models.JSONField(_("规则建议依据"), default=list, blank=True)
    key_unit_suggested_ruleset = models.CharField(_("规则建议版本"), max_length=120, blank=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="region_id", industry="industry_id", unit="organization_id")

    class Meta:
        ordering = ["region_id", "name"]
        verbose_name = _("社会单位")
        verbose_name_plural = _("社会单位")
        constraints = [
            models.UniqueConstraint(
                fields=["credit_code"], condition=~Q(credit_code=""), name="unit_unique_credit_code"
            ),
            models.UniqueConstraint(fields=["region", "name"], name="unit_unique_name_in_township"),
        ]
        # (region, name) is the unique constraint's index.
        indexes = [
            models.Index(fields=["industry", "region"]),
            models.Index(fields=["place_type", "region"]),
            models.Index(fields=["is_key_unit", "region"]),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from flameblue.units.validators import normalise_credit_code

        if self.credit_code:
            try:
                self.credit_code = normalise_credit_code(self.credit_code)
            except ValidationError as exc:
                raise ValidationError({"credit_code": exc.messages}) from exc


# ---------------------------------------------------------------------------------------------------------
# Excel import jobs (单位批量导入任务) — owned by the import/export work (units/sheets/, units/tasks.py).
# ---------------------------------------------------------------------------------------------------------


class ImportJobStatus(models.TextChoices):
    QUEUED = "queued", _("排队中")
    VALIDATING = "validating", _("校验中")
    FAILED = "failed", _("校验未通过")
    READY = "ready", _("待导入")
    IMPORTING = "importing", _("导入中")
    DONE = "done", _("已完成")
    INTERRUPTED = "interrupted", _("中断")


class UnitImportJobQuerySet(ScopedQuerySet):
    def mine(self, user) -> UnitImportJobQuerySet:
        """Import jobs are private to the person who uploaded the sheet."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(uploaded_by=user)


class UnitImportJob(models.Model):
    """单位批量导入任务: one uploaded Excel sheet of units on its way into the registry. The sheet is
    validated in full (every problem by row, column and reason), and only a clean sheet may be imported —
    all rows in one transaction. Large sheets are handled by a background worker that records its progress
    here, so the uploader can leave the page and come back. Visible only to the uploader."""

    file = models.FileField(_("导入文件"), upload_to="imports/units/%Y/%m/")
    original_name = models.CharField(_("原文件名"), max_length=200)
    uploaded_by = models.ForeignKey(
        "org.User", on_delete=models.PROTECT, related_name="unit_import_jobs", verbose_name=_("上传人")
    )
    status = models.CharField(
        _("状态"),
        max_length=12,
        choices=ImportJobStatus.choices,
        default=ImportJobStatus.QUEUED,
        db_index=True,
    )
    progress = models.PositiveSmallIntegerField(_("进度（%）"), default=0)
    total_rows = models.PositiveIntegerField(_("数据行数"), default=0)
    errors = models.JSONField(_("问题清单"), default=list, blank=True)
    summary = models.JSONField(_("导入预览"), default=dict, blank=True)
    created = models.PositiveIntegerField(_("新增"), default=0)
    updated = models.PositiveIntegerField(_("更新"), default=0)
    unchanged = models.PositiveIntegerField(_("无变化"), default=0)
    message = models.TextField(_("说明"), blank=True)
    created_at = models.DateTimeField(_("上传时间"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("更新时间"), default=timezone.now)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        _("最近心跳"),
        null=True,
        blank=True,
        help_text=_("处理中的任务定期更新；长时间没有更新说明处理进程已中断。"),
    )

    objects = ScopedManager.from_queryset(UnitImportJobQuerySet)()
    # Not scoped by region: a job belongs to its uploader (``mine``); the rows are scoped when validated.
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("单位导入任务")
        verbose_name_plural = _("单位导入任务")
        indexes = [models.Index(fields=["uploaded_by", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.original_name} · {self.get_status_display()}"

    @property
    def is_running(self) -> bool:
        return self.status in {ImportJobStatus.QUEUED, ImportJobStatus.VALIDATING, ImportJobStatus.IMPORTING}


class KeyUnitRuleSet(models.Model):
    """重点单位界定规则集: one version of a key-unit rule set (the national baseline 公通字〔2001〕97号, a
    provincial standard …) as loaded from ``units/rules/key-units-*.yaml``. Active sets are applied together;
    a higher priority set replaces lower ones category by category. Decisions record the version used."""

    code = models.CharField(_("代码"), max_length=40)
    version = models.CharField(_("版本"), max_length=40)
    name = models.CharField(_("名称"), max_length=120)
    status = models.CharField(
        _("状态"), max_length=10, choices=RuleSetStatus.choices, default=RuleSetStatus.ACTIVE
    )
    priority = models.IntegerField(
        _("优先级"), default=0, help_text=_("数值大的规则集按类别覆盖数值小的规则集。")
    )
    content = models.JSONField(_("规则内容"), default=dict)
    loaded_at = models.DateTimeField(_("加载时间"), auto_now=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["-priority", "code", "version"]
        verbose_name = _("重点单位界定规则集")
        verbose_name_plural = _("重点单位界定规则集")
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="keyunit_ruleset_unique_version")
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.code}@{self.version}）"


class KeyUnitDeclaration(TrackedModel):
    """重点单位年度申报: a key unit's declaration for a year (due by 31 January by default, see
    ``rules/declaration.yaml``) — what changed, who declared it, and how the brigade treated it. Units
    that did not declare and still qualify roll over (顺延); units that no longer qualify are proposed
    for removal from the key-unit list."""

    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="declarations", verbose_name=_("单位")
    )
    year = models.PositiveSmallIntegerField(_("申报年度"))
    status = models.CharField(
        _("状态"),
        max_length=20,
        choices=DeclarationStatus.choices,
        default=DeclarationStatus.SUBMITTED,
        db_index=True,
    )
    declared_by = models.ForeignKey(
        "org.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("申报人"),
    )
    declared_at = models.DateTimeField(_("申报时间"), null=True, blank=True)
    changes = models.TextField(_("本年度变化情况"), blank=True, help_text=_("无变化可留空。"))
    note = models.TextField(_("备注"), blank=True)
    rolled_over = models.BooleanField(_("自动顺延"), default=False)

    objects = ScopedManager()
    scope_spec = ScopeSpec(
        region="unit__region_id", industry="unit__industry_id", unit="unit__organization_id"
    )

    class Meta:
        ordering = ["-year", "unit__region_id", "unit__name"]
        verbose_name = _("重点单位年度申报")
        verbose_name_plural = _("重点单位年度申报")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="keyunit_declaration_once_a_year")
        ]
        indexes = [models.Index(fields=["year", "status"])]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}"
