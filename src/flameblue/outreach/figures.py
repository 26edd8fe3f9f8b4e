"""The outreach figures (统计指标), registered with core at ``ready()``: training sessions, roster attendees,
officials trained, publicity drives, materials distributed and education bases opened. Officials trained is
:func:`flameblue.outreach.selectors.coverage_of` over the period's sessions, the same count as the coverage
page."""

from __future__ import annotations

from django.db.models import Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from flameblue.core.figures import Figure, register_figure
from flameblue.outreach.models import Attendee, Distribution, EducationBase, PublicityDrive, TrainingSession
from flameblue.outreach.selectors import coverage_of

GROUP = _("民生消防服务")
SESSION_COLUMNS = (("title", _("培训主题")), ("session_type", _("培训类型")), ("held_on", _("培训日期")),
                   ("place", _("培训地点")))  # fmt: skip


def _session_url(obj) -> str:
    return reverse("outreach:session-detail", kwargs={"pk": obj.pk})


def _sessions(qs, period):
    return qs.filter(period.between(TrainingSession, "held_on"))


def register() -> None:
    for figure in (
        Figure(
            "outreach.training_sessions", _("开展消防培训"), _("次"),
            _("培训日期在统计期内的宣贯会、专题培训和消防大讲堂。"),
            TrainingSession, _sessions, columns=SESSION_COLUMNS, group=GROUP, order=400,
            detail_url=_session_url,
        ),
        Figure(
            "outreach.roster_attendees", _("花名册参训人员"), _("人"),
            _("培训日期在统计期内的培训签到花名册上的人员（按花名册行计，不含无花名册培训的人数）。"),
            Attendee, lambda qs, p: qs.filter(p.between(Attendee, "session__held_on")),
            region_field="session__region_id",
            columns=(("session", _("培训")), ("organization_name", _("单位名称")), ("audience", _("受众类别"))),
            group=GROUP, order=401, detail_url=lambda obj: _session_url(obj.session),
        ),
        Figure(
            "outreach.officials_trained", _("培训党政领导和部门负责人"), _("人"),
            _("培训日期在统计期内的培训中，花名册上受众类别为党政领导或部门负责人的不同人员（同一人多次参训计一次），"
              "加上无花名册且受众类别均为党政领导或部门负责人的培训所填人数；记录为这些培训。"),
            TrainingSession, _sessions, total=lambda qs: coverage_of(qs).officials,
            columns=SESSION_COLUMNS, group=GROUP, order=402, detail_url=_session_url,
        ),
        Figure(
            "outreach.publicity_drives", _("开展消防宣传活动"), _("次"),
            _("活动日期在统计期内的各类消防宣传活动（“七进”、消防宣传月等，按活动所在乡镇统计）。"),
            PublicityDrive, lambda qs, p: qs.filter(p.between(PublicityDrive, "held_on")),
            region_field="township_id",
            columns=(("title", _("活动名称")), ("target", _("宣传对象")), ("held_on", _("活动日期"))),
            group=GROUP, order=410,
            detail_url=lambda obj: reverse("outreach:drive-detail", kwargs={"pk": obj.pk}),
        ),
        Figure(
            "outreach.materials_distributed", _("发放消防宣传资料"), _("份"),
            _("发放日期在统计期内的宣传资料发放登记的发放数量之和（按接收乡镇统计）。"),
            Distribution, lambda qs, p: qs.filter(p.between(Distribution, "distributed_on")),
            region_field="township_id",
            total=lambda qs: qs.aggregate(n=Sum("copies"))["n"] or 0,
            columns=(("material", _("资料名称")), ("township", _("接收乡镇")), ("distributed_on", _("发放日期")),
                     ("copies", _("发放数量"))),
            group=GROUP, order=411,
            detail_url=lambda obj: reverse("outreach:material-detail", kwargs={"pk": obj.material_id}),
        ),
        Figure(
            "outreach.education_bases", _("新开放消防科普教育基地"), _("个"),
            _("开放日期在统计期内的消防科普教育基地。"),
            EducationBase, lambda qs, p: qs.filter(p.between(EducationBase, "opened_on")),
            columns=(("name", _("基地名称")), ("kind", _("基地类型")), ("opened_on", _("开放日期"))),
            group=GROUP, order=412,
            detail_url=lambda obj: reverse("outreach:base-detail", kwargs={"pk": obj.pk}),
        ),
    ):  # fmt: skip
        register_figure(figure)
