"""Choices of the party-committee agenda (党委会议)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["MeetingKind", "TagPeriod"]


class MeetingKind(models.TextChoices):
    """会议类别."""

    COMMITTEE = "committee", _("党委会")
    ENLARGED = "enlarged", _("党委扩大会议")


class TagPeriod(models.TextChoices):
    """议题标签的频次周期."""

    QUARTER = "quarter", _("每季度")
    YEAR = "year", _("每年")
