"""Choices of the outreach app (the types themselves are data: ``rules/terms.yaml``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["MaterialKind", "Official", "TermKind"]


class TermKind(models.TextChoices):
    TRAINING_TYPE = "training_type", _("培训类型")
    RULE_TAUGHT = "rule_taught", _("所学法规")
    AUDIENCE = "audience", _("受众类别")
    DRIVE_TYPE = "drive_type", _("宣传活动类型")
    DRIVE_TARGET = "drive_target", _("“七进”对象")
    BASE_KIND = "base_kind", _("教育基地类别")


class Official(models.TextChoices):
    """Which count of the coverage figures an audience type feeds (``official`` in the terms file)."""

    LEADER = "leader", _("党政领导")
    DEPARTMENT_HEAD = "department_head", _("部门负责人")


class MaterialKind(models.TextChoices):
    HANDBOOK = "handbook", _("手册")
    LEAFLET = "leaflet", _("宣传单")
    POSTER = "poster", _("海报")
