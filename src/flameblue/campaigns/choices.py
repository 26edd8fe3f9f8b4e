"""Choices of the campaigns app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["CampaignLevel", "CampaignStatus", "TargetOrigin"]


class CampaignLevel(models.TextChoices):
    CITY = "city", _("市级")
    COUNTY = "county", _("县级")


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("筹备中")
    LAUNCHED = "launched", _("进行中")
    CLOSED = "closed", _("已结束")


class TargetOrigin(models.TextChoices):
    LAUNCH = "launch", _("启动时按范围选定")
    ADDED = "added", _("启动后补充")
