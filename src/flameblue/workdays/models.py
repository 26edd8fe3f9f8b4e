"""The working-day calendar (工作日历) every deadline counted in working days is computed on."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel
from flameblue.core.scoping import ScopeSpec
from flameblue.workdays.choices import DaySource

__all__ = ["WorkingDay"]


class WorkingDay(TrackedModel):
    """工作日历中的一天: whether a date is a working day (工作日) or a rest day (休息日) under the State
    Council's yearly holiday arrangement, including make-up working days (调休上班) on weekends and holidays
    such as 春节 or 国庆节 on weekdays. Seeded from the chinese-calendar package; an administrator may correct
    a day, and every correction is audited. A year counts as known only when all of its days are present."""

    date = models.DateField(_("日期"), primary_key=True)
    is_working_day = models.BooleanField(_("工作日"))
    note = models.CharField(_("说明"), max_length=50, blank=True, help_text=_("如：春节、国庆节、调休上班"))
    source = models.CharField(_("来源"), max_length=20, choices=DaySource.choices, default=DaySource.MANUAL)

    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("工作日历日")
        verbose_name_plural = _("工作日历")

    def __str__(self) -> str:
        kind = _("工作日") if self.is_working_day else _("休息日")
        return f"{self.date.isoformat()} {kind}{' ' + self.note if self.note else ''}"

    @property
    def is_standard(self) -> bool:
        """True when the day is what Monday–Friday alone would say (no holiday, no make-up day)."""
        return self.is_working_day == (self.date.weekday() < 5)
