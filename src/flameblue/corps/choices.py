from django.db import models
from django.utils.translation import gettext_lazy as _


class Rank(models.TextChoices):
    """消防救援衔 (国家综合性消防救援队伍衔级)."""

    FIREFIGHTER_4 = "ff4", _("四级消防士")
    FIREFIGHTER_3 = "ff3", _("三级消防士")
    FIREFIGHTER_2 = "ff2", _("二级消防士")
    FIREFIGHTER_1 = "ff1", _("一级消防士")
    SENIOR_FF_3 = "sff3", _("三级消防长")
    SENIOR_FF_2 = "sff2", _("二级消防长")
    SENIOR_FF_1 = "sff1", _("一级消防长")
    RESCUER_3 = "r3", _("三级指挥员")
    RESCUER_2 = "r2", _("二级指挥员")
    RESCUER_1 = "r1", _("一级指挥员")
    SENIOR_RESCUER_3 = "sr3", _("三级指挥长")
    SENIOR_RESCUER_2 = "sr2", _("二级指挥长")
    SENIOR_RESCUER_1 = "sr1", _("一级指挥长")


class DutyStatus(models.TextChoices):
    ON_DUTY = "on_duty", _("在岗")
    TRAINING = "training", _("学习培训")
    LEAVE = "leave", _("休假")
    TRANSFERRED = "transferred", _("调离")


class ItemCategory(models.TextChoices):
    THEORY = "theory", _("理论")
    FITNESS = "fitness", _("体能")
    SKILL = "skill", _("个人技能")
    CREW_DRILL = "crew_drill", _("班组操法")


class ItemUnit(models.TextChoices):
    TIME = "time", _("用时（秒）")
    COUNT = "count", _("次数")
    SCORE = "score", _("分数")


class Direction(models.TextChoices):
    LOWER = "lower", _("越低越好")
    HIGHER = "higher", _("越高越好")


class CrewRule(models.TextChoices):
    """How a crew drill's one result is formed from its members' times."""

    NONE = "", _("个人成绩")
    SLOWEST = "slowest", _("以最慢队员用时计")
    PENALTY = "penalty", _("班组用时加失误罚时")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("考核中")
    PUBLISHED = "published", _("已公示")
