"""Access-matrix cases for the 双拥 pages and API (see tests/matrix.py). The world gets a station in each of
the Qiaocheng and Mengcheng brigades, a partner paired with the Qiaocheng station with this year's plan (one
month's content) and an activity. Qiaocheng's brigade officer is allowed, Mengcheng's is out of jurisdiction,
the auditor (no 双拥 action at all) has no permission."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from django.utils import timezone

from flameblue.community import services, volunteers
from flameblue.community.models import ActivityType
from flameblue.org.choices import OrgKind
from tests.factories import org
from tests.matrix import Case


def world(w) -> None:
    o = w.orgs
    station = org("谯城消防救援站", OrgKind.STATION, "341602", parent=o.qiaocheng_brigade)
    org("蒙城消防救援站", OrgKind.STATION, "341622", parent=o.mengcheng_brigade)
    today = timezone.localdate()
    kind = ActivityType.objects.get(code="fire_publicity")
    partner = services.partner_create(by=None, name="亳州市第一中学", kind="school", station=station)
    plan = services.plan_create(by=None, partner=partner, year=today.year, goals="全年共建")
    item = services.monthly_content_add(
        by=None, plan=plan, month=today.month, activity_type=kind, content="宣传"
    )
    activity = services.activity_record(
        by=None,
        partner=partner,
        plan_item=item,
        activity_type=kind,
        title="消防宣传",
        held_on=today,
        place="学校",
    )
    team = volunteers.team_create(
        by=None, name="谯城站服务队", station=station, leader_name="李", founded_on=today
    )
    member = volunteers.member_add(
        by=None, team=team, name="刘芳", phone="13900001111", joined_on=today - dt.timedelta(days=400)
    )
    w.community = SimpleNamespace(
        station=station, partner=partner, plan=plan, item=item, activity=activity, team=team, member=member
    )


def pk(name: str):
    return lambda w: {"pk": getattr(w.community, name).pk}


def partner_data(w):
    return {"name": "花戏楼社区", "kind": "community", "station": w.community.station.pk}


def plan_data(w):
    return {"partner": w.community.partner.pk, "year": timezone.localdate().year + 1, "goals": "明年计划"}


def activity_data(w):
    return {"partner": w.community.partner.pk, "activity_type": ActivityType.objects.get(code="donation").pk,
            "title": "爱心捐助", "held_on": str(timezone.localdate()), "place": "学校"}  # fmt: skip


def quarter_data(w):
    return {"quarter": 1, "content": "一季度安排"}


def month_data(w):
    return {"month": 1, "activity_type": ActivityType.objects.get(code="donation").pk, "content": "捐助"}


def team_data(w):
    return {
        "name": "新服务队",
        "station": w.community.station.pk,
        "leader_name": "赵",
        "founded_on": "2020-01-01",
    }


def member_data(w):
    return {"name": "周强", "phone": "13700002222", "joined_on": "2020-01-01"}


def service_data(w):
    return {
        "served_on": str(timezone.localdate()),
        "title": "义务劳动",
        "members": [w.community.member.pk],
        "people_served": 0,
        "hours": "2",
    }


def service_api_data(w):
    return {"served_on": str(timezone.localdate()), "title": "义务劳动",
            "hours": [{"member": w.community.member.pk, "hours": "2"}]}  # fmt: skip


VIEW = {"allowed": "qiaocheng", "out_of_scope": "mengcheng", "no_permission": "auditor"}
LIST = {"allowed": "qiaocheng", "no_permission": "auditor"}
POST = {"method": "post", "ok_status": (302,)}
API_POST = {"api": True, "method": "post", "ok_status": (201,)}

CASES = [
    # Pages
    Case("community:partner-list", **LIST, query="kind=school"),
    Case("community:partner-create", **LIST),
    Case("community:partner-detail", kwargs=pk("partner"), **VIEW),
    Case("community:plan-create", kwargs=pk("partner"), **VIEW),
    Case("community:plan-discipline", **LIST, query="year=2019"),
    Case("community:plan-detail", kwargs=pk("plan"), **VIEW),
    Case("community:plan-quarter-add", kwargs=pk("plan"), data=quarter_data, **VIEW, **POST),
    Case("community:plan-month-add", kwargs=pk("plan"), data=month_data, **VIEW, **POST),
    Case("community:activity-list", **LIST),
    Case("community:activity-export", **LIST),
    Case("community:activity-create", **LIST),
    Case("community:activity-detail", kwargs=pk("activity"), **VIEW),
    Case("community:team-list", **LIST, query="year=2019"),
    Case("community:team-create", **LIST),
    Case("community:team-detail", kwargs=pk("team"), **VIEW),
    Case("community:team-member-add", kwargs=pk("team"), data=member_data, **VIEW, **POST),
    Case("community:team-record-add", kwargs=pk("team"), data=service_data, **VIEW, **POST),
    Case("community:member-certificate", kwargs=pk("member"), **VIEW),
    # API
    Case("api:community-partner-list", api=True, **LIST),
    Case("api:community-partner-list", data=partner_data, **LIST, **API_POST),
    Case("api:community-partner-detail", kwargs=pk("partner"), api=True, **VIEW),
    Case("api:community-plan-list", api=True, **LIST),
    Case("api:community-plan-list", data=plan_data, **LIST, **API_POST),
    Case("api:community-plan-detail", kwargs=pk("plan"), api=True, **VIEW),
    Case("api:community-plan-quarters", kwargs=pk("plan"), data=quarter_data, **VIEW, **API_POST),
    Case("api:community-plan-months", kwargs=pk("plan"), data=month_data, **VIEW, **API_POST),
    Case("api:community-activity-list", api=True, **LIST),
    Case("api:community-activity-list", data=activity_data, **LIST, **API_POST),
    Case("api:community-activity-detail", kwargs=pk("activity"), api=True, **VIEW),
    Case("api:community-team-list", api=True, **LIST),
    Case("api:community-team-list", data=team_data, **LIST, **API_POST),
    Case("api:community-team-detail", kwargs=pk("team"), api=True, **VIEW),
    Case("api:community-team-services", kwargs=pk("team"), data=service_api_data, **VIEW, **API_POST),
]
