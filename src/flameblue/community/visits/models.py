"""Holiday visits (走访慰问) at major holidays to governments, partners and residents, and the opinions and
suggestions collected on them (征求意见), each handled by an owner within a deadline."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from flameblue.community.visits.choices import OpinionStatus, VisiteeKind
from flameblue.core.models import TrackedModel, TransitionRecord
from flameblue.core.scoping import ScopedManager, ScopeSpec
from flameblue.org.models import Organization, Person

__all__ = ["Holiday", "HolidayVisit", "Opinion", "OpinionTransition"]


class Holiday(models.Model):
    """走访节日: a major holiday at which visits are made (春节, 八一, 国庆 …), loaded from
    ``rules/holidays.yaml``; the rule-set version is kept on the row."""

    code = models.CharField(_("代码"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=60)
    name_en = models.CharField(_("英文名称"), max_length=100, blank=True)
    order = models.PositiveSmallIntegerField(_("排序"), default=0)
    version = models.CharField(_("规则版本"), max_length=20)
    active = models.BooleanField(_("启用"), default=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("走访节日")
        verbose_name_plural = _("走访节日")

    def __str__(self) -> str:
        return self.name


class HolidayVisit(TrackedModel):
    """走访慰问: a visit by the detachment, a brigade or a station (``organization``; ``visitors`` who went)
    at a holiday to a government, a partner or residents (``visitee``), what was reported to them about our
    work, and the opinions collected (:class:`Opinion`)."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("走访单位")
    )
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在区划"), editable=False
    )
    holiday = models.ForeignKey(
        Holiday, on_delete=models.PROTECT, related_name="visits", verbose_name=_("节日")
    )
    visited_on = models.DateField(_("走访日期"))
    visitee_kind = models.CharField(_("走访对象类别"), max_length=20, choices=VisiteeKind.choices)
    visitee = models.CharField(_("走访对象"), max_length=200)
    partner = models.ForeignKey(
        "community.Partner", null=True, blank=True, on_delete=models.PROTECT, related_name="visits",
        verbose_name=_("共建单位"),
    )  # fmt: skip
    visitors = models.ManyToManyField(Person, blank=True, related_name="+", verbose_name=_("走访人员"))
    reported = models.TextField(_("通报工作情况"), blank=True)

    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-visited_on", "-id"]
        verbose_name = _("走访慰问")
        verbose_name_plural = _("走访慰问")
        indexes = [models.Index(fields=["region", "visited_on"])]

    def __str__(self) -> str:
        return f"{self.visited_on:%Y-%m-%d} {self.holiday} {self.visitee}"


class Opinion(TrackedModel):
    """意见建议: an opinion or suggestion collected on a visit, handed to an owner (责任单位) to answer by a
    deadline; the political office closes it once the answer satisfies. The sweep flags an unanswered one
    past its deadline (``overdue_since``) and tells the owner once."""

    visit = models.ForeignKey(HolidayVisit, on_delete=models.PROTECT, related_name="opinions")
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在区划"), editable=False
    )
    content = models.TextField(_("意见建议"))
    owner = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("责任单位")
    )
    due_on = models.DateField(_("答复期限"))
    status = models.CharField(
        _("状态"), max_length=20, choices=OpinionStatus.choices, default=OpinionStatus.OPEN, db_index=True
    )
    answer = models.TextField(_("答复情况"), blank=True)
    answered_on = models.DateField(_("答复日期"), null=True, blank=True)
    overdue_since = models.DateField(_("逾期起始日"), null=True, blank=True, editable=False)

    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("意见建议")
        verbose_name_plural = _("意见建议")
        indexes = [models.Index(fields=["status", "due_on"]), models.Index(fields=["region", "status"])]

    def __str__(self) -> str:
        return self.content[:40]


class OpinionTransition(TransitionRecord):
    """意见建议流转记录."""

    opinion = models.ForeignKey(Opinion, on_delete=models.CASCADE, related_name="transitions")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("意见建议流转记录")
        verbose_name_plural = _("意见建议流转记录")
