"""Choices of integrity's supervision sub-domain."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["ActivityKind", "FindingStatus", "RecordType", "OPEN_FINDING_STATUSES"]


class ActivityKind(models.TextChoices):
    CHIEF_INSPECTION = "chief_inspection", _("主官带队督察")
    AUDIT = "audit", _("审计")
    DISCIPLINE_PATROL = "discipline_patrol", _("纪检巡察")
    SPECIAL = "special", _("专项督察")
    FINANCE_CHECK = "finance_check", _("财经领域专项检查")
    CROSS_REVIEW = "cross_review", _("消防执法网上交叉巡查")


class FindingStatus(models.TextChoices):
    OPEN = "open", _("待整改")
    RECTIFYING = "rectifying", _("整改中")
    OVERDUE = "overdue", _("逾期未整改")
    REPORTED = "reported", _("已报整改完成")
    CLOSED = "closed", _("已销号")


OPEN_FINDING_STATUSES = (FindingStatus.OPEN, FindingStatus.RECTIFYING, FindingStatus.OVERDUE)


class RecordType(models.TextChoices):
    INSPECTION = "inspection", _("检查记录")
    HAZARD = "hazard", _("火灾隐患")
