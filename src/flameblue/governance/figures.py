"""The responsibility system's figures (统计指标), registered with core at ``ready()``: responsibility letters
signed, fire-safety committee meetings by mechanism, and the governments' own deliberations on fire work."""

from __future__ import annotations

from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from flameblue.core.figures import Figure, register_figure
from flameblue.governance.assessment.models import Assessment
from flameblue.governance.choices import AssessmentStatus, LetterStatus, MeetingKind
from flameblue.governance.models import GovernmentRecord, Meeting, ResponsibilityLetter

GROUP = _("地方支持")
MEETING_COLUMNS = (("committee", _("消防安全委员会")), ("kind", _("会议类型")), ("held_on", _("会议日期")))


def _meeting_url(obj) -> str:
    return reverse("governance:meeting-detail", kwargs={"pk": obj.pk})


def _meetings(kind: str = ""):
    def records(qs, period):
        rows = qs.filter(period.between(Meeting, "held_on"))
        return rows.filter(kind=kind) if kind else rows

    return records


def register() -> None:
    register_figure(Figure(
        "governance.letters_signed", _("签订消防工作目标责任书"), _("份"),
        _("签订日期在统计期内、已签订的目标管理责任书（按签订单位所在区划统计）。"),
        ResponsibilityLetter,
        lambda qs, p: qs.filter(p.between(ResponsibilityLetter, "signed_on"), status=LetterStatus.SIGNED),
        region_field="signatory__region_id",
        columns=(("issuer", _("发放政府")), ("signatory", _("签订单位")), ("signed_on", _("签订日期"))),
        group=GROUP, order=200,
        detail_url=lambda obj: reverse("governance:letter-detail", kwargs={"pk": obj.pk}),
    ))  # fmt: skip
    register_figure(Figure(
        "governance.meetings", _("消防安全委员会会议"), _("次"),
        _("会议日期在统计期内的各级消防安全委员会会议（全体会议和研判、协调、会商、督导）。"),
        Meeting, _meetings(), columns=MEETING_COLUMNS, group=GROUP, order=210, detail_url=_meeting_url,
    ))  # fmt: skip
    for order, kind in enumerate(MeetingKind, start=211):
        register_figure(Figure(
            f"governance.meetings.{kind.value}", format_lazy("{}：{}", _("消防安全委员会会议"), kind.label), _("次"),
            format_lazy(_("会议日期在统计期内、会议类型为“{}”的消防安全委员会会议。"), kind.label),
            Meeting, _meetings(kind.value), columns=MEETING_COLUMNS, group=GROUP, order=order,
            detail_url=_meeting_url,
        ))  # fmt: skip
    register_figure(Figure(
        "governance.government_records", _("党委政府研究部署消防工作"), _("次"),
        _("日期在统计期内的党委常委会议、政府常务会议研究消防工作、政策文件和领导检查调研。"),
        GovernmentRecord, lambda qs, p: qs.filter(p.between(GovernmentRecord, "held_on")),
        columns=(("kind", _("类型")), ("held_on", _("日期"))), group=GROUP, order=220,
        detail_url=lambda obj: reverse("governance:record-detail", kwargs={"pk": obj.pk}),
    ))  # fmt: skip
    register_figure(Figure(
        "governance.assessments_published", _("完成年度消防工作考核"), _("项"),
        _("结果公布时间在统计期内的年度消防工作考核（多为对下级政府上一年度工作的考核）。"),
        Assessment,
        lambda qs, p: qs.filter(p.between(Assessment, "published_at"), status=AssessmentStatus.PUBLISHED),
        region_field="organizer__region_id",
        columns=(("year", _("考核年度")), ("organizer", _("组织考核")), ("published_at", _("公布时间"))),
        group=GROUP, order=205,
        detail_url=lambda obj: reverse("governance:assessment-detail", kwargs={"pk": obj.pk}),
    ))  # fmt: skip
