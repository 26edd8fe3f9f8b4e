"""Access-matrix cases for the 双拥 pages and API (see tests/matrix.py). The world gets a station in each of
the Qiaocheng and Mengcheng brigades, a partner paired with the Qiaocheng station with this year's plan (one
month's content) and an activity. Qiaocheng's brigade officer is allowed, Mengcheng's is out of jurisdiction,
the auditor (no 双拥 action at all) has no permission."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from django.utils import timezone

from flameblue.community import services, volunteers
from flameblue.community.agenda.services import meeting_create
from flameblue.community.education.services import programme_create
from flameblue.community.models import ActivityType, AgendaTag, Holiday, SessionType
from flameblue.community.visits.services import opinion_add, opinion_answer, visit_record
from flameblue.org.choices import OrgKind
from tests.factories import org, persona
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
    _party_world(w, station, partner, today)


def _party_world(w, station, partner, today) -> None:
    """A meeting of the Qiaocheng brigade's committee, a visit by the Qiaocheng station with an open opinion
    and two answered ones (to close and to send back), a detachment programme; the political officer."""
    o, c = w.orgs, w.community
    w.people.community_political = persona("community_political", o.detachment, "political_officer")
    c.meeting = meeting_create(
        by=None, committee=o.qiaocheng_brigade, kind="committee", held_on=today, title="党委会"
    )
    c.visit = visit_record(by=None, organization=station, holiday=Holiday.objects.get(code="spring_festival"),
                           visited_on=today, visitee_kind="partner", partner=partner)  # fmt: skip
    c.opinion, c.answered, c.answered_too = (
        opinion_add(by=None, visit=c.visit, content=f"意见{i}", owner=station, due_on=today) for i in range(3)
    )
    for name in ("answered", "answered_too"):
        setattr(c, name, opinion_answer(getattr(c, name), by=None, answer="已答复"))
    c.programme = programme_create(by=None, title="专题教育", organization=o.detachment,
                                   starts_on=today - dt.timedelta(days=30), ends_on=today + dt.timedelta(days=30))  # fmt: skip


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


def meeting_data(w):
    return {"committee": w.orgs.qiaocheng_brigade.pk, "kind": "committee", "held_on": str(timezone.localdate()),
            "title": "大队党委会"}  # fmt: skip


def item_data(w):
    return {
        "title": "研究双拥工作",
        "tags": [AgendaTag.objects.get(vocabulary="shuangyong", code="topic").pk],
    }


def item_api_data(w):
    return {"title": "研究双拥工作", "tags": ["topic"]}


def visit_data(w):
    return {"organization": w.community.station.pk, "holiday": Holiday.objects.get(code="army_day").pk,
            "visited_on": str(timezone.localdate()), "visitee_kind": "resident", "visitee": "驻地群众"}  # fmt: skip


def visit_api_data(w):
    return {**visit_data(w), "holiday": "army_day"}


def opinion_data(w):
    return {"content": "建议", "owner": w.community.station.pk, "due_on": str(timezone.localdate())}


def answer_data(w):
    return {"answer": "已落实"}


def reason_data(w):
    return {"reason": "请写明时限"}


def programme_data(w):
    today = timezone.localdate()
    return {
        "title": "主题教育",
        "organization": w.orgs.detachment.pk,
        "starts_on": str(today),
        "ends_on": str(today),
    }


def session_data(w):
    return {"session_type": SessionType.objects.get(code="forum").pk, "organization": w.orgs.qiaocheng_brigade.pk,
            "title": "座谈", "held_on": str(timezone.localdate())}  # fmt: skip


def session_api_data(w):
    return {**session_data(w), "session_type": "forum"}


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
    # Edits, files, exports, accounts
    Case("community:partner-export", **LIST),
    Case("community:partner-edit", kwargs=pk("partner"), **VIEW),
    Case("community:partner-agreement", kwargs=pk("partner"), **VIEW),
    Case("community:partner-account", kwargs=pk("partner"), allowed="detachment", no_permission="qiaocheng"),
    Case("community:plan-edit", kwargs=pk("plan"), **VIEW),
    Case("community:activity-edit", kwargs=pk("activity"), **VIEW),
    Case("community:activity-photo", kwargs=pk("activity"), **VIEW),
    Case("community:team-edit", kwargs=pk("team"), **VIEW),
    Case("community:hours-export", **LIST, query="year=2019"),
    # The leading group, meetings and the "四不忘"
    Case("community:leading-group", **LIST, query="year=2019"),
    Case("community:meeting-list", **LIST),
    Case("community:meeting-create", **LIST),
    Case("community:meeting-detail", kwargs=pk("meeting"), **VIEW),
    Case("community:agenda-item-add", kwargs=pk("meeting"), data=item_data, **VIEW, **POST),
    Case("community:agenda-compliance", **LIST, query="year=2019"),
    # Visits and opinions
    Case("community:visit-list", **LIST),
    Case("community:visit-create", **LIST),
    Case("community:visit-detail", kwargs=pk("visit"), **VIEW),
    Case("community:opinion-add", kwargs=pk("visit"), data=opinion_data, **VIEW, **POST),
    Case("community:opinion-list", **LIST, query="status=open"),
    Case("community:opinion-detail", kwargs=pk("opinion"), **VIEW),
    Case("community:opinion-answer", kwargs=pk("opinion"), data=answer_data, **VIEW, **POST),
    Case(
        "community:opinion-close",
        kwargs=pk("answered"),
        data=reason_data,
        allowed="community_political",
        no_permission="qiaocheng",
        **POST,
    ),
    Case(
        "community:opinion-return",
        kwargs=pk("answered_too"),
        data=reason_data,
        allowed="community_political",
        no_permission="qiaocheng",
        **POST,
    ),
    # Political education (a programme is the whole detachment's: no one is out of its scope)
    Case("community:programme-list", **LIST),
    Case("community:programme-create", allowed="detachment", no_permission="qiaocheng"),
    Case("community:programme-detail", kwargs=pk("programme"), **LIST),
    Case("community:session-add", kwargs=pk("programme"), data=session_data, **LIST, **POST),
    Case("community:education-coverage", **LIST),
    # API
    Case("api:community-meeting-list", api=True, **LIST),
    Case("api:community-meeting-list", data=meeting_data, **LIST, **API_POST),
    Case("api:community-meeting-detail", kwargs=pk("meeting"), api=True, **VIEW),
    Case("api:community-meeting-items", kwargs=pk("meeting"), data=item_api_data, **VIEW, **API_POST),
    Case("api:community-meeting-compliance", api=True, **LIST),
    Case("api:community-meeting-leading-group", api=True, **LIST, query="year=2019"),
    Case("api:community-visit-list", api=True, **LIST),
    Case("api:community-visit-list", data=visit_api_data, **LIST, **API_POST),
    Case("api:community-visit-detail", kwargs=pk("visit"), api=True, **VIEW),
    Case("api:community-visit-opinions", kwargs=pk("visit"), data=opinion_data, **VIEW, **API_POST),
    Case("api:community-opinion-list", api=True, **LIST),
    Case("api:community-opinion-detail", kwargs=pk("opinion"), api=True, **VIEW),
    Case(
        "api:community-opinion-answer",
        kwargs=pk("opinion"),
        data=answer_data,
        api=True,
        method="post",
        **VIEW,
    ),
    Case(
        "api:community-opinion-close",
        kwargs=pk("answered"),
        data=reason_data,
        api=True,
        method="post",
        allowed="community_political",
        no_permission="qiaocheng",
    ),
    Case(
        "api:community-opinion-send-back",
        kwargs=pk("answered_too"),
        data=reason_data,
        api=True,
        method="post",
        allowed="community_political",
        no_permission="qiaocheng",
    ),
    Case("api:community-programme-list", api=True, **LIST),
    Case(
        "api:community-programme-list",
        data=programme_data,
        api=True,
        method="post",
        ok_status=(201,),
        allowed="detachment",
        no_permission="qiaocheng",
    ),
    Case("api:community-programme-detail", kwargs=pk("programme"), api=True, **LIST),
    Case(
        "api:community-programme-sessions", kwargs=pk("programme"), data=session_api_data, **LIST, **API_POST
    ),
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
