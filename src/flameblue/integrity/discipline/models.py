"""Discipline records of the integrity app (廉政监督): the clue register (廉政问题线索) and its exchange with the
procuratorate, the officers' phone registrations and yearly credit checks, family integrity pledges, warning
education sessions, public 述职述廉 and the ten service measures (便民利民十项措施). Clues and the exchange log
are seen by discipline officers only; an officer's own declarations by the officer and the discipline
officers; every read of a clue or a declaration is audited."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from flameblue.core.masking import mask_phone
from flameblue.core.models import TrackedModel, TransitionRecord
from flameblue.core.scoping import ScopedQuerySet, ScopeSpec
from flameblue.integrity.discipline.choices import (
    ClueSource,
    ClueStatus,
    CreditResult,
    ExchangeDirection,
    ExchangeKind,
    MeasureStatus,
    ReportRating,
    SessionKind,
)
from flameblue.org.models import Organization, Person

__all__ = [
    "Clue",
    "ClueTransition",
    "CreditCheck",
    "FamilyPledge",
    "IntegrityReport",
    "PhoneRegistration",
    "ProcuratorateExchange",
    "ServiceMeasure",
    "WarningSession",
]

ScopedManager = models.Manager.from_queryset(ScopedQuerySet)


def _own_manager():
    # Imported lazily: integrity.models imports this module at its end.
    from flameblue.integrity.models import OwnRecordManager

    return OwnRecordManager()


def _region(verbose: str = "所在区划"):
    return models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_(verbose), editable=False
    )


def _org(verbose: str):
    return models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=verbose, editable=False
    )


class Clue(TrackedModel):
    """廉政问题线索: one clue about an officer's integrity — where it came from (来信来访, 督察巡察, 检察院移送,
    大起底 …), whom it concerns, what it says, and its disposal path (初核, 谈话函询, 暂存待查, 予以了结, 立案审查)
    with the deadline of the current step from ``rules/clue-disposal.yaml`` (whose version is recorded). Seen
    by discipline officers only; every read is audited."""

    number = models.CharField(_("线索编号"), max_length=30, unique=True, editable=False)
    source = models.CharField(_("线索来源"), max_length=20, choices=ClueSource.choices)
    subject = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("反映对象")
    )
    organization = _org(_("反映对象单位"))
    region = _region()
    received_on = models.DateField(_("受理日期"))
    summary = models.TextField(_("反映问题摘要"))
    status = models.CharField(
        _("处置状态"),
        max_length=20,
        choices=ClueStatus.choices,
        default=ClueStatus.REGISTERED,
        editable=False,
    )
    step_started_on = models.DateField(_("本环节开始日期"), editable=False)
    step_due_on = models.DateField(_("本环节办理期限"), null=True, blank=True, editable=False)
    overdue_since = models.DateField(_("超期日期"), null=True, blank=True, editable=False)
    rules_version = models.CharField(_("规则版本"), max_length=20, editable=False)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("廉政问题线索")
        verbose_name_plural = _("廉政问题线索")
        indexes = [models.Index(fields=["status", "step_due_on"]), models.Index(fields=["region", "status"])]

    def __str__(self) -> str:
        return self.number


class ClueTransition(TransitionRecord):
    """线索处置记录: one step of a clue's disposal path (e.g. 待处置 → 初核), who decided it and why."""

    clue = models.ForeignKey(Clue, on_delete=models.CASCADE, related_name="transitions")

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="clue__region_id")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("线索处置记录")
        verbose_name_plural = _("线索处置记录")


class ProcuratorateExchange(TrackedModel):
    """检察院线索移送/反馈: one entry of the log kept with the city procuratorate under the clue-exchange
    arrangement — what was sent or received, when, under which document number, and the clue it concerns."""

    direction = models.CharField(_("方向"), max_length=10, choices=ExchangeDirection.choices)
    kind = models.CharField(_("类别"), max_length=10, choices=ExchangeKind.choices)
    exchanged_on = models.DateField(_("日期"))
    document_number = models.CharField(_("文号"), max_length=60, blank=True)
    summary = models.TextField(_("内容摘要"))
    clue = models.ForeignKey(
        Clue, on_delete=models.PROTECT, related_name="exchanges", null=True, blank=True,
        verbose_name=_("关联线索"),
    )  # fmt: skip
    organization = _org(_("登记单位"))
    region = _region()

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-exchanged_on", "-id"]
        verbose_name = _("检察院线索移送反馈")
        verbose_name_plural = _("检察院线索移送反馈")

    def __str__(self) -> str:
        return f"{self.exchanged_on:%Y-%m-%d} {self.get_direction_display()}"


class PhoneRegistration(TrackedModel):
    """手机登记 (手机管理): a phone an officer uses, registered with the discipline officer — the number (shown
    masked), the model and the date registered; withdrawn when no longer used."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("登记人"))
    organization = _org(_("登记人单位"))
    region = _region()
    number = models.CharField(_("手机号码"), max_length=20)
    model_name = models.CharField(_("品牌型号"), max_length=60)
    registered_on = models.DateField(_("登记日期"))
    active = models.BooleanField(_("在用"), default=True)

    objects = _own_manager()
    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["person", "-registered_on", "id"]
        verbose_name = _("手机登记")
        verbose_name_plural = _("手机登记")
        constraints = [models.UniqueConstraint(fields=["person", "number"], name="integrity_phone_once")]

    def __str__(self) -> str:
        return f"{self.person.name} {self.masked_number}"

    @property
    def masked_number(self) -> str:
        return mask_phone(self.number)


class CreditCheck(TrackedModel):
    """个人征信查询记录: the yearly record that an officer's credit report was checked — the date and whether it
    was clean or flagged. The report itself is never stored."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("查询人员"))
    organization = _org(_("所在单位"))
    region = _region()
    year = models.PositiveSmallIntegerField(_("年度"))
    checked_on = models.DateField(_("查询日期"))
    result = models.CharField(_("查询结果"), max_length=10, choices=CreditResult.choices)

    objects = _own_manager()
    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-year", "person", "id"]
        verbose_name = _("征信查询记录")
        verbose_name_plural = _("征信查询记录")
        constraints = [
            models.UniqueConstraint(fields=["person", "year"], name="integrity_credit_once_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.person.name} {self.year}"


class FamilyPledge(TrackedModel):
    """家庭助廉承诺书: an officer's family integrity pledge for a year, signed with a family member, with the
    signed copy; one per officer per year."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("承诺人"))
    organization = _org(_("承诺人单位"))
    region = _region()
    year = models.PositiveSmallIntegerField(_("年度"))
    signed_on = models.DateField(_("签订日期"))
    family_signatory = models.CharField(_("家属签名人"), max_length=60)
    signed_copy = models.ForeignKey(
        "core.StoredFile", on_delete=models.PROTECT, related_name="+", null=True, blank=True, editable=False,
        verbose_name=_("签字件"),
    )  # fmt: skip

    objects = _own_manager()
    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-year", "person", "id"]
        verbose_name = _("家庭助廉承诺书")
        verbose_name_plural = _("家庭助廉承诺书")
        constraints = [
            models.UniqueConstraint(fields=["person", "year"], name="integrity_pledge_once_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.person.name} {self.year}"


class WarningSession(TrackedModel):
    """警示教育: a warning-education session — a film shown or a talk given — on a date, with the roster of the
    officers who attended."""

    kind = models.CharField(_("形式"), max_length=10, choices=SessionKind.choices)
    title = models.CharField(_("主题"), max_length=120)
    held_on = models.DateField(_("日期"))
    place = models.CharField(_("地点"), max_length=120, blank=True)
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("组织单位")
    )
    region = _region()
    attendees = models.ManyToManyField(Person, related_name="+", verbose_name=_("参加人员"), blank=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("警示教育")
        verbose_name_plural = _("警示教育")

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.title}"


class IntegrityReport(TrackedModel):
    """述职述廉: an enforcement officer's public report on their duties and integrity — the date, the audience
    (service recipients, unit representatives …) and the rating it gave."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("述职人"))
    organization = _org(_("述职人单位"))
    region = _region()
    held_on = models.DateField(_("述职日期"))
    audience = models.CharField(_("参加评议人员"), max_length=200)
    audience_size = models.PositiveSmallIntegerField(_("评议人数"))
    rating = models.CharField(_("评议等次"), max_length=10, choices=ReportRating.choices)
    remarks = models.TextField(_("评议意见"), blank=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("述职述廉")
        verbose_name_plural = _("述职述廉")

    def __str__(self) -> str:
        return f"{self.person.name} {self.held_on:%Y-%m-%d}"


class ServiceMeasure(TrackedModel):
    """便民利民措施: one of the ten service measures for the public, loaded from
    ``rules/service-measures.yaml`` (code, title and text of the data file's version), with the status of its
    implementation and a note on progress."""

    code = models.CharField(_("编号"), max_length=10)
    rules_version = models.CharField(_("版本"), max_length=20, editable=False)
    title = models.CharField(_("措施"), max_length=120, editable=False)
    description = models.TextField(_("措施内容"), editable=False)
    status = models.CharField(
        _("落实状态"), max_length=10, choices=MeasureStatus.choices, default=MeasureStatus.PLANNED
    )
    progress = models.TextField(_("落实情况"), blank=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["rules_version", "code"]
        verbose_name = _("便民利民措施")
        verbose_name_plural = _("便民利民措施")
        constraints = [
            models.UniqueConstraint(fields=["code", "rules_version"], name="integrity_measure_version")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"
