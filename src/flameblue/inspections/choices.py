"""Enumerations of the checklist domain: what kind of form a checklist is, its publication status, hazard
grades and how a measured item is compared with the threshold of GB 35181."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

# One definition of hazard grades: checklists suggest the grades the hazards app records.
from flameblue.hazards.choices import HazardGrade
from flameblue.units.loader import place_type_names

__all__ = ["ChecklistKind", "ChecklistStatus", "Comparison", "HazardGrade", "MeasurementKind", "PLACE_TYPES"]


class ChecklistKind(models.TextChoices):
    PLACE = "place", _("场所检查表")
    PATROL = "patrol", _("每日防火巡查")
    MONTHLY_CHECK = "monthly_check", _("每月防火检查")
    SMALL_PLACE = "small_place", _("九小场所简表")


class ChecklistStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    PUBLISHED = "published", _("已发布")
    RETIRED = "retired", _("已停用")


class MeasurementKind(models.TextChoices):
    #: numerator / denominator of the same population, e.g. damaged fire doors / fire doors in the compartment.
    RATIO = "ratio", _("比例")
    #: a measured value against the value the code requires, e.g. measured travel distance / code limit.
    EXCEEDANCE = "exceedance", _("实测值与规范值之比")


class Comparison(models.TextChoices):
    GREATER = ">", _("大于")
    GREATER_EQUAL = ">=", _("大于等于")
    LESS = "<", _("小于")
    LESS_EQUAL = "<=", _("小于等于")


#: The working place types of the checklists (domain.md §3) and the police stations' check objects, read from
#: the unit registry's data file (``units/rules/place-types.yaml``), so a place type is defined once.
PLACE_TYPES: dict[str, str] = place_type_names()


class InspectionKind(models.TextChoices):
    SUPERVISION = "supervision", _("监督检查")
    SPOT_CHECK = "spot_check", _("双随机抽查")
    DEPARTMENT_CHECK = "department_check", _("行业部门检查")
    GRID_PATROL = "grid_patrol", _("乡镇网格巡查")
    SELF_PATROL = "self_patrol", _("单位防火巡查")
    SELF_MONTHLY = "self_monthly", _("单位月度防火检查")
    CAMPAIGN = "campaign", _("专项整治检查")
    EVENT_SECURITY = "event_security", _("消防安保检查")
    RECHECK = "recheck", _("隐患复查")
    POLICE_CHECK = "police_check", _("派出所日常消防监督检查")


class InspectionStatus(models.TextChoices):
    DRAFT = "draft", _("填写中")
    SUBMITTED = "submitted", _("已提交")


class AnswerResult(models.TextChoices):
    PASS = "pass", _("合格")
    FAIL = "fail", _("不合格")
    NOT_APPLICABLE = "na", _("不适用")


class DrawStatus(models.TextChoices):
    DRAFT = "draft", _("待抽取")
    DRAWN = "drawn", _("已抽取")
    PUBLISHED = "published", _("已公开")
