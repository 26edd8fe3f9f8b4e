"""Political education (政治教育): programmes such as "不忘初心、牢记使命"主题教育, sessions of them (a lecture by an
invited teacher, a forum, a documentary, a visit to a patriotic-education base …) and who attended."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel
from flameblue.core.scoping import ScopedManager, ScopeSpec
from flameblue.org.models import Organization, Person

__all__ = ["EducationProgramme", "EducationSession", "SessionType"]


class SessionType(models.Model):
    """教育形式: a form of education session (邀请授课, 座谈交流, 观看专题片, 参观教育基地 …), loaded from
    ``rules/education-session-types.yaml``; the rule-set version is kept on the row."""

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
        verbose_name = _("教育形式")
        verbose_name_plural = _("教育形式")

    def __str__(self) -> str:
        return self.name


class EducationProgramme(TrackedModel):
    """教育专题: a political-education programme run by the detachment or a brigade over a period
    ("不忘初心、牢记使命"主题教育, "学训词、铸忠诚、创新业、立新功"专题教育, 三查三改三树 …)."""

    title = models.CharField(_("教育名称"), max_length=200)
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("组织单位")
    )
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在区划"), editable=False
    )
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))
    aims = models.TextField(_("目标与要求"), blank=True)

    # A programme is the whole detachment's (or a brigade's) announcement: every unit that holds sessions of
    # it must see it, so it is not narrowed to a region; its sessions and rosters are.
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("教育专题")
        verbose_name_plural = _("教育专题")

    def __str__(self) -> str:
        return self.title


class EducationSession(models.Model):
    """教育场次: one session of a programme — its form, date, place, the invited teacher or guide — held by
    a unit for its people, with the roster of who attended (``attendees``)."""

    programme = models.ForeignKey(EducationProgramme, on_delete=models.CASCADE, related_name="sessions")
    session_type = models.ForeignKey(
        SessionType, on_delete=models.PROTECT, related_name="+", verbose_name=_("教育形式")
    )
    types_version = models.CharField(_("形式规则版本"), max_length=20, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("承办单位")
    )
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在区划"), editable=False
    )
    title = models.CharField(_("场次主题"), max_length=200)
    held_on = models.DateField(_("日期"))
    place = models.CharField(_("地点"), max_length=200, blank=True)
    teacher = models.CharField(_("授课人/讲解人"), max_length=100, blank=True)
    attendees = models.ManyToManyField(Person, blank=True, related_name="+", verbose_name=_("参加人员"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["programme", "held_on", "id"]
        verbose_name = _("教育场次")
        verbose_name_plural = _("教育场次")
        indexes = [models.Index(fields=["programme", "held_on"])]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.title}"
