"""Choices of holiday visits and opinions (走访慰问、征求意见)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["OpinionStatus", "VisiteeKind"]


class VisiteeKind(models.TextChoices):
    """走访对象类别."""

    GOVERNMENT = "government", _("党委政府")
    PARTNER = "partner", _("共建单位")
    RESIDENT = "resident", _("驻地群众")


class OpinionStatus(models.TextChoices):
    """意见建议办理状态."""

    OPEN = "open", _("待答复")
    ANSWERED = "answered", _("已答复")
    CLOSED = "closed", _("已办结")
