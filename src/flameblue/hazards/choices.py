from django.db import models
from django.utils.translation import gettext_lazy as _


class HazardSource(models.TextChoices):
    SUPERVISION = "supervision", _("监督检查")
    SPOT_CHECK = "spot_check", _("双随机抽查")
    SELF_INSPECTION = "self_inspection", _("单位自查")
    TOWNSHIP_GRID = "township_grid", _("乡镇网格巡查")
    DEPARTMENT_CHECK = "department_check", _("行业部门检查")
    PUBLIC_TIP = "public_tip", _("群众举报投诉")
    CAMPAIGN = "campaign", _("专项整治")
    EVENT_SECURITY = "event_security", _("消防安保")
    POLICE_STATION = "police_station", _("公安派出所日常检查")


class HazardGrade(models.TextChoices):
    GENERAL = "general", _("一般隐患")
    PROMINENT = "prominent", _("突出隐患")
    MAJOR = "major", _("重大隐患")


class HazardStatus(models.TextChoices):
    FOUND = "found", _("已发现")
    CONFIRMED = "confirmed", _("已确认")
    RECTIFYING = "rectifying", _("整改中")
    COMPLETION_REPORTED = "completion_reported", _("已报整改完成")
    CLOSED = "closed", _("已整改销案")
    WITHDRAWN = "withdrawn", _("已撤销")
    DISMISSED = "dismissed", _("举报不属实")


OPEN_STATUSES = (
    HazardStatus.FOUND,
    HazardStatus.CONFIRMED,
    HazardStatus.RECTIFYING,
    HazardStatus.COMPLETION_REPORTED,
)


class DeadlineUnit(models.TextChoices):
    WORKING = "working", _("工作日")
    CALENDAR = "calendar", _("自然日")


class NoticeStatus(models.TextChoices):
    OPEN = "open", _("整改中")
    CLOSED = "closed", _("已办结")


class SupervisionStatus(models.TextChoices):
    FILED = "filed", _("已立案")
    REQUESTED = "requested", _("已提请挂牌")
    LISTED = "listed", _("挂牌督办中")
    REFUSED = "refused", _("政府未予挂牌")
    DELISTED = "delisted", _("已摘牌销案")


class DeterminationStage(models.TextChoices):
    """Where a major-hazard determination stands: open (discussion and panel may be recorded) or concluded."""

    OPEN = "open", _("判定中")
    CONCLUDED = "concluded", _("已作出结论")


class TipStatus(models.TextChoices):
    RECEIVED = "received", _("已受理")
    CHECKING = "checking", _("核查中")
    CONVERTED = "converted", _("已立为隐患")
    DISMISSED = "dismissed", _("经核查不属实")


class TipCategory(models.TextChoices):
    # Wording of 《消防监督检查规定》第十八条 (the categories checked within 24 hours).
    BLOCKED_EXIT = "blocked_exit", _("占用、堵塞、封闭疏散通道、安全出口或者其他妨碍安全疏散行为")
    FIRE_SYSTEM_DISABLED = "fire_system_disabled", _("擅自停用消防设施")
    OTHER = "other", _("其他火灾隐患")


#: Tip categories that must be checked within 24 hours (《消防监督检查规定》第十八条; see rules/tips.yaml).
URGENT_TIP_CATEGORIES = (TipCategory.BLOCKED_EXIT, TipCategory.FIRE_SYSTEM_DISABLED)


class EscalationKind(models.TextChoices):
    TIP_UNCHECKED = "tip_unchecked", _("举报逾期未核查")
    HAZARD_OVERDUE = "hazard_overdue", _("隐患逾期未整改")
    RECHECK_OVERDUE = "recheck_overdue", _("逾期未复查")
    LISTING_DECISION_LATE = "listing_decision_late", _("挂牌督办逾期未决定")
    SUPERVISION_REPORT_MISSING = "supervision_report_missing", _("督办报告逾期未报")
