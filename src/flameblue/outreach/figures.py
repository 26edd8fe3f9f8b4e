"""The outreach figures (统计指标), registered with core at ``ready()``: training sessions, sessions with a
sign-in roster and the attendees on their rosters, officials trained, publicity drives (by kind: the seed's
"6 项" counts 七进 once though it reaches seven targets) and publicity activities (each record), materials
distributed, education bases opened and the kinds of bases open. Officials trained is
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


def _distinct(field: str):
    """A figure's value that counts the distinct values of ``field`` among its records."""

    def total(qs) -> int:
        return qs.order_by().values(field).distinct().count()

    return total


def _bases_open(qs, period):
    """Bases opened by the end of the period (a base stays open once opened)."""
    return qs.filter(opened_on__lte=period.end)


def register() -> None:
    for figure in (
        Figure(
            "outreach.training_sessions", _("开展消防培训"), _("次"),
            _("培训日期在统计期内的宣贯会、专题培训和消防大讲堂。"),
            TrainingSession, _sessions, columns=SESSION_COLUMNS, group=GROUP, order=400,
            detail_url=_session_url,
        ),
        Figure(
            "outreach.roster_sessions", _("有签到花名册的培训"), _("次"),
            _("培训日期在统计期内、登记了签到花名册（至少一名参训人员）的培训；只填人数的培训不计。"),
            TrainingSession, lambda qs, p: _sessions(qs, p).filter(attendees__isnull=False).distinct(),
            columns=SESSION_COLUMNS, group=GROUP, order=401, detail_url=_session_url,
        ),
        Figure(
            "outreach.roster_attendees", _("花名册参训人员"), _("人"),
            _("培训日期在统计期内的培训签到花名册上的人员（按花名册行计，不含无花名册培训的人数）。"),
            Attendee, lambda qs, p: qs.filter(p.between(Attendee, "session__held_on")),
            region_field="session__region_id",
            columns=(("session", _("培训")), ("organization_name", _("单位名称")), ("audience", _("受众类别"))),
            group=GROUP, order=402, detail_url=lambda obj: _session_url(obj.session),
        ),
        Figure(
            "outreach.officials_trained", _("培训党政领导和部门负责人"), _("人"),
            _("培训日期在统计期内的培训中，花名册上受众类别为党政领导或部门负责人的不同人员（同一人多次参训计一次），"
              "加上无花名册且受众类别均为党政领导或部门负责人的培训所填人数；记录为这些培训。"),
            TrainingSession, _sessions, total=lambda qs: coverage_of(qs).officials,
            columns=SESSION_COLUMNS, group=GROUP, order=403, detail_url=_session_url,
        ),
        Figure(
            "outreach.publicity_drives", _("开展消防宣传活动"), _("项"),
            _("活动日期在统计期内的消防宣传活动，按活动类型计项：“七进”（机关、企业、社区、学校、农村、家庭、网站）"
              "无论开展多少场计一项，“119”消防宣传月（周）、“3·15”销毁仪式、“屏幕点亮城市”、“唱响消防好声音”、"
              "媒体主创宣传等各计一项（按活动所在乡镇统计）；记录为这些活动的各场。"),
            PublicityDrive, lambda qs, p: qs.filter(p.between(PublicityDrive, "held_on")),
            region_field="township_id", total=_distinct("drive_type"),
            columns=(("title", _("活动名称")), ("drive_type", _("活动类型")), ("target", _("宣传对象")),
                     ("held_on", _("活动日期"))),
            group=GROUP, order=410,
            detail_url=lambda obj: reverse("outreach:drive-detail", kwargs={"pk": obj.pk}),
        ),
        Figure(
            "outreach.publicity_events", _("开展消防宣传活动场次"), _("场"),
            _("活动日期在统计期内的各场消防宣传活动（“七进”每个对象、每场各计一场，按活动所在乡镇统计）。"),
            PublicityDrive, lambda qs, p: qs.filter(p.between(PublicityDrive, "held_on")),
            region_field="township_id",
            columns=(("title", _("活动名称")), ("drive_type", _("活动类型")), ("target", _("宣传对象")),
                     ("held_on", _("活动日期"))),
            group=GROUP, order=409,
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
        Figure(
            "outreach.education_base_kinds", _("消防教育基地类别"), _("类"),
            _("统计期末已开放的消防教育基地的不同类别数（应急消防教育培训、应急消防科普教育、社区消防体验、"
              "居民住宅区消防科普等）；记录为这些基地。"),
            EducationBase, _bases_open, total=_distinct("kind"),
            columns=(("name", _("基地名称")), ("kind", _("基地类型")), ("opened_on", _("开放日期"))),
            group=GROUP, order=413,
            detail_url=lambda obj: reverse("outreach:base-detail", kwargs={"pk": obj.pk}),
        ),
    ):  # fmt: skip
        register_figure(figure)
