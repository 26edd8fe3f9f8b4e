from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingKind(models.TextChoices):
    """The committee's four mechanisms (87号 Art. 24) plus the plenary meeting."""

    PLENARY = "plenary", _("全体会议")
    ANALYSIS = "analysis", _("研判")
    COORDINATION = "coordination", _("协调")
    CONSULTATION = "consultation", _("会商")
    SUPERVISION = "supervision", _("督导")


class RecordKind(models.TextChoices):
    """Where a government studied or pushed fire safety outside its committee (87号 Art. 6–8)."""

    PARTY_STANDING = "party_standing", _("党委常委会议研究消防工作")
    EXECUTIVE = "executive", _("政府常务会议研究消防工作")
    POLICY = "policy", _("出台消防工作政策文件")
    VISIT = "visit", _("领导检查调研")


class ActionItemStatus(models.TextChoices):
    OPEN = "open", _("待落实")
    ANSWERED = "answered", _("已反馈")
    CLOSED = "closed", _("已办结")


OPEN_ITEM_STATUSES = (ActionItemStatus.OPEN,)


class LetterStatus(models.TextChoices):
    DRAFT = "draft", _("待签订")
    SIGNED = "signed", _("已签订")


class ScoringMethod(models.TextChoices):
    """How an assessment item is scored (年度消防工作考核)."""

    COMPUTED = "computed", _("记录计算")
    MANUAL = "manual", _("人工评分（须佐证）")
    DEDUCTION = "deduction", _("按事件扣分")
    VETO = "veto", _("一票否决")


class Indicator(models.TextChoices):
    """The indicators FlameBlue computes from its own records for ``computed`` assessment items; each one is
    a selector over the assessed region or department and year."""

    HAZARD_RECTIFICATION_RATE = "hazard_rectification_rate", _("火灾隐患整改率")
    HAZARD_ON_TIME_RATE = "hazard_on_time_rate", _("火灾隐患按期整改率")
    LISTED_HAZARD_DELISTED_ON_TIME = "listed_hazard_delisted_on_time", _("挂牌督办隐患按期销案率")
    TIPS_CHECKED_ON_TIME = "tips_checked_on_time", _("举报投诉按期核查率")
    KEY_UNIT_SELF_INSPECTION = "key_unit_self_inspection", _("重点单位每月自查落实率")
    SUPERVISION_INSPECTIONS_DONE = "supervision_inspections_done", _("到期监督检查完成率")
    OFFICIALS_TRAINED = "officials_trained", _("领导干部和监管人员培训")
    COMMITTEE_MEETINGS_HELD = "committee_meetings_held", _("委员会各机制会议召开次数")
    LETTERS_SIGNED = "letters_signed", _("目标管理责任书签订率")
    ACTION_ITEMS_ANSWERED_ON_TIME = "action_items_answered_on_time", _("督办事项按期反馈率")


#: Indicators whose records FlameBlue does not keep yet: an item measured by one must be scored by hand.
MANUAL_ONLY_INDICATORS = (Indicator.OFFICIALS_TRAINED,)


class SeatPosition(models.TextChoices):
    """A seat on a fire-safety committee (消防安全委员会组成人员)."""

    DIRECTOR = "director", _("主任")
    DEPUTY = "deputy", _("副主任")
    MEMBER = "member", _("成员单位")
    OFFICE_DIRECTOR = "office_director", _("办公室主任")


class AssessmentStatus(models.TextChoices):
    """An annual assessment: the assessed fill their self-assessment, the team reviews, results published."""

    OPEN = "open", _("自评中")
    REVIEWING = "reviewing", _("审核中")
    PUBLISHED = "published", _("已公布")


class EntryStatus(models.TextChoices):
    SELF_ASSESSING = "self_assessing", _("自评中")
    SUBMITTED = "submitted", _("已提交自评")
    REVIEWED = "reviewed", _("已审核")
