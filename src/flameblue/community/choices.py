"""Choices of the 双拥 (community) app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["PartnerKind"]


class PartnerKind(models.TextChoices):
    """共建单位类别."""

    ORGAN = "organ", _("机关")
    SCHOOL = "school", _("学校")
    ENTERPRISE = "enterprise", _("厂矿企业")
    COMMUNITY = "community", _("社区")
    VILLAGE = "village", _("农村")
    ARMY = "army", _("部队")
    OTHER = "other", _("其他")
