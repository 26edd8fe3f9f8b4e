"""Access-matrix cases for the integrity pages and API (see tests/matrix.py). The world gets a station with a
detachment political officer's liaison point, discipline officers of the detachment and of 蒙城县, a 蒙城县
political officer (out of jurisdiction for 谯城 points), a declaration and a drinking report of the 谯城
inspector. The detachment administrator is the out-of-scope persona for declarations and reports: the role
may file its own but never sees another's (404)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from django.utils import timezone

from flameblue.integrity import services
from flameblue.org.choices import OrgKind
from tests.factories import org, persona
from tests.matrix import Case


def world(w) -> None:
    o, p = w.orgs, w.people
    station = org("谯城区城东消防救援站", OrgKind.STATION, "341602", parent=o.qiaocheng_brigade)
    p.zd_discipline = persona("m_zd_discipline", o.detachment, "discipline_officer")
    p.mc_discipline = persona("m_mc_discipline", o.mengcheng_brigade, "discipline_officer")
    p.zd_political = persona("m_zd_political", o.detachment, "political_officer")
    p.mc_political = persona("m_mc_political", o.mengcheng_brigade, "political_officer")
    today = timezone.localdate()
    point = services.liaison_point_create(
        by=None, member=p.zd_political.person, organization=station, since=today - dt.timedelta(days=30)
    )
    w.integrity = SimpleNamespace(
        point=point,
        visit=services.liaison_visit_log(by=None, point=point, visited_on=today, work="检查执勤"),
        declaration=services.relative_business_declare(
            by=p.qiaocheng, year=today.year, relative_name="李某", relation="spouse", enterprise_name="某商行"
        ),
        report=services.drinking_report(
            by=p.qiaocheng, occasion_on=today + dt.timedelta(days=3), place="家中", reason="婚宴"
        ),
    )


def pk(name: str):
    return lambda w: {"pk": getattr(w.integrity, name).pk}


def visit_data(w):
    return {"visited_on": str(timezone.localdate()), "days": 1, "work": "上党课"}


def decide_data(w):
    return {"version": w.integrity.report.version, "approve": "1", "note": ""}


def api_decide_data(w):
    return {"version": w.integrity.report.version, "approve": True, "note": ""}


POST = {"method": "post", "ok_status": (302,)}
POINT = {"allowed": "zd_political", "out_of_scope": "mc_political", "no_permission": "qiaocheng"}
RESTRICTED = {"allowed": "zd_discipline", "out_of_scope": "detachment", "no_permission": "sysadmin"}
DECIDE = {"allowed": "zd_discipline", "out_of_scope": "mc_discipline", "no_permission": "qiaocheng"}

CASES = [
    # Pages
    Case("integrity:point-list", allowed="zd_political", no_permission="qiaocheng"),
    Case("integrity:point-create", allowed="zd_political", no_permission="detachment"),
    Case("integrity:liaison-due", allowed="detachment", no_permission="qiaocheng", query="on=2026-05-20"),
    Case("integrity:point-detail", kwargs=pk("point"), **POINT),
    Case("integrity:visit-log", kwargs=pk("point"), data=visit_data, **POINT, **POST),
    Case("integrity:declaration-list", allowed="qiaocheng", no_permission="sysadmin"),
    Case("integrity:declaration-export", allowed="zd_discipline", no_permission="detachment"),
    Case("integrity:declaration-create", allowed="qiaocheng", no_permission="sysadmin"),
    Case("integrity:declaration-detail", kwargs=pk("declaration"), **RESTRICTED),
    Case("integrity:drinking-list", allowed="zd_discipline", no_permission="auditor"),
    Case("integrity:drinking-create", allowed="qiaocheng", no_permission="auditor"),
    Case("integrity:drinking-detail", kwargs=pk("report"), **RESTRICTED),
    Case("integrity:drinking-decide", kwargs=pk("report"), data=decide_data, **DECIDE, **POST),
    # API
    Case("api:integrity-liaisonpoint-list", api=True, allowed="zd_political", no_permission="qiaocheng"),
    Case("api:integrity-liaisonpoint-detail", kwargs=pk("point"), api=True, **POINT),
    Case("api:integrity-liaisonvisit-list", api=True, allowed="zd_political", no_permission="qiaocheng"),
    Case("api:integrity-liaisonvisit-detail", kwargs=pk("visit"), api=True, **POINT),
    Case("api:integrity-relativebusiness-list", api=True, allowed="qiaocheng", no_permission="sysadmin"),
    Case("api:integrity-relativebusiness-detail", kwargs=pk("declaration"), api=True, **RESTRICTED),
    Case("api:integrity-drinkingreport-list", api=True, allowed="qiaocheng", no_permission="sysadmin"),
    Case("api:integrity-drinkingreport-detail", kwargs=pk("report"), api=True, **RESTRICTED),
    Case(
        "api:integrity-drinkingreport-decide",
        kwargs=pk("report"),
        api=True,
        method="post",
        data=api_decide_data,
        **DECIDE,
    ),  # fmt: skip
]
