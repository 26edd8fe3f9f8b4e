from django.db import models
from django.utils.translation import gettext_lazy as _


class ChecklistKind(models.TextChoices):
    COMBAT_READINESS = "combat_readiness", _("执勤作战大检查")
    SAFETY_100_DAYS = "safety_100_days", _("百日安全创建")


class Answer(models.TextChoices):
    PASS = "pass", _("符合")
    FAIL = "fail", _("不符合")
    NA = "na", _("不适用")
