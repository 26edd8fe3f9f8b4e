"""Status and option vocabularies of the enforcement app (临时查封, 营业前消防安全检查, 大型群众性活动检查)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "CheckPath",
    "CheckResult",
    "EventCheckStatus",
    "PreOpeningStatus",
    "SealingClock",
    "SealingStatus",
]


class SealingStatus(models.TextChoices):
    PROPOSED = "proposed", _("拟查封待研究")
    DECIDED = "decided", _("已决定待送达")
    REJECTED = "rejected", _("决定不予查封")
    SERVED = "served", _("决定书已送达")
    SEALED = "sealed", _("查封中")
    LIFT_REQUESTED = "lift_requested", _("申请解除待检查")
    CHECKED = "checked", _("检查合格待解除")
    LIFTED = "lifted", _("已解除")


class SealingClock(models.TextChoices):
    """Which statutory clock the sealing's ``due_on`` is counting (empty when none runs)."""

    DECIDE_SERVE = "decide_serve", _("集体研究并送达决定书")
    EXECUTE = "execute", _("实施查封")
    LIFT_CHECK = "lift_check", _("解封申请现场检查")
    LIFT_DECIDE = "lift_decide", _("作出解封决定")


class CheckPath(models.TextChoices):
    COMMITMENT = "commitment", _("告知承诺")
    STANDARD = "standard", _("一般程序（检查后许可）")


class CheckResult(models.TextChoices):
    PASSED = "passed", _("合格")
    FAILED = "failed", _("不合格")


class PreOpeningStatus(models.TextChoices):
    APPLIED = "applied", _("已申请待受理")
    NOT_ACCEPTED = "not_accepted", _("不予受理")
    ACCEPTED = "accepted", _("已受理待检查")
    LICENSED = "licensed", _("已许可待核查")
    PASSED = "passed", _("检查合格")
    FAILED = "failed", _("检查不合格")
    VERIFIED = "verified", _("核查相符")
    REVOKED = "revoked", _("核查不符·撤销许可")


class EventCheckStatus(models.TextChoices):
    APPLIED = "applied", _("已申请待受理")
    ACCEPTED = "accepted", _("已受理待检查")
    PASSED = "passed", _("检查合格")
    FAILED = "failed", _("检查不合格")
