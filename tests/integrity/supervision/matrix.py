"""Access-matrix cases for the supervision pages and API. The world: a 谯城 station with its commander and
a liaison point, a 主官带队督察 of the 谯城 brigade with an open finding of the station, a reported one and
a rectifying one with evidence; a cross-review of the 谯城 brigade's files by a 蒙城 reviewer with one drawn
hazard, and a second cross-review activity not drawn yet. The detachment administrator has no supervision
role (403); the 蒙城 discipline officer and inspector are out of jurisdiction for 谯城 findings (404); the
谯城 inspector is outside the cross-review's team (404)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from django.utils import timezone

from flameblue.hazards.models import Hazard
from flameblue.integrity import services as liaison
from flameblue.integrity.supervision import services
from flameblue.org.choices import OrgKind
from tests.dates import at_ten
from tests.factories import org, persona
from tests.integrity.supervision.conftest import png
from tests.matrix import Case
from tests.units.factories import make_unit


def world(w) -> None:
    o, p = w.orgs, w.people
    today = timezone.localdate()
    station = org("谯城区城北消防救援站", OrgKind.STATION, "341602", parent=o.qiaocheng_brigade)
    p.s_discipline = persona("s_zd_discipline", o.detachment, "discipline_officer")
    p.s_mc_discipline = persona("s_mc_discipline", o.mengcheng_brigade, "discipline_officer")
    p.s_political = persona("s_zd_political", o.detachment, "political_officer")
    p.s_mc_political = persona("s_mc_political", o.mengcheng_brigade, "political_officer")
    p.s_station = persona("s_station", station, "station_commander")
    liaison.liaison_point_create(by=None, member=p.s_political.person, organization=station,
                                 since=today - dt.timedelta(days=30))  # fmt: skip
    activity = services.activity_create(
        by=None, organizer=o.detachment, kind="chief_inspection", title="主官带队督察", units=[o.qiaocheng_brigade],
        team=[p.s_discipline.person], leader=p.s_discipline.person, starts_on=today, ends_on=today,
    )  # fmt: skip

    def finding(text):
        return services.finding_add(by=None, activity=activity, responsible=station, description=text,
                                    deadline=today + dt.timedelta(days=20))  # fmt: skip

    reported, rectifying = finding("已报问题"), finding("整改中问题")
    for f in (reported, rectifying):
        services.finding_report(finding=f, by=None, text="整改完毕", evidence=[png()])
    services.finding_return(finding=rectifying, by=None, reason="不到位")
    unit = make_unit(org("谯城区某超市", OrgKind.SOCIAL_UNIT, "341602001", industry="commerce"))
    Hazard.objects.create(unit=unit, region_id=unit.region_id, brigade=o.qiaocheng_brigade, description="堵塞通道",
                          source="supervision", status="found", found_at=at_ten(today))  # fmt: skip

    def cross(title):
        return services.activity_create(by=None, organizer=o.detachment, kind="cross_review", title=title, units=[],
                                        team=[p.mengcheng.person], starts_on=today, ends_on=today)  # fmt: skip

    review = services.cross_review_draw(by=None, activity=cross("交叉巡查"), brigade=o.qiaocheng_brigade,
                                        period_start=today, period_end=today, sample_size=3, seed=5)  # fmt: skip
    w.supervision = SimpleNamespace(
        activity=activity, open=finding("待整改问题"), reported=reported, rectifying=rectifying, review=review,
        item=review.items.order_by("position").first(), undrawn=cross("待抽取的交叉巡查"),
        occasion=services.occasion_record(by=None, occasion="major_incident", organization=station,
                                          occurred_on=today, description="火灾"),
    )  # fmt: skip


def pk(name: str):
    return lambda w: {"pk": getattr(w.supervision, name).pk}


def later() -> str:
    return str(timezone.localdate() + dt.timedelta(days=10))


def activity_data(w):
    return {"kind": "audit", "title": "审计", "units": [w.orgs.qiaocheng_brigade.pk],
            "team": [w.people.s_discipline.person.pk], "starts_on": str(timezone.localdate()),
            "ends_on": str(timezone.localdate())}  # fmt: skip


def occasion_data(w):
    station = w.supervision.occasion.organization
    return {"occasion": "major_problem", "organization": station.pk, "occurred_on": str(timezone.localdate()),
            "description": "思想波动"}  # fmt: skip


def finding_data(w):
    return {"responsible": w.orgs.qiaocheng_brigade.pk, "description": "问题", "deadline": later()}


def api_finding_data(w):
    return {**finding_data(w), "activity": w.supervision.activity.pk}


def draw_data(w):
    today = str(timezone.localdate())
    return {"brigade": w.orgs.qiaocheng_brigade.pk, "period_start": today, "period_end": today, "sample_size": 2,
            "seed": 9}  # fmt: skip


def api_draw_data(w):
    return {**draw_data(w), "activity": w.supervision.undrawn.pk}


def answer_data(w):
    return {"p_deadline_met": "1", "p_notice_in_time": "1", "p_recheck_done": "1", "p_evidence": "0",
            "p_grade_proper": "1", "note": "无照片"}  # fmt: skip


def api_answer_data(w):
    return {"answers": {"deadline_met": True, "notice_in_time": True, "recheck_done": True, "evidence": False,
                        "grade_proper": True}}  # fmt: skip


def review_finding_data(w):
    return {"description": "未附照片", "deadline": later()}


def text(w):
    return {"text": "整改说明"}


def report_data(w):
    return {"text": "整改完毕", "evidence": png()}


POST = {"method": "post", "ok_status": (302,)}
API_POST = {"api": True, "method": "post", "ok_status": (200,)}
CREATED = {"api": True, "method": "post", "ok_status": (201,)}
ACTIVITY = {"allowed": "s_discipline", "out_of_scope": "s_mc_discipline", "no_permission": "detachment"}
RECTIFY = {"allowed": "s_station", "out_of_scope": "mengcheng", "no_permission": "detachment"}
CLOSE = {"allowed": "s_discipline", "out_of_scope": "s_mc_discipline", "no_permission": "qiaocheng"}
REVIEW = {"allowed": "mengcheng", "out_of_scope": "qiaocheng", "no_permission": "detachment"}
OCCASION = {"allowed": "s_political", "out_of_scope": "s_mc_political", "no_permission": "qiaocheng"}

CASES = [
    # Pages
    Case("integrity:must-attend", allowed="s_political", no_permission="qiaocheng", query="on=2026-10-10"),
    Case("integrity:occasion-create", allowed="s_political", no_permission="qiaocheng"),
    Case("integrity:activity-list", allowed="s_discipline", no_permission="detachment"),
    Case("integrity:activity-create", allowed="s_discipline", no_permission="qiaocheng"),
    Case("integrity:activity-detail", kwargs=pk("activity"), **ACTIVITY),
    Case("integrity:finding-add", kwargs=pk("activity"), data=finding_data, **ACTIVITY, **POST),
    Case("integrity:cross-review-draw", kwargs=pk("undrawn"), data=draw_data, **ACTIVITY, **POST),
    Case("integrity:finding-list", allowed="qiaocheng", no_permission="detachment"),
    Case("integrity:finding-detail", kwargs=pk("open"), **RECTIFY),
    Case("integrity:finding-rectify", kwargs=pk("open"), data=text, **RECTIFY, **POST),
    Case("integrity:finding-report", kwargs=pk("open"), data=report_data, **RECTIFY, **POST),
    Case("integrity:finding-return", kwargs=pk("reported"), data=text, **CLOSE, **POST),
    Case("integrity:finding-close", kwargs=pk("reported"), data=text, **CLOSE, **POST),
    Case("integrity:cross-review-detail", kwargs=pk("review"), **REVIEW),
    Case("integrity:cross-review-item", kwargs=pk("item"), **REVIEW),
    Case("integrity:cross-review-answer", kwargs=pk("item"), data=answer_data, **REVIEW, **POST),
    Case("integrity:cross-review-finding", kwargs=pk("item"), data=review_finding_data, **REVIEW, **POST),
    # API
    Case("api:integrity-mustattendoccasion-list", api=True, allowed="s_political", no_permission="qiaocheng"),
    Case(
        "api:integrity-mustattendoccasion-list",
        data=occasion_data,
        allowed="s_political",
        no_permission="qiaocheng",
        **CREATED,
    ),
    Case("api:integrity-mustattendoccasion-detail", kwargs=pk("occasion"), api=True, **OCCASION),
    Case(
        "api:integrity-supervisionactivity-list", api=True, allowed="s_discipline", no_permission="detachment"
    ),
    Case(
        "api:integrity-supervisionactivity-list",
        data=activity_data,
        allowed="s_discipline",
        no_permission="qiaocheng",
        **CREATED,
    ),
    Case("api:integrity-supervisionactivity-detail", kwargs=pk("activity"), api=True, **ACTIVITY),
    Case("api:integrity-supervisionfinding-list", api=True, allowed="qiaocheng", no_permission="detachment"),
    Case(
        "api:integrity-supervisionfinding-list",
        data=api_finding_data,
        allowed="s_discipline",
        no_permission="qiaocheng",
        **CREATED,
    ),
    Case("api:integrity-supervisionfinding-detail", kwargs=pk("open"), api=True, **RECTIFY),
    Case("api:integrity-supervisionfinding-rectify", kwargs=pk("open"), data=text, **RECTIFY, **API_POST),
    Case(
        "api:integrity-supervisionfinding-report", kwargs=pk("rectifying"), data=text, **RECTIFY, **API_POST
    ),
    Case("api:integrity-supervisionfinding-send-back", kwargs=pk("reported"), data=text, **CLOSE, **API_POST),
    Case("api:integrity-supervisionfinding-close", kwargs=pk("reported"), data=text, **CLOSE, **API_POST),
    Case("api:integrity-crossreview-list", api=True, allowed="mengcheng", no_permission="detachment"),
    Case(
        "api:integrity-crossreview-list",
        data=api_draw_data,
        allowed="s_discipline",
        no_permission="qiaocheng",
        **CREATED,
    ),
    Case("api:integrity-crossreview-detail", kwargs=pk("review"), api=True, **REVIEW),
    Case("api:integrity-crossreviewitem-list", api=True, allowed="mengcheng", no_permission="detachment"),
    Case("api:integrity-crossreviewitem-detail", kwargs=pk("item"), api=True, **REVIEW),
    Case(
        "api:integrity-crossreviewitem-answer", kwargs=pk("item"), data=api_answer_data, **REVIEW, **API_POST
    ),
    Case(
        "api:integrity-crossreviewitem-finding",
        kwargs=pk("item"),
        data=review_finding_data,
        **REVIEW,
        api=True,
        method="post",
        ok_status=(201,),
    ),
]
