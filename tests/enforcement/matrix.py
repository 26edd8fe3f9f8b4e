"""Access-matrix cases for the enforcement pages and API (see tests/matrix.py). The world adds the leaders of
the 谯城区 and 蒙城县 brigades (``qiaocheng_chief``, ``mengcheng_chief``), a mall in 花戏楼街道, and builds lazily,
with dates before today: a sealing proposed from a hazard in the mall, one sealed (ready for a lift request),
one checked (ready to be lifted), a pre-opening application and an accepted one, an event application and an
accepted one. The 蒙城县 inspector is out of jurisdiction, the auditor has no enforcement action at all."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from django.utils import timezone

from flameblue.enforcement import services
from flameblue.org.choices import OrgKind
from tests.enforcement.conftest import PARTICIPANTS, found_hazard, make_chiefs
from tests.factories import org
from tests.matrix import Case
from tests.units.factories import make_unit


def world(w) -> None:
    chiefs = make_chiefs(w.orgs)
    w.people.qiaocheng_chief, w.people.mengcheng_chief = chiefs.qiaocheng, chiefs.mengcheng
    # Its own unit: the units app's world hook registers the persona organisations' units.
    shop = org("亳州宝能城购物中心", OrgKind.SOCIAL_UNIT, "341602001", industry="commerce")
    w.enforcement = SimpleNamespace(units=SimpleNamespace(mall=make_unit(shop, category="shop")))


def _e(w) -> SimpleNamespace:
    e = w.enforcement
    if hasattr(e, "proposed"):
        return e
    today = timezone.localdate()
    day = today - dt.timedelta(days=10)
    mall = e.units.mall

    def proposal():
        return services.sealing_propose(by=None, hazard=found_hazard(mall, w.people.qiaocheng), ground="exits",
                                        premises="负一层超市", facts="安全出口锁闭", inspected_on=day)  # fmt: skip

    e.proposed = proposal()
    e.sealed = services.sealing_decide(proposal(), by=None, seal=True, participants=PARTICIPANTS, opinion="查封",
                                       held_on=day)  # fmt: skip
    e.sealed = services.sealing_serve(e.sealed, by=None, served_on=day)
    e.sealed = services.sealing_execute(e.sealed, by=None, executed_on=day)
    checked = services.sealing_decide(proposal(), by=None, seal=True, participants=PARTICIPANTS, opinion="查封",
                                      held_on=day)  # fmt: skip
    checked = services.sealing_execute(services.sealing_serve(checked, by=None, served_on=day), by=None,
                                       executed_on=day)  # fmt: skip
    checked = services.sealing_request_lift(checked, by=None, requested_on=day, statement="已整改")
    e.checked = services.sealing_check_lift(checked, by=None, checked_on=day, passed=True, notes="合格")
    app = {"unit": mall, "place_name": "星光KTV", "address": "芍花路8号", "area_m2": Decimal("300"),
           "applicant": "星光娱乐", "path": "standard", "applied_on": day}  # fmt: skip
    e.applied = services.preopening_apply(by=None, **app)
    e.accepted = services.preopening_accept(
        services.preopening_apply(by=None, **app), by=None, accepted_on=day
    )
    event = {"unit": mall, "event_name": "中药材交易会", "venue": "会展中心", "starts_on": today + dt.timedelta(days=20),
             "ends_on": today + dt.timedelta(days=22), "expected_attendance": 5000, "applied_on": day}  # fmt: skip
    e.event_applied = services.event_apply(by=None, **event)
    e.event_accepted = services.event_accept(services.event_apply(by=None, **event), by=None, accepted_on=day)
    e.today, e.day = today, day
    return e


def pk(name: str, **extra):
    return lambda w: {"pk": getattr(_e(w), name).pk, **extra}


def step(prefix: str, **fields):
    def data(w):
        e = _e(w)
        values = {k: (v(e) if callable(v) else v) for k, v in fields.items()}
        return {f"{prefix}-{k}": v for k, v in values.items()}

    return data


def api(**fields):
    def data(w):
        e = _e(w)
        return {k: (v(e) if callable(v) else v) for k, v in fields.items()}

    return data


TODAY = lambda e: e.today.isoformat()  # noqa: E731
POST = {"method": "post", "ok_status": (302,)}
API_POST = {"method": "post", "api": True, "ok_status": (200, 201)}
VIEW = {"allowed": "qiaocheng", "out_of_scope": "mengcheng", "no_permission": "auditor"}
ACT = {"allowed": "qiaocheng", "out_of_scope": "mengcheng", "no_permission": "auditor"}
LEAD = {"allowed": "qiaocheng_chief", "out_of_scope": "mengcheng_chief", "no_permission": "qiaocheng"}


def sealing_create(w):
    e = _e(w)
    return {"hazard": found_hazard(e.units.mall, w.people.qiaocheng).pk, "ground": "systems", "premises": "二层",
            "facts": "消防设施严重损坏", "period_days": 30, "inspected_on": e.day.isoformat()}  # fmt: skip


def preopening_create(w):
    e = _e(w)
    return {"unit": e.units.mall.pk, "place_name": "茶楼", "address": "芍花路9号", "area_m2": "200",
            "applicant": "某茶楼", "path": "commitment", "applied_on": e.day.isoformat()}  # fmt: skip


def event_create(w):
    e = _e(w)
    return {"unit": e.units.mall.pk, "event_name": "灯会", "venue": "古城", "expected_attendance": 3000,
            "starts_on": (e.today + dt.timedelta(days=5)).isoformat(),
            "ends_on": (e.today + dt.timedelta(days=6)).isoformat(), "applied_on": e.day.isoformat()}  # fmt: skip


CASES = [
    # Pages
    Case("enforcement:due-list", allowed="qiaocheng", no_permission="auditor"),
    Case("enforcement:sealing-list", allowed="qiaocheng", no_permission="auditor", query="status=proposed"),
    Case("enforcement:sealing-create", allowed="qiaocheng", no_permission="grid"),
    Case(
        "enforcement:sealing-create", data=sealing_create, allowed="qiaocheng", no_permission="grid", **POST
    ),
    Case("enforcement:sealing-detail", kwargs=pk("proposed"), **VIEW),
    Case(
        "enforcement:sealing-detail",
        kwargs=pk("sealed"),
        allowed="qiaocheng_chief",
        note="the leader sees it",
    ),
    Case(
        "enforcement:sealing-step",
        kwargs=pk("proposed", step="decide"),
        **LEAD,
        **POST,
        data=step("decide", held_on=TODAY, seal="yes", participants="甲、乙、丙", opinion="查封"),
    ),
    Case(
        "enforcement:sealing-step",
        kwargs=pk("sealed", step="request-lift"),
        **ACT,
        **POST,
        data=step("request-lift", requested_on=TODAY, statement="已整改"),
    ),
    Case(
        "enforcement:sealing-step",
        kwargs=pk("checked", step="lift"),
        **LEAD,
        **POST,
        data=step("lift", lifted_on=TODAY),
    ),
    Case("enforcement:sealing-writ", kwargs=pk("sealed", code="sealing_decision"), **VIEW),
    Case("enforcement:preopening-list", allowed="qiaocheng", no_permission="auditor"),
    Case("enforcement:preopening-create", allowed="qiaocheng", no_permission="grid"),
    Case(
        "enforcement:preopening-create",
        data=preopening_create,
        allowed="qiaocheng",
        no_permission="grid",
        **POST,
    ),
    Case("enforcement:preopening-detail", kwargs=pk("applied"), **VIEW),
    Case(
        "enforcement:preopening-step",
        kwargs=pk("applied", step="accept"),
        **ACT,
        **POST,
        data=step("accept", accepted_on=TODAY, accept="yes", reason=""),
    ),
    Case("enforcement:preopening-writ", kwargs=pk("accepted", code="preopening_receipt"), **VIEW),
    Case("enforcement:event-list", allowed="qiaocheng", no_permission="auditor"),
    Case("enforcement:event-create", allowed="qiaocheng", no_permission="grid"),
    Case("enforcement:event-create", data=event_create, allowed="qiaocheng", no_permission="grid", **POST),
    Case("enforcement:event-detail", kwargs=pk("event_applied"), **VIEW),
    Case(
        "enforcement:event-step",
        kwargs=pk("event_accepted", step="decide"),
        **ACT,
        **POST,
        data=step("decide", checked_on=TODAY, passed="yes", findings="合格"),
    ),
    Case(
        "enforcement:event-writ",
        kwargs=pk("event_accepted", code="event_opinion"),
        allowed=None,
        out_of_scope="mengcheng",
        no_permission="auditor",
        note="no opinion before the check",
    ),
    # API
    Case("api:enforcement-due-list", api=True, allowed="qiaocheng", no_permission="auditor"),
    Case("api:enforcement-sealing-list", api=True, allowed="qiaocheng", no_permission="auditor"),
    Case(
        "api:enforcement-sealing-list",
        data=sealing_create,
        allowed="qiaocheng",
        no_permission="grid",
        **API_POST,
    ),
    Case("api:enforcement-sealing-detail", api=True, kwargs=pk("proposed"), **VIEW),
    Case(
        "api:enforcement-sealing-decide",
        kwargs=pk("proposed"),
        **LEAD,
        **API_POST,
        data=api(held_on=TODAY, seal=True, participants=["甲", "乙", "丙"], opinion="查封"),
    ),
    Case(
        "api:enforcement-sealing-serve",
        kwargs=pk("proposed"),
        **ACT,
        **{**API_POST, "ok_status": (409,)},
        data=api(served_on=TODAY),
        note="allowed persona reaches the service; proposed cannot be served (409)",
    ),
    Case(
        "api:enforcement-sealing-execute",
        kwargs=pk("proposed"),
        **ACT,
        **{**API_POST, "ok_status": (409,)},
        data=api(executed_on=TODAY),
    ),
    Case(
        "api:enforcement-sealing-request-lift",
        kwargs=pk("sealed"),
        **ACT,
        **API_POST,
        data=api(requested_on=TODAY, statement="已整改"),
    ),
    Case(
        "api:enforcement-sealing-check-lift",
        kwargs=pk("sealed"),
        **ACT,
        **{**API_POST, "ok_status": (409,)},
        data=api(checked_on=TODAY, passed=True, notes="合格"),
    ),
    Case("api:enforcement-sealing-lift", kwargs=pk("checked"), **LEAD, **API_POST, data=api(lifted_on=TODAY)),
    Case("api:enforcement-preopening-list", api=True, allowed="qiaocheng", no_permission="auditor"),
    Case(
        "api:enforcement-preopening-list",
        data=preopening_create,
        allowed="qiaocheng",
        no_permission="grid",
        **API_POST,
    ),
    Case("api:enforcement-preopening-detail", api=True, kwargs=pk("applied"), **VIEW),
    Case(
        "api:enforcement-preopening-accept",
        kwargs=pk("applied"),
        **ACT,
        **API_POST,
        data=api(accepted_on=TODAY),
    ),
    Case(
        "api:enforcement-preopening-decide",
        kwargs=pk("accepted"),
        **ACT,
        **API_POST,
        data=api(checked_on=TODAY, passed=True, findings="合格"),
    ),
    Case("api:enforcement-event-list", api=True, allowed="qiaocheng", no_permission="auditor"),
    Case(
        "api:enforcement-event-list", data=event_create, allowed="qiaocheng", no_permission="grid", **API_POST
    ),
    Case("api:enforcement-event-detail", api=True, kwargs=pk("event_applied"), **VIEW),
    Case(
        "api:enforcement-event-accept",
        kwargs=pk("event_applied"),
        **ACT,
        **API_POST,
        data=api(accepted_on=TODAY),
    ),
    Case(
        "api:enforcement-event-decide",
        kwargs=pk("event_accepted"),
        **ACT,
        **API_POST,
        data=api(checked_on=TODAY, passed=True, findings="合格"),
    ),
]
