from django.db import models
from django.utils.translation import gettext_lazy as _


class ObjectionStatus(models.TextChoices):
    """公示异议的流转：站提出 → 考核组答复（成立并更正成绩，或不成立并说明理由）。"""

    FILED = "filed", _("待答复")
    UPHELD = "upheld", _("异议成立")
    REJECTED = "rejected", _("异议不成立")
