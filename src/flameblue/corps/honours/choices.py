from django.db import models
from django.utils.translation import gettext_lazy as _


class HonourCategory(models.TextChoices):
    INDIVIDUAL = "individual", _("个人表彰")
    COLLECTIVE = "collective", _("集体表彰")
    ACTIVITY = "activity", _("活动奖项")


class HonourGrade(models.TextChoices):
    """表彰奖励种类. Which grade suits which category is in :data:`GRADES_BY_CATEGORY`."""

    MERIT_1 = "merit_1", _("一等功")
    MERIT_2 = "merit_2", _("二等功")
    MERIT_3 = "merit_3", _("三等功")
    COMMENDATION = "commendation", _("嘉奖")
    EXCELLENT = "excellent", _("优秀（优秀消防员、优秀指挥员等）")
    ADVANCED_INDIVIDUAL = "advanced_individual", _("先进个人")
    COLLECTIVE_MERIT_2 = "collective_merit_2", _("集体二等功")
    COLLECTIVE_MERIT_3 = "collective_merit_3", _("集体三等功")
    ADVANCED_UNIT = "advanced_unit", _("先进单位")
    MODEL_STATION = "model_station", _("标兵站（中队）")
    PRIZE = "prize", _("活动奖项")


class AwardLevel(models.TextChoices):
    """授奖层级, highest first. "总队级以上" counts MINISTRY and CORPS (:data:`CORPS_OR_ABOVE`)."""

    MINISTRY = "ministry", _("应急管理部/国家消防救援局")
    CORPS = "corps", _("总队")
    DETACHMENT = "detachment", _("支队")
    LOCAL_GOVERNMENT = "local_government", _("地方党委政府")


GRADES_BY_CATEGORY = {
    HonourCategory.INDIVIDUAL: {
        HonourGrade.MERIT_1, HonourGrade.MERIT_2, HonourGrade.MERIT_3, HonourGrade.COMMENDATION,
        HonourGrade.EXCELLENT, HonourGrade.ADVANCED_INDIVIDUAL,
    },
    HonourCategory.COLLECTIVE: {
        HonourGrade.COLLECTIVE_MERIT_2, HonourGrade.COLLECTIVE_MERIT_3, HonourGrade.ADVANCED_UNIT,
        HonourGrade.MODEL_STATION,
    },
    HonourCategory.ACTIVITY: {HonourGrade.PRIZE},
}  # fmt: skip

CORPS_OR_ABOVE = (AwardLevel.MINISTRY, AwardLevel.CORPS)
