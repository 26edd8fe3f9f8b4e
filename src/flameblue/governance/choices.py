from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingKind(models.TextChoices):
    """The committee's four mechanisms (87号 Art. 24) plus the plenary meeting."""

    PLENARY = "plenary", _("全体会议")
    ANALYSIS = "analysis", _("研判")
    COORDINATION = "coordination", _("协调")
    CONSULTATION = "consultation", _("会商")
    SUPERVISION = "supervision", _("督导")


class ActionItemStatus(models.TextChoices):
    OPEN = "open", _("待落实")
    ANSWERED = "answered", _("已反馈")
    CLOSED = "closed", _("已办结")


OPEN_ITEM_STATUSES = (ActionItemStatus.OPEN,)


class LetterStatus(models.TextChoices):
    DRAFT = "draft", _("待签订")
    SIGNED = "signed", _("已签订")
