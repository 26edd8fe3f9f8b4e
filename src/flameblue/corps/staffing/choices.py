from django.db import models
from django.utils.translation import gettext_lazy as _


class RotationStatus(models.TextChoices):
    """驻训培育的流转：站推荐 → 支队批准（驻训）或不批准 → 期满考评。"""

    NOMINATED = "nominated", _("已推荐")
    APPROVED = "approved", _("驻训中")
    REFUSED = "refused", _("未批准")
    EVALUATED = "evaluated", _("已考评")


class RotationRating(models.TextChoices):
    EXCELLENT = "excellent", _("优秀")
    GOOD = "good", _("良好")
    PASS = "pass", _("合格")
    FAIL = "fail", _("不合格")
