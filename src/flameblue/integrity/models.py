"""Records of party work and integrity (党建与廉政) in the fire and rescue corps: the committee members' liaison
points and their visits (联系点蹲点), the yearly declarations of close relatives' businesses (近亲属经商办企业)
and the prior reports of drinking occasions (饮酒报备). Declarations and drinking reports are the most
restricted records of FlameBlue: a discipline officer sees those of their jurisdiction, every other officer
only their own, and every read of one is audited."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel, TransitionRecord
from flameblue.core.scoping import ScopedQuerySet, ScopeSpec, has_action, within_scopes
from flameblue.integrity.choices import DrinkingStatus, Relation
from flameblue.org.models import Organization, Person

__all__ = [
    "DrinkingReport",
    "LiaisonObligation",
    "DrinkingReportTransition",
    "LiaisonPoint",
    "LiaisonVisit",
    "OwnRecordQuerySet",
    "RelativeBusiness",
]

#: The action that reaches every record of a jurisdiction (granted to discipline officers only).
OVERSEE = "oversee"


class OwnRecordQuerySet(ScopedQuerySet):
    """Personal integrity records: ``view`` reaches the records in the scopes where the user may ``oversee``
    plus the user's own (when a role grants ``view``); any other action is scoped as usual."""

    def visible_to(self, user, action: str = "view"):
        if action != "view":
            return super().visible_to(user, action)
        overseen = within_scopes(self, user, self.model, OVERSEE)
        if not has_action(user, self.model, "view") or not getattr(user, "person_id", None):
            return overseen
        return self.filter(Q(pk__in=overseen.values("pk")) | Q(person_id=user.person_id))


OwnRecordManager = models.Manager.from_queryset(OwnRecordQuerySet)


class LiaisonObligation(models.Model):
    """蹲点义务: one recurring obligation of the committee members towards each liaison point (e.g. "每季度到每个
    联系点蹲点至少一次"), loaded from ``rules/liaison-obligations.yaml``; a version is never rewritten, a changed
    rule is a new version and the due list names the version it used."""

    code = models.CharField(_("代码"), max_length=40)
    version = models.CharField(_("版本"), max_length=20)
    name = models.CharField(_("义务"), max_length=200)
    period = models.CharField(_("周期"), max_length=10, choices=[("quarter", _("季度")), ("year", _("年度"))])
    min_visits = models.PositiveSmallIntegerField(_("每周期至少蹲点次数"))

    objects = models.Manager.from_queryset(ScopedQuerySet)()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["version", "id"]
        verbose_name = _("蹲点义务")
        verbose_name_plural = _("蹲点义务")
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="integrity_obligation_version")
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.version}）"


class LiaisonPoint(TrackedModel):
    """党委委员联系点: a station or brigade that a member of the detachment's party committee has as a liaison
    point (党委一线工作法), from a date; the member visits it (蹲点) as the obligations in
    ``rules/liaison-obligations.yaml`` require."""

    member = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="liaison_points", verbose_name=_("党委委员")
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("联系点（站、大队）")
    )
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在区划"), editable=False
    )
    since = models.DateField(_("确定日期"))
    active = models.BooleanField(_("有效"), default=True)

    objects = models.Manager.from_queryset(ScopedQuerySet)()
    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["member", "organization"]
        verbose_name = _("党委委员联系点")
        verbose_name_plural = _("党委委员联系点")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "organization"], name="integrity_one_point_per_member_org"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member.name} → {self.organization.name}"


class LiaisonVisit(TrackedModel):
    """蹲点记录: one visit of a committee member to a liaison point — the date, what was done, the problems
    found and the follow-up they need."""

    point = models.ForeignKey(
        LiaisonPoint, on_delete=models.PROTECT, related_name="visits", verbose_name=_("联系点")
    )
    visited_on = models.DateField(_("蹲点日期"))
    days = models.PositiveSmallIntegerField(_("蹲点天数"), default=1)
    work = models.TextField(_("蹲点工作内容"))
    problems = models.TextField(_("发现问题"), blank=True)
    follow_up = models.TextField(_("整改跟进"), blank=True)

    objects = models.Manager.from_queryset(ScopedQuerySet)()
    scope_spec = ScopeSpec(region="point__region_id")

    class Meta:
        ordering = ["-visited_on", "-id"]
        verbose_name = _("蹲点记录")
        verbose_name_plural = _("蹲点记录")
        indexes = [models.Index(fields=["point", "visited_on"])]

    def __str__(self) -> str:
        return f"{self.point} {self.visited_on:%Y-%m-%d}"


class RelativeBusiness(TrackedModel):
    """近亲属经商办企业申报: one business of a close relative declared by an officer in the yearly declaration —
    the relative, the relation, the enterprise with its unified social credit code (统一社会信用代码), township
    and business scope. The declaration service matches it against the unit registry and the fire-technical-
    service rule; a match makes it a conflict of interest (利益冲突) that the 双随机 draw and inspector
    assignment respect. The rule version that decided it is kept."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="relative_businesses", verbose_name=_("申报人")
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("申报人单位"), editable=False
    )
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在区划"), editable=False
    )
    year = models.PositiveSmallIntegerField(_("申报年度"))
    relative_name = models.CharField(_("亲属姓名"), max_length=60)
    relation = models.CharField(_("关系"), max_length=20, choices=Relation.choices)
    enterprise_name = models.CharField(_("企业名称"), max_length=120)
    uscc = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    township = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", null=True, blank=True,
        verbose_name=_("企业所在乡镇（街道）"),
    )  # fmt: skip
    business_scope = models.TextField(_("经营范围"), blank=True)
    matched_unit = models.ForeignKey(
        "units.Unit", on_delete=models.PROTECT, related_name="+", null=True, blank=True, editable=False,
        verbose_name=_("对应单位"),
    )  # fmt: skip
    fire_service_firm = models.BooleanField(_("消防技术服务机构"), default=False, editable=False)
    conflict_reason = models.CharField(_("利益冲突认定"), max_length=200, blank=True, editable=False)
    rules_version = models.CharField(_("规则版本"), max_length=20, editable=False)

    objects = OwnRecordManager()
    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-year", "person", "id"]
        verbose_name = _("近亲属经商办企业申报")
        verbose_name_plural = _("近亲属经商办企业申报")
        indexes = [models.Index(fields=["matched_unit", "year"]), models.Index(fields=["person", "year"])]

    def __str__(self) -> str:
        return f"{self.year} {self.enterprise_name}"

    @property
    def is_conflict(self) -> bool:
        return bool(self.conflict_reason)


class DrinkingReport(TrackedModel):
    """饮酒报备: an officer's report, before the occasion, that they will drink (a family event, a wedding …):
    when, where, why and with whom; a discipline officer approves or refuses it."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="drinking_reports", verbose_name=_("报备人")
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("报备人单位"), editable=False
    )
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在区划"), editable=False
    )
    occasion_on = models.DateField(_("饮酒日期"))
    place = models.CharField(_("地点"), max_length=120)
    reason = models.CharField(_("事由"), max_length=200)
    companions = models.TextField(_("同饮人员"), blank=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=DrinkingStatus.choices, default=DrinkingStatus.SUBMITTED,
        editable=False,
    )  # fmt: skip
    decision_note = models.TextField(_("审批意见"), blank=True, editable=False)

    objects = OwnRecordManager()
    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-occasion_on", "-id"]
        verbose_name = _("饮酒报备")
        verbose_name_plural = _("饮酒报备")
        indexes = [models.Index(fields=["status", "occasion_on"])]

    def __str__(self) -> str:
        return f"{self.person.name} {self.occasion_on:%Y-%m-%d}"


class DrinkingReportTransition(TransitionRecord):
    """饮酒报备审批记录: one move of a drinking report (submitted → approved / refused)."""

    report = models.ForeignKey(DrinkingReport, on_delete=models.CASCADE, related_name="transitions")

    objects = models.Manager.from_queryset(ScopedQuerySet)()
    scope_spec = ScopeSpec(region="report__region_id")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("饮酒报备审批记录")
        verbose_name_plural = _("饮酒报备审批记录")


from flameblue.integrity.discipline.models import *  # noqa: E402,F403  廉政监督 (clues, declarations …)
from flameblue.integrity.supervision.models import *  # noqa: E402,F403  (supervision of the corps)
