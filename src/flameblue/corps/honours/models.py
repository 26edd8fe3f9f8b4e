"""Honours and commendations (表彰奖励) of the corps' people and stations."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel
from flameblue.core.scoping import ScopeSpec
from flameblue.corps.honours.choices import AwardLevel, HonourCategory, HonourGrade
from flameblue.corps.staffing.chain import ChainManager
from flameblue.org.models import Organization, Person

__all__ = ["Honour"]


class Honour(TrackedModel):
    """表彰奖励: an individual honour (一/二/三等功、嘉奖、优秀…) of a person in FlameBlue, a collective one
    (先进单位、标兵站…) of a station or office, or an activity award (e.g. a singing contest's third prize) —
    with the awarding level (应急管理部/国家消防救援局、总队、支队、地方党委政府), the issuer, the date, the
    citation and the awarding document (an upload). ``unit`` is the station or office honoured, or the
    person's unit at the time. Seen within the unit's region."""

    category = models.CharField(_("类别"), max_length=20, choices=HonourCategory.choices, db_index=True)
    grade = models.CharField(_("表彰种类"), max_length=30, choices=HonourGrade.choices, db_index=True)
    title = models.CharField(_("荣誉名称"), max_length=120)
    level = models.CharField(_("授奖层级"), max_length=20, choices=AwardLevel.choices, db_index=True)
    issuer = models.CharField(_("授奖机关"), max_length=120)
    awarded_on = models.DateField(_("授奖日期"), db_index=True)
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("获奖人员")
    )
    unit = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("所在单位")
    )
    citation = models.TextField(_("事迹简介"), blank=True)
    document_number = models.CharField(_("文号"), max_length=80, blank=True)

    scope_spec = ScopeSpec(region="unit__region_id")
    objects = ChainManager()
    chain_station = "unit_id"  # a station sees its own (staffing/chain.py)

    class Meta:
        ordering = ["-awarded_on", "id"]
        verbose_name = _("表彰奖励")
        verbose_name_plural = _("表彰奖励")
        indexes = [models.Index(fields=["awarded_on", "level"], name="corps_honour_year_level")]

    def __str__(self) -> str:
        who = self.person.name if self.person_id else self.unit.name
        return f"{who} · {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("corps:honour-detail", kwargs={"pk": self.pk})
