"""Choices of the integrity app (党建与廉政)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["DrinkingStatus", "Relation"]


class Relation(models.TextChoices):
    SPOUSE = "spouse", _("配偶")
    CHILD = "child", _("子女")
    CHILD_SPOUSE = "child_spouse", _("子女配偶")
    PARENT = "parent", _("父母")
    SIBLING = "sibling", _("兄弟姐妹")
    OTHER = "other", _("其他近亲属")


class DrinkingStatus(models.TextChoices):
    SUBMITTED = "submitted", _("待审批")
    APPROVED = "approved", _("已同意")
    REFUSED = "refused", _("不同意")
