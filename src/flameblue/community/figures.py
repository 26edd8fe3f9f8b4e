"""The community's figures (统计指标), registered with core at ``ready()``: co-construction partners, volunteer
teams, volunteer service hours and holiday visits."""

from __future__ import annotations

from django.db.models import Q, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from flameblue.community.models import Partner, ServiceHours, VolunteerTeam
from flameblue.community.visits.models import HolidayVisit
from flameblue.core.figures import Figure, register_figure


def _partners(qs, period):
    started = Q(agreement_starts_on__isnull=True) | Q(agreement_starts_on__lte=period.end)
    not_ended = Q(agreement_ends_on__isnull=True) | Q(agreement_ends_on__gte=period.start)
    return qs.filter(started, not_ended, active=True)


def register() -> None:
    for figure in (
        Figure(
            "community.partners", _("警地共建单位"), _("个"),
            _("标记为共建中、且共建协议期限（未填的视为不限）与统计期有交集的共建单位。"),
            Partner, _partners,
            columns=(("name", _("共建单位名称")), ("station", _("消防救援站")),
                     ("agreement_starts_on", _("协议起始日期")), ("agreement_ends_on", _("协议截止日期"))),
            group=_("警地共建"), order=600,
            detail_url=lambda obj: reverse("community:partner-detail", kwargs={"pk": obj.pk}),
        ),
        Figure(
            "community.volunteer_teams", _("学雷锋志愿服务队"), _("支"),
            _("成立日期不晚于统计期末的学雷锋志愿服务队。"),
            VolunteerTeam, lambda qs, p: qs.filter(founded_on__lte=p.end),
            columns=(("name", _("服务队名称")), ("station", _("所属消防救援站/大队")), ("founded_on", _("成立日期"))),
            group=_("民生消防服务"), order=610,
            detail_url=lambda obj: reverse("community:team-detail", kwargs={"pk": obj.pk}),
        ),
        Figure(
            "community.volunteer_hours", _("志愿服务时长"), _("小时"),
            _("服务日期在统计期内的志愿服务记录中登记的队员服务时长之和。"),
            ServiceHours, lambda qs, p: qs.filter(p.between(ServiceHours, "record__served_on")),
            region_field="record__team__region_id",
            total=lambda qs: qs.aggregate(n=Sum("hours"))["n"] or 0,
            columns=(("record", _("服务内容")), ("member", _("队员")), ("hours", _("服务时长"))),
            group=_("民生消防服务"), order=611,
            detail_url=lambda obj: reverse("community:team-detail", kwargs={"pk": obj.record.team_id}),
        ),
        Figure(
            "community.holiday_visits", _("节日走访慰问"), _("次"),
            _("走访日期在统计期内的节日走访慰问。"),
            HolidayVisit, lambda qs, p: qs.filter(p.between(HolidayVisit, "visited_on")),
            columns=(("holiday", _("节日")), ("visitee", _("走访对象")), ("visited_on", _("走访日期"))),
            group=_("警地共建"), order=620,
            detail_url=lambda obj: reverse("community:visit-detail", kwargs={"pk": obj.pk}),
        ),
    ):  # fmt: skip
        register_figure(figure)
