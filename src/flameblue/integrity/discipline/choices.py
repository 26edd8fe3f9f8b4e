"""Choices of the discipline records (廉政监督)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "ClueSource",
    "ClueStatus",
    "CreditResult",
    "ExchangeDirection",
    "ExchangeKind",
    "MeasureStatus",
    "ReportRating",
    "SessionKind",
]


class ClueSource(models.TextChoices):
    LETTER = "letter", _("来信来访")
    INSPECTION = "inspection", _("督察巡察")
    PROCURATORATE = "procuratorate", _("检察院移送")
    SWEEP = "sweep", _("廉政问题线索大起底")
    AUDIT = "audit", _("审计发现")
    OTHER = "other", _("其他")


class ClueStatus(models.TextChoices):
    """The disposal path of a clue; which move is allowed and each step's deadline are in
    ``rules/clue-disposal.yaml``."""

    REGISTERED = "registered", _("待处置")
    PRELIMINARY = "preliminary", _("初核")
    TALK = "talk", _("谈话函询")
    SHELVED = "shelved", _("暂存待查")
    FILED = "filed", _("立案审查")
    CLOSED = "closed", _("予以了结")
    CONCLUDED = "concluded", _("审查结案")


class ExchangeDirection(models.TextChoices):
    SENT = "sent", _("移送检察院")
    RECEIVED = "received", _("检察院移送")


class ExchangeKind(models.TextChoices):
    CLUE = "clue", _("线索移送")
    FEEDBACK = "feedback", _("处理结果反馈")
    NOTICE = "notice", _("情况通报")


class CreditResult(models.TextChoices):
    CLEAN = "clean", _("无异常")
    FLAG = "flag", _("有异常")


class SessionKind(models.TextChoices):
    FILM = "film", _("警示教育片")
    TALK = "talk", _("警示教育讲座")


class ReportRating(models.TextChoices):
    EXCELLENT = "excellent", _("好")
    GOOD = "good", _("较好")
    FAIR = "fair", _("一般")
    POOR = "poor", _("差")


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("未启动")
    ACTIVE = "active", _("推进中")
    DONE = "done", _("已落实")
    SUSPENDED = "suspended", _("暂缓")
