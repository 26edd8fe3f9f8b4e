"""Choice lists of the working-day calendar."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["DaySource"]


class DaySource(models.TextChoices):
    CHINESE_CALENDAR = "chinese-calendar", _("国务院办公厅节假日安排（chinese-calendar）")
    WEEKDAY_DEFAULT = "weekday-default", _("按周一至周五生成")
    MANUAL = "manual", _("管理员修改")
