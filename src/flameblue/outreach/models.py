"""Records of the detachment's outward work: training sessions on the responsibility rules (宣贯会, 专题培训,
消防大讲堂) with their attendees, publicity drives (七进, 119宣传周, media campaigns …) with their reach and
photos, printed materials with their print runs and distributions, and the education bases with their
visits. The types are data (``rules/terms.yaml``); the figures of the annual summary ("1000余名各级党政领导和
部门负责人", "739人、4次", "2万册") are counted from these records (see ``selectors``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel
from flameblue.core.scoping import ScopedManager, ScopeSpec
from flameblue.outreach.choices import MaterialKind, TermKind

__all__ = [
    "Attendee",
    "BaseVisit",
    "Distribution",
    "EducationBase",
    "Material",
    "PrintRun",
    "PublicityDrive",
    "Term",
    "TrainingSession",
]


class Term(models.Model):
    """培训宣传分类: one entry of the outreach rule data — a training type (宣贯会 …), a rule taught
    (《消防安全责任制实施办法》 …), an audience type (党政领导 …), a publicity drive type (七进 …), a 七进 target
    (机关 …) or an education-base kind — loaded from ``rules/terms.yaml`` with its version. ``flags`` carries
    what the code reads: which coverage count an audience feeds, whether a drive type needs a target."""

    kind = models.CharField(_("分类"), max_length=20, choices=TermKind.choices, db_index=True)
    code = models.CharField(_("代码"), max_length=40)
    name = models.CharField(_("名称"), max_length=80)
    name_en = models.CharField(_("英文名称"), max_length=120, blank=True)
    order = models.PositiveSmallIntegerField(_("排序"), default=0)
    version = models.CharField(_("规则版本"), max_length=20)
    active = models.BooleanField(_("启用"), default=True)
    flags = models.JSONField(_("标记"), default=dict, blank=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["kind", "order", "code"]
        verbose_name = _("培训宣传分类")
        verbose_name_plural = _("培训宣传分类")
        constraints = [models.UniqueConstraint(fields=["kind", "code"], name="outreach_term_once")]

    def __str__(self) -> str:
        return self.name


def _term(kind: str) -> dict[str, str]:
    return {"kind": kind}


class TrainingSession(TrackedModel):
    """培训（宣贯会、专题培训、消防大讲堂）: one session — its topic, type, the rules taught, organiser (whose
    region scopes it), date, place and audience types. Attendance is its roster (:class:`Attendee`) when one
    was kept, else the head count typed in."""

    title = models.CharField(_("培训主题"), max_length=200)
    session_type = models.ForeignKey(
        Term, on_delete=models.PROTECT, related_name="+", limit_choices_to=_term(TermKind.TRAINING_TYPE),
        verbose_name=_("培训类型"),
    )  # fmt: skip
    rules_taught = models.ManyToManyField(
        Term, blank=True, related_name="+", limit_choices_to=_term(TermKind.RULE_TAUGHT),
        verbose_name=_("所学法规"),
    )  # fmt: skip
    audiences = models.ManyToManyField(
        Term,
        blank=True,
        related_name="+",
        limit_choices_to=_term(TermKind.AUDIENCE),
        verbose_name=_("受众类别"),
    )
    organiser = models.ForeignKey(
        "org.Organization", on_delete=models.PROTECT, related_name="+", verbose_name=_("组织单位")
    )
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在区划"), editable=False
    )
    held_on = models.DateField(_("培训日期"))
    place = models.CharField(_("培训地点"), max_length=200)
    head_count = models.PositiveIntegerField(
        _("参训人数（无花名册时）"), default=0, help_text=_("没有签到花名册时填写；有花名册时以花名册为准。")
    )
    note = models.TextField(_("备注"), blank=True)
    terms_version = models.CharField(_("分类规则版本"), max_length=20, editable=False)

    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("培训")
        verbose_name_plural = _("培训")
        indexes = [models.Index(fields=["region", "held_on"]), models.Index(fields=["held_on"])]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("outreach:session-detail", kwargs={"pk": self.pk})


class Attendee(models.Model):
    """参训人员: one line of a session's roster — a person in FlameBlue (``person``, with their government or
    department) or a name from a sign-in sheet with the organisation as written; the phone is kept masked
    only (the roster proves attendance, it is not a contact list). ``source_row`` is the sheet row it came
    from."""

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="attendees")
    person = models.ForeignKey(
        "org.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("人员"),
    )
    name = models.CharField(_("姓名"), max_length=40)
    organization = models.ForeignKey(
        "org.Organization", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("单位"),
    )  # fmt: skip
    organization_name = models.CharField(_("单位名称"), max_length=120)
    title = models.CharField(_("职务"), max_length=60, blank=True)
    phone_masked = models.CharField(_("手机（脱敏）"), max_length=20, blank=True)
    audience = models.ForeignKey(
        Term, on_delete=models.PROTECT, related_name="+", limit_choices_to=_term(TermKind.AUDIENCE),
        verbose_name=_("受众类别"),
    )  # fmt: skip
    source_row = models.PositiveIntegerField(_("签到表行号"), null=True, blank=True)
    created_at = models.DateTimeField(_("登记时间"), default=timezone.now)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="session__region_id")

    class Meta:
        ordering = ["session", "id"]
        verbose_name = _("参训人员")
        verbose_name_plural = _("参训人员")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "name", "organization_name"], name="outreach_attendee_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.organization_name}）"


class PublicityDrive(TrackedModel):
    """消防宣传活动: one publicity drive — its type (七进 with its target, 119宣传周, 3.15 销毁仪式, media
    campaigns, 消防大讲堂), date, township, organiser and reach (people present, online views), with photos
    (stored through the upload service)."""

    title = models.CharField(_("活动名称"), max_length=200)
    drive_type = models.ForeignKey(
        Term, on_delete=models.PROTECT, related_name="+", limit_choices_to=_term(TermKind.DRIVE_TYPE),
        verbose_name=_("活动类型"),
    )  # fmt: skip
    target = models.ForeignKey(
        Term, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        limit_choices_to=_term(TermKind.DRIVE_TARGET), verbose_name=_("“七进”对象"),
    )  # fmt: skip
    held_on = models.DateField(_("活动日期"))
    township = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("乡镇（街道）")
    )
    organiser = models.ForeignKey(
        "org.Organization", on_delete=models.PROTECT, related_name="+", verbose_name=_("组织单位")
    )
    present = models.PositiveIntegerField(_("现场人数"), default=0)
    online_views = models.PositiveIntegerField(_("网络浏览量"), default=0)
    account = models.TextField(_("活动简况"), blank=True)
    terms_version = models.CharField(_("分类规则版本"), max_length=20, editable=False)

    scope_spec = ScopeSpec(region="township_id")

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("宣传活动")
        verbose_name_plural = _("宣传活动")
        indexes = [models.Index(fields=["township", "held_on"]), models.Index(fields=["held_on"])]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("outreach:drive-detail", kwargs={"pk": self.pk})


class Material(TrackedModel):
    """宣传资料: a handbook, leaflet or poster (e.g. 《亳州市11类场所火灾隐患排查整治标准手册》) printed in runs
    and distributed to townships and units; the stock left is the copies printed less the copies
    distributed, counted from the rows (never typed)."""

    title = models.CharField(_("资料名称"), max_length=200)
    kind = models.CharField(_("资料类别"), max_length=10, choices=MaterialKind.choices)
    organiser = models.ForeignKey(
        "org.Organization", on_delete=models.PROTECT, related_name="+", verbose_name=_("编印单位")
    )
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在区划"), editable=False
    )
    note = models.TextField(_("说明"), blank=True)

    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["region_id", "title"]
        verbose_name = _("宣传资料")
        verbose_name_plural = _("宣传资料")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("outreach:material-detail", kwargs={"pk": self.pk})


class PrintRun(models.Model):
    """印制批次: copies of a material printed on a day."""

    material = models.ForeignKey(Material, on_delete=models.CASCADE, related_name="print_runs")
    printed_on = models.DateField(_("印制日期"))
    copies = models.PositiveIntegerField(_("印制数量"))
    printer = models.CharField(_("印制单位"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("登记时间"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="material__region_id")

    class Meta:
        ordering = ["material", "printed_on", "id"]
        verbose_name = _("印制批次")
        verbose_name_plural = _("印制批次")

    def __str__(self) -> str:
        return f"{self.material} {self.printed_on:%Y-%m-%d} × {self.copies}"


class Distribution(models.Model):
    """资料发放: copies of a material handed to a township (and, where named, a unit) on a day. A township
    sees what it received."""

    material = models.ForeignKey(Material, on_delete=models.CASCADE, related_name="distributions")
    distributed_on = models.DateField(_("发放日期"))
    township = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("乡镇（街道）")
    )
    unit = models.ForeignKey(
        "units.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("单位"),
    )
    recipient = models.CharField(_("接收人或接收单位"), max_length=120, blank=True)
    copies = models.PositiveIntegerField(_("发放数量"))
    created_at = models.DateTimeField(_("登记时间"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="township_id")

    class Meta:
        ordering = ["material", "distributed_on", "id"]
        verbose_name = _("资料发放")
        verbose_name_plural = _("资料发放")
        indexes = [models.Index(fields=["township", "distributed_on"])]

    def __str__(self) -> str:
        return f"{self.material} → {self.township} × {self.copies}"


class EducationBase(TrackedModel):
    """消防教育基地: an education base of one of the four kinds (应急消防教育培训, 应急消防科普教育, 社区消防体验,
    居民住宅区消防科普) — its place, region, operator and opening date; its visits count the visitors."""

    name = models.CharField(_("基地名称"), max_length=200)
    kind = models.ForeignKey(
        Term, on_delete=models.PROTECT, related_name="+", limit_choices_to=_term(TermKind.BASE_KIND),
        verbose_name=_("基地类别"),
    )  # fmt: skip
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在区划")
    )
    place = models.CharField(_("地点"), max_length=200)
    operator = models.ForeignKey(
        "org.Organization", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("建设（运营）单位"),
    )  # fmt: skip
    opened_on = models.DateField(_("开放日期"))
    note = models.TextField(_("说明"), blank=True)
    terms_version = models.CharField(_("分类规则版本"), max_length=20, editable=False)

    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["region_id", "name"]
        verbose_name = _("消防教育基地")
        verbose_name_plural = _("消防教育基地")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("outreach:base-detail", kwargs={"pk": self.pk})


class BaseVisit(models.Model):
    """基地参观: one visit to an education base — the day, the visiting group and how many visitors."""

    base = models.ForeignKey(EducationBase, on_delete=models.CASCADE, related_name="visits")
    visited_on = models.DateField(_("参观日期"))
    group_name = models.CharField(_("参观团体"), max_length=120, blank=True)
    visitors = models.PositiveIntegerField(_("参观人数"))
    created_at = models.DateTimeField(_("登记时间"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="base__region_id")

    class Meta:
        ordering = ["base", "-visited_on", "-id"]
        verbose_name = _("基地参观")
        verbose_name_plural = _("基地参观")

    def __str__(self) -> str:
        return f"{self.base} {self.visited_on:%Y-%m-%d} × {self.visitors}"
