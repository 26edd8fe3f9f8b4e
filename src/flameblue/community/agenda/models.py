"""Party-committee meetings (党委会议) and their agenda items (议题), tagged from vocabularies held as rule data.

The module is written for any party work: a meeting belongs to the party committee of a detachment or a
brigade; a tag belongs to a vocabulary (``shuangyong``: the 双拥 "四不忘" aspects; the integrity app may add
its own) and carries its frequency rule (each quarter or each year, at least so many items)."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from flameblue.community.agenda.choices import MeetingKind, TagPeriod
from flameblue.core.models import TrackedModel
from flameblue.core.scoping import ScopedManager, ScopeSpec
from flameblue.org.models import Organization, Person

__all__ = ["AgendaItem", "AgendaTag", "PartyMeeting"]


class AgendaTag(models.Model):
    """议题标签: one tag of a vocabulary (e.g. "研究形势不忘分析" of the 双拥 "四不忘"), loaded from
    ``rules/agenda-tags.yaml`` with its frequency rule (``period``, ``minimum``) and the rule-set version."""

    vocabulary = models.CharField(_("词表"), max_length=40)
    vocabulary_name = models.CharField(_("词表名称"), max_length=60)
    code = models.CharField(_("代码"), max_length=40)
    name = models.CharField(_("名称"), max_length=60)
    short = models.CharField(_("简称"), max_length=20)
    name_en = models.CharField(_("英文名称"), max_length=100, blank=True)
    period = models.CharField(_("频次周期"), max_length=10, choices=TagPeriod.choices)
    minimum = models.PositiveSmallIntegerField(_("每周期至少"), default=1)
    order = models.PositiveSmallIntegerField(_("排序"), default=0)
    version = models.CharField(_("规则版本"), max_length=20)
    active = models.BooleanField(_("启用"), default=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["vocabulary", "order"]
        verbose_name = _("议题标签")
        verbose_name_plural = _("议题标签")
        constraints = [models.UniqueConstraint(fields=["vocabulary", "code"], name="community_tag_once")]

    def __str__(self) -> str:
        return self.short or self.name


class PartyMeeting(TrackedModel):
    """党委会议: a meeting of the party committee of the detachment or a brigade (``committee``: that
    organization) — a 党委会 or a 党委扩大会议 — on a date, with the people who attended."""

    committee = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="party_meetings", verbose_name=_("党委")
    )
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在区划"), editable=False
    )
    kind = models.CharField(_("会议类别"), max_length=20, choices=MeetingKind.choices)
    held_on = models.DateField(_("会议日期"))
    title = models.CharField(_("会议名称"), max_length=200)
    attendees = models.ManyToManyField(Person, blank=True, related_name="+", verbose_name=_("参会人员"))

    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("党委会议")
        verbose_name_plural = _("党委会议")
        indexes = [models.Index(fields=["committee", "held_on"])]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.title}"


class AgendaItem(models.Model):
    """会议议题: one item on a party-committee meeting's agenda — its title, who presented it, what was
    decided — with the tags of the aspects it serves (e.g. 议题、筹划、分析、检查 of the 双拥 "四不忘")."""

    meeting = models.ForeignKey(PartyMeeting, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField(_("序号"), default=1, validators=[MinValueValidator(1)])
    title = models.CharField(_("议题"), max_length=200)
    presenter = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("汇报人")
    )
    decision = models.TextField(_("会议决定"), blank=True)
    tags = models.ManyToManyField(AgendaTag, blank=True, related_name="items", verbose_name=_("标签"))

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="meeting__region_id")

    class Meta:
        ordering = ["meeting", "order", "id"]
        verbose_name = _("会议议题")
        verbose_name_plural = _("会议议题")

    def __str__(self) -> str:
        return self.title
