"""Records of the fire-safety responsibility system (消防安全责任制, 国办发〔2017〕87号) kept in government offices:
the committees' meetings, their decisions and the action items that carry them out, and the annual
target-responsibility letters with their target items."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel, TransitionRecord
from flameblue.core.scoping import ScopedManager, ScopeSpec
from flameblue.governance.choices import (
    ActionItemStatus,
    Indicator,
    LetterStatus,
    MeetingKind,
    RecordKind,
    ScoringMethod,
    SeatPosition,
)
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization

__all__ = [
    "ActionItem",
    "AssessmentItem",
    "AssessmentScheme",
    "ActionItemTransition",
    "Committee",
    "CommitteeRoster",
    "CommitteeSeat",
    "Decision",
    "LetterTarget",
    "LetterTemplate",
    "LetterTemplateItem",
    "LetterTransition",
    "Meeting",
    "ResponsibilityLetter",
]


class CommitteeManager(ScopedManager):
    def get_queryset(self):
        return super().get_queryset().filter(kind=OrgKind.COMMITTEE)


class Committee(Organization):
    """消防安全委员会: the fire-safety committee of a city, county or township government. It is the
    committee organization of the org tree (kind ``committee``) seen from governance — not a copy — so the
    people who already hold memberships in it keep them. Everyone in the committee's region sees it,
    industry departments included: they are its member units."""

    objects = CommitteeManager()
    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        proxy = True
        verbose_name = _("消防安全委员会")
        verbose_name_plural = _("消防安全委员会")


class CommitteeRoster(TrackedModel):
    """委员会组成调整: one composition of a committee for a year, as set by an adjustment document (e.g.
    "关于调整市消防安全委员会组成人员的通知"): its director, deputies, member units with their liaison
    persons, the office director and the office's host organization. A year may see several adjustments; the
    latest one in force is the committee's current composition, earlier ones are its history."""

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="rosters", verbose_name=_("消防安全委员会")
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    adjusted_on = models.DateField(_("调整日期"))
    document_no = models.CharField(_("调整文件文号"), max_length=60, blank=True)
    office_host = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("办公室设在单位")
    )
    reason = models.TextField(_("调整说明"), blank=True)

    scope_spec = ScopeSpec(region="committee__region_id")

    class Meta:
        ordering = ["-adjusted_on", "-id"]
        verbose_name = _("委员会组成")
        verbose_name_plural = _("委员会组成")
        indexes = [models.Index(fields=["committee", "year", "adjusted_on"])]

    def __str__(self) -> str:
        return f"{self.committee} {self.year}（{self.adjusted_on:%Y-%m-%d}）"


class CommitteeSeat(models.Model):
    """委员会组成人员: one seat of a composition — the director, a deputy, the office director, or a member unit
    with the person who sits for it and its liaison person (联络员) who files its quarterly statistics."""

    roster = models.ForeignKey(CommitteeRoster, on_delete=models.CASCADE, related_name="seats")
    position = models.CharField(_("职务"), max_length=20, choices=SeatPosition.choices)
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("所在单位")
    )
    person_name = models.CharField(_("姓名"), max_length=60)
    title = models.CharField(_("职务名称"), max_length=100, blank=True)
    liaison_name = models.CharField(_("联络员"), max_length=60, blank=True)
    liaison_phone = models.CharField(_("联络员电话"), max_length=30, blank=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="roster__committee__region_id")

    class Meta:
        ordering = ["roster", "id"]
        verbose_name = _("委员会组成人员")
        verbose_name_plural = _("委员会组成人员")

    def __str__(self) -> str:
        return f"{self.get_position_display()} {self.person_name}"


class Meeting(TrackedModel):
    """委员会会议: one meeting of a fire-safety committee — a plenary meeting or one of its four mechanisms
    (研判、协调、会商、督导) — with its date, chair, attendees, topics and minutes (会议纪要, written here or
    uploaded as a scan). Its decisions become action items for member units."""

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("消防安全委员会")
    )
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在区划"), editable=False
    )
    kind = models.CharField(_("会议类型"), max_length=20, choices=MeetingKind.choices)
    title = models.CharField(_("会议名称"), max_length=200)
    held_on = models.DateField(_("会议日期"))
    chair = models.CharField(_("主持人"), max_length=100)
    attendees = models.TextField(_("参会人员"), blank=True)
    topics = models.TextField(_("议题"))
    minutes = models.TextField(_("会议纪要"), blank=True)

    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("委员会会议")
        verbose_name_plural = _("委员会会议")
        indexes = [models.Index(fields=["region", "held_on"]), models.Index(fields=["committee", "kind"])]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.title}"


class GovernmentRecord(TrackedModel):
    """政府研究部署: a record of a government taking up fire safety outside its committee — a party committee
    standing meeting or a government executive meeting that studied it (市委常委会议、政府常务会议研究消防
    工作), a policy document it issued, or a leader's inspection and research visit (领导检查调研) — with
    what was decided or found. Its decisions become action items like a committee meeting's."""

    government = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="government_records", verbose_name=_("政府")
    )
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在区划"), editable=False
    )
    kind = models.CharField(_("类型"), max_length=20, choices=RecordKind.choices)
    held_on = models.DateField(_("日期"))
    title = models.CharField(_("名称"), max_length=200)
    document_no = models.CharField(_("文号 / 纪要号"), max_length=80, blank=True)
    leaders = models.CharField(_("主持 / 带队领导"), max_length=200, blank=True)
    summary = models.TextField(_("主要内容"))
    findings = models.TextField(_("发现的问题"), blank=True)

    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("政府研究部署")
        verbose_name_plural = _("政府研究部署")
        indexes = [models.Index(fields=["region", "held_on"])]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.title}"

    # What an action item shows of its source, the same names a meeting has.
    @property
    def chair(self) -> str:
        return self.leaders

    @property
    def topics(self) -> str:
        return self.summary

    @property
    def committee(self) -> Organization:
        """Who stands behind the decisions: the government itself."""
        return self.government


class Decision(models.Model):
    """议定事项: one decision written in a meeting's minutes or a government record. Members must carry it
    out; each owning unit's share of it is an :class:`ActionItem`."""

    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="decisions"
    )
    record = models.ForeignKey(
        GovernmentRecord, null=True, blank=True, on_delete=models.CASCADE, related_name="decisions"
    )
    region = models.ForeignKey("geo.Region", on_delete=models.PROTECT, related_name="+", editable=False)
    number = models.PositiveSmallIntegerField(_("序号"))
    text = models.TextField(_("议定事项"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["meeting", "record", "number"]
        verbose_name = _("议定事项")
        verbose_name_plural = _("议定事项")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="decision_number_once"),
            models.UniqueConstraint(fields=["record", "number"], name="record_decision_number_once"),
            models.CheckConstraint(
                condition=models.Q(meeting__isnull=False, record__isnull=True)
                | models.Q(meeting__isnull=True, record__isnull=False),
                name="decision_from_a_meeting_or_a_record",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:40]}"

    @property
    def source(self) -> Meeting | GovernmentRecord:
        """The meeting or the government record the decision was made in."""
        return self.meeting if self.meeting_id else self.record


class ActionItem(TrackedModel):
    """督办事项: what one member unit (a department or a lower government) must do to carry out a decision,
    by when it must be done (``due_on``) and by when it must report back in writing (``feedback_due_on``,
    15 days after the meeting by default, from ``rules/action-items.yaml`` whose version is kept). The owner
    answers here; the committee office closes it or sends it back. The sweep flags an unanswered item past
    its feedback date (``overdue_since``) and escalates it level by level (``escalation_level``)."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="action_items")
    owner = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="governance_action_items",
        verbose_name=_("责任单位"),
    )  # fmt: skip
    task = models.TextField(_("落实要求"))
    due_on = models.DateField(_("完成期限"))
    feedback_due_on = models.DateField(_("书面反馈期限"), db_index=True)
    rules_version = models.CharField(_("规则版本"), max_length=20, blank=True)
    status = models.CharField(
        _("状态"),
        max_length=20,
        choices=ActionItemStatus.choices,
        default=ActionItemStatus.OPEN,
        db_index=True,
    )
    answer = models.TextField(_("落实情况反馈"), blank=True)
    answered_at = models.DateTimeField(_("反馈时间"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    overdue_since = models.DateField(_("逾期日期"), null=True, blank=True)
    escalation_level = models.PositiveSmallIntegerField(_("升级层级"), default=0)

    scope_spec = ScopeSpec(region="owner__region_id", industry="owner__industry_id", unit="owner_id")

    class Meta:
        ordering = ["feedback_due_on", "id"]
        verbose_name = _("督办事项")
        verbose_name_plural = _("督办事项")
        indexes = [models.Index(fields=["status", "feedback_due_on"])]

    def __str__(self) -> str:
        return f"{self.owner} · {self.task[:30]}"

    @property
    def answered_on_time(self) -> bool | None:
        if self.answered_at is None:
            return None
        from django.utils import timezone

        return timezone.localdate(self.answered_at) <= self.feedback_due_on


class ActionItemTransition(TransitionRecord):
    """督办事项流转记录: one move of an action item (answered, closed, returned) — who, when, why."""

    action_item = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("原状态"), max_length=20, choices=ActionItemStatus.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=20, choices=ActionItemStatus.choices)

    objects = ScopedManager()
    scope_spec = ScopeSpec(
        region="action_item__owner__region_id", industry="action_item__owner__industry_id",
        unit="action_item__owner_id",
    )  # fmt: skip

    class Meta(TransitionRecord.Meta):
        verbose_name = _("督办事项流转记录")
        verbose_name_plural = _("督办事项流转记录")


class LetterTemplate(models.Model):
    """责任书模板: the target items a government puts in the year's target-responsibility letters (e.g.
    《2019年安全生产暨消防工作目标管理责任书》), loaded from ``rules/letter-templates/*.yaml``. A letter copies
    the items, so editing the template later never changes a signed letter; the version is kept on it."""

    code = models.CharField(_("模板代码"), max_length=60)
    version = models.CharField(_("版本"), max_length=20)
    title = models.CharField(_("责任书名称"), max_length=200)
    signatory_kinds = models.JSONField(_("适用签订方类型"), default=list)
    preamble = models.TextField(_("正文"), blank=True)
    is_active = models.BooleanField(_("启用"), default=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["code", "-version"]
        verbose_name = _("责任书模板")
        verbose_name_plural = _("责任书模板")
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="letter_template_version")]

    def __str__(self) -> str:
        return f"{self.title}（{self.version}）"


class LetterTemplateItem(models.Model):
    """责任书模板目标条目: one target of a template — its section, what must be achieved, its weight in the
    assessment (weights of a template add up to 100) and the indicator it is measured by."""

    template = models.ForeignKey(LetterTemplate, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveSmallIntegerField(_("序号"))
    section = models.CharField(_("类别"), max_length=60)
    content = models.TextField(_("目标内容"))
    weight = models.DecimalField(_("分值"), max_digits=5, decimal_places=2)
    indicator = models.CharField(_("考核指标"), max_length=200)

    class Meta:
        ordering = ["template", "number"]
        verbose_name = _("模板目标条目")
        verbose_name_plural = _("模板目标条目")

    def __str__(self) -> str:
        return f"{self.number}. {self.content[:40]}"


class ResponsibilityLetter(TrackedModel):
    """目标管理责任书: the letter a government (city or county) signs each year with a government below it,
    an industry department or a key unit (the signatory), holding target items copied from a template, the
    signing date, who signed for each side and the scanned signed copy. Prepared in batches; signing is its
    one workflow move."""

    year = models.PositiveSmallIntegerField(_("年度"))
    issuer = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="letters_issued", verbose_name=_("发放政府")
    )
    signatory = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="letters_signed", verbose_name=_("签订单位")
    )
    template = models.ForeignKey(
        LetterTemplate, on_delete=models.PROTECT, related_name="letters", verbose_name=_("模板")
    )
    template_version = models.CharField(_("模板版本"), max_length=20)
    title = models.CharField(_("责任书名称"), max_length=200)
    status = models.CharField(
        _("状态"), max_length=20, choices=LetterStatus.choices, default=LetterStatus.DRAFT, db_index=True
    )
    signed_on = models.DateField(_("签订日期"), null=True, blank=True)
    issuer_signer = models.CharField(_("发放方签订人"), max_length=60, blank=True)
    signatory_signer = models.CharField(_("签订方签订人"), max_length=60, blank=True)

    scope_spec = ScopeSpec(
        region="signatory__region_id", industry="signatory__industry_id", unit="signatory_id"
    )

    class Meta:
        ordering = ["-year", "issuer_id", "signatory__region_id", "signatory__name"]
        verbose_name = _("目标管理责任书")
        verbose_name_plural = _("目标管理责任书")
        constraints = [
            models.UniqueConstraint(fields=["year", "issuer", "signatory"], name="letter_once_per_year"),
        ]
        indexes = [models.Index(fields=["year", "issuer", "status"])]

    def __str__(self) -> str:
        return f"{self.year}年 {self.signatory} {self.title}"


class LetterTarget(models.Model):
    """责任书目标条目: one target item of a letter, copied from its template when the letter was prepared."""

    letter = models.ForeignKey(ResponsibilityLetter, on_delete=models.CASCADE, related_name="targets")
    number = models.PositiveSmallIntegerField(_("序号"))
    section = models.CharField(_("类别"), max_length=60)
    content = models.TextField(_("目标内容"))
    weight = models.DecimalField(_("分值"), max_digits=5, decimal_places=2)
    indicator = models.CharField(_("考核指标"), max_length=200)

    objects = ScopedManager()
    scope_spec = ScopeSpec(
        region="letter__signatory__region_id", industry="letter__signatory__industry_id",
        unit="letter__signatory_id",
    )  # fmt: skip

    class Meta:
        ordering = ["letter", "number"]
        verbose_name = _("责任书目标条目")
        verbose_name_plural = _("责任书目标条目")

    def __str__(self) -> str:
        return f"{self.number}. {self.content[:40]}"


class LetterTransition(TransitionRecord):
    """责任书流转记录: the letter's timeline (prepared, signed) — who, when, why."""

    letter = models.ForeignKey(ResponsibilityLetter, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("原状态"), max_length=20, choices=LetterStatus.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=20, choices=LetterStatus.choices)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="letter__signatory__region_id", industry="letter__signatory__industry_id")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("责任书流转记录")
        verbose_name_plural = _("责任书流转记录")


class AssessmentScheme(models.Model):
    """考核细则: the versioned scheme of the annual fire work assessment (年度消防工作考核, 87号 Art. 23) for
    one kind of assessed body (county governments, departments): its items grouped in sections, each with a
    weight and a scoring method, and the grade thresholds (优秀、良好、合格、不合格). Loaded from
    ``rules/assessment-schemes/*.yaml``; a version is never rewritten, assessments keep the one they used."""

    code = models.CharField(_("细则代码"), max_length=60)
    version = models.CharField(_("版本"), max_length=20)
    title = models.CharField(_("细则名称"), max_length=200)
    assessed_kind = models.CharField(_("考核对象类型"), max_length=20, choices=OrgKind.choices)
    grades = models.JSONField(_("等次"), default=list)
    is_active = models.BooleanField(_("启用"), default=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["code", "-version"]
        verbose_name = _("考核细则")
        verbose_name_plural = _("考核细则")
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="assessment_scheme_version")]

    def __str__(self) -> str:
        return f"{self.title}（{self.version}）"

    def grade_for(self, score: float) -> str:
        """The grade of a total ``score`` (thresholds from the highest down)."""
        for grade in self.grades:
            if score >= grade["min"]:
                return grade["name"]
        return self.grades[-1]["name"] if self.grades else ""


class AssessmentItem(models.Model):
    """考核项目: one scored item of a scheme — its section (火灾预防、消防安全基础、消防安全责任), weight, scoring
    method (computed from FlameBlue's records, manual with required evidence, deduction per event, or veto)
    and what it needs: the indicator, the evidence, the event and the points per event."""

    scheme = models.ForeignKey(AssessmentScheme, on_delete=models.CASCADE, related_name="items")
    section = models.CharField(_("大项"), max_length=60)
    section_order = models.PositiveSmallIntegerField(_("大项序号"))
    number = models.PositiveSmallIntegerField(_("序号"))
    code = models.CharField(_("编号"), max_length=20)
    title = models.CharField(_("考核内容"), max_length=200)
    weight = models.DecimalField(_("分值"), max_digits=5, decimal_places=2)
    method = models.CharField(_("评分方式"), max_length=20, choices=ScoringMethod.choices)
    indicator = models.CharField(_("计算指标"), max_length=40, choices=Indicator.choices, blank=True)
    rule = models.TextField(_("评分标准"), blank=True)
    evidence = models.TextField(_("佐证材料"), blank=True)
    event = models.CharField(_("扣分/否决事件"), max_length=200, blank=True)
    per_event = models.DecimalField(_("每起扣分"), max_digits=5, decimal_places=2, null=True, blank=True)
    max_deduction = models.DecimalField(_("扣分上限"), max_digits=5, decimal_places=2, null=True, blank=True)
    #: How a computed item's measure becomes its score (``full_at``/``per_point`` or ``per_miss``) and the
    #: indicator's targets (e.g. meetings per mechanism); see ``assessment/indicators.py``.
    scoring = models.JSONField(_("计分规则"), default=dict, blank=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["scheme", "number"]
        verbose_name = _("考核项目")
        verbose_name_plural = _("考核项目")
        constraints = [models.UniqueConstraint(fields=["scheme", "code"], name="assessment_item_code_once")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


from flameblue.governance.assessment.models import (  # noqa: E402  (registers the assessment models)
    Assessment,
    AssessmentEntry,
    AssessmentTransition,
    EntryTransition,
    ItemScore,
)

__all__ += ["Assessment", "AssessmentEntry", "AssessmentTransition", "EntryTransition", "ItemScore"]


class AnalysisDue(models.Model):
    """研判到期: one period (a month or a quarter) in which a committee is due to hold its situation analysis
    (消防安全形势研判) by the schedule of ``rules/situation-analysis.yaml``, the analysis meeting that met it,
    and since when it is overdue. Rows are made and flagged by the sweep; a recorded analysis meeting links
    itself to the period it falls in."""

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="analysis_dues", verbose_name=_("消防安全委员会")
    )
    region = models.ForeignKey("geo.Region", on_delete=models.PROTECT, related_name="+", editable=False)
    schedule = models.CharField(_("研判周期"), max_length=40)
    name = models.CharField(_("研判名称"), max_length=100)
    period_start = models.DateField(_("周期开始"))
    period_end = models.DateField(_("周期结束"))
    period_label = models.CharField(_("周期"), max_length=40)
    due_on = models.DateField(_("截止日期"), db_index=True)
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("研判会议"),
    )
    overdue_since = models.DateField(_("逾期日期"), null=True, blank=True)
    rules_version = models.CharField(_("规则版本"), max_length=20, blank=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-due_on", "region_id"]
        verbose_name = _("形势研判到期")
        verbose_name_plural = _("形势研判到期")
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "schedule", "period_start"], name="analysis_due_once_per_period"
            )
        ]
        indexes = [models.Index(fields=["region", "due_on"])]

    def __str__(self) -> str:
        return f"{self.committee.name} {self.period_label}{self.name}"
