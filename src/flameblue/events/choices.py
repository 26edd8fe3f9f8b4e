"""Choices of the event-security app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["EventLevel", "EventStatus", "IncidentKind", "VENUE_CONTEXT"]

#: How an event-security inspection names its venue (``Inspection.context_type``; ``context_id`` is the pk).
VENUE_CONTEXT = "events.venue"


class EventLevel(models.TextChoices):
    NATIONAL = "national", _("国家级")
    PROVINCE = "province", _("省级")
    CITY = "city", _("市级")
    COUNTY = "county", _("县级")


class EventStatus(models.TextChoices):
    PREPARING = "preparing", _("筹备")
    SECURING = "securing", _("安保中")
    ENDED = "ended", _("已结束")


class IncidentKind(models.TextChoices):
    FIRE = "fire", _("火情")
    ALARM = "alarm", _("误报警")
    HAZARD = "hazard", _("现场隐患")
    CROWD = "crowd", _("人员聚集")
    RESCUE = "rescue", _("抢险救援")
    OTHER = "other", _("其他")
