from django.db import models
from django.utils.translation import gettext_lazy as _


class IncidentKind(models.TextChoices):
    """警情类型 (the categories of the fire and rescue service's incident statistics)."""

    FIRE = "fire", _("火灾扑救")
    RESCUE = "rescue", _("抢险救援")
    SOCIAL = "social", _("社会救助")
    DUTY = "duty", _("公务执勤")
    FALSE_ALARM = "false_alarm", _("虚假警情")
