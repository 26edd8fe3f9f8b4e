"""Access-matrix cases for the event-security pages and API (see tests/matrix.py). Built lazily once every
app's world hook has run: an event of the 谯城区 brigade in preparation with a theatre in 花戏楼街道 (checked,
one open hazard), an ad-hoc square with a post; a second event whose only venue is ready (to start); and a
third already under way (for reports, incidents and the end)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from flameblue.events import services
from flameblue.org.choices import OrgKind
from tests.events.conftest import check, make_event, staff
from tests.factories import org
from tests.matrix import Case
from tests.units.factories import make_unit

PAST = (dt.date(2025, 10, 1), dt.date(2025, 10, 3))


def world(w) -> None:
    w.events = SimpleNamespace()


def _ready_event(w, name: str):
    event = make_event(w.orgs.qiaocheng_brigade, None, name=name, starts_on=PAST[0], ends_on=PAST[1])
    venue = services.venue_add(event=event, by=None, name="临时观礼区", region=w.orgs.huaxilou_gov.region,
                               address="谯城区芍花路")  # fmt: skip
    services.venue_site_check(venue=venue, by=None, checked_on=PAST[0], note="通道畅通")
    staff(services.post_add(venue=venue, by=None, name="观礼区执勤点"), [w.people.qiaocheng.person])
    return event


def _e(w) -> SimpleNamespace:
    e = w.events
    if not hasattr(e, "event"):
        theatre = make_unit(org("亳州大剧院", OrgKind.SOCIAL_UNIT, "341602001", industry="culture_tourism"),
                            place_type_id="entertainment")  # fmt: skip
        e.event = make_event(w.orgs.qiaocheng_brigade, None)
        e.venue = services.venue_add(event=e.event, by=None, unit=theatre)
        check(e.venue, w.people.qiaocheng, fail=1)
        e.hazard = _hazard(e.venue)
        e.square = services.venue_add(event=e.event, by=None, name="广场临时展区", region=w.orgs.huaxilou_gov.region,
                                      address="谯城区汤陵路")  # fmt: skip
        e.post = services.post_add(venue=e.square, by=None, name="展区执勤点")
        e.ready = _ready_event(w, "待进入安保的活动")
        e.securing = services.event_start(event=_ready_event(w, "安保中的活动"), by=None)
    return e


def _hazard(venue):
    from flameblue.events.selectors import open_hazards

    return open_hazards(venue).get()


def pk(name: str):
    return lambda w: {"pk": getattr(_e(w), name).pk}


def version(name: str):
    return lambda w: {"version": getattr(_e(w), name).version}


def create(w):
    return {"name": "2026年“两会”消防安保", "level": "county", "organiser": w.orgs.qiaocheng_brigade.pk,
            "region": "341602", "starts_on": "2026-03-03", "ends_on": "2026-03-12"}  # fmt: skip


def edit(w):
    data = create(w)
    del data["organiser"], data["region"]
    return {**data, "description": "", "version": _e(w).event.version}


def venue(w):
    _e(w)
    return {"name": "汤陵公园东门", "region": w.orgs.huaxilou_gov.region_id, "address": "谯城区汤陵路8号"}


def end(w):
    return {"summary": "安保期间未发生火灾，圆满完成任务。", "version": _e(w).securing.version}


def report(w):
    _e(w)
    return {"date": str(PAST[0]), "summary": "各岗位到岗到位", "staff_on_duty": 40, "vehicles_on_duty": 8,
            "checks": 6, "hazards_found": 1}  # fmt: skip


def incident(w):
    _e(w)
    return {"occurred_at": "2025-10-02T10:30", "kind": "alarm", "description": "烟感误报", "handled": True,
            "handling": "现场核查为误报，已复位"}  # fmt: skip


def incident_api(w):
    return {**incident(w), "occurred_at": "2025-10-02T10:30:00+08:00"}


def site_check(w):
    _e(w)
    return {"checked_on": "2026-05-15", "note": "消防车通道畅通"}


def accept(w):
    return {"hazard": _e(w).hazard.pk, "reason": "已落实临时措施，专人值守"}


def post(w):
    _e(w)
    return {
        "name": "东门执勤点",
        "duty": "巡查",
        "vehicles": "皖S·0119 水罐消防车",
        "crew": [w.people.qiaocheng.person.pk],
    }


def shift(w):
    return {"post": _e(w).post.pk, "date": "2026-05-18", "starts_at": "08:00", "ends_at": "20:00",
            "people": [w.people.qiaocheng.person.pk]}  # fmt: skip


POST = {"method": "post", "ok_status": (302,)}
API_POST = {"method": "post", "api": True, "ok_status": (200, 201)}
VIEW = {"allowed": "qiaocheng", "out_of_scope": "mengcheng", "no_permission": "edu"}

CASES = [
    # Pages
    Case("events:event-list", allowed="grid", no_permission="edu", query="status=preparing"),
    Case("events:event-export", allowed="qiaocheng", no_permission="edu"),
    Case("events:event-create", allowed="qiaocheng", no_permission="grid"),
    Case("events:event-create", data=create, allowed="qiaocheng", no_permission="grid", **POST),
    Case("events:event-detail", kwargs=pk("event"), **VIEW),
    Case(
        "events:event-detail",
        kwargs=pk("event"),
        allowed="grid",
        note="a township sees an event in its streets",
    ),
    Case(
        "events:event-edit",
        kwargs=pk("event"),
        allowed="qiaocheng",
        out_of_scope="mengcheng",
        no_permission="grid",
    ),
    Case(
        "events:event-edit",
        kwargs=pk("event"),
        data=edit,
        allowed="qiaocheng",
        out_of_scope="mengcheng",
        no_permission="grid",
        **POST,
    ),
    Case("events:event-readiness", kwargs=pk("event"), **VIEW),
    Case(
        "events:event-start",
        kwargs=pk("ready"),
        data=version("ready"),
        allowed="qiaocheng",
        out_of_scope="mengcheng",
        no_permission="grid",
        **POST,
    ),
    Case(
        "events:event-end",
        kwargs=pk("securing"),
        data=end,
        allowed="qiaocheng",
        out_of_scope="mengcheng",
        no_permission="grid",
        **POST,
    ),
    Case(
        "events:venue-add",
        kwargs=pk("event"),
        data=venue,
        allowed="qiaocheng",
        out_of_scope="mengcheng",
        no_permission="grid",
        **POST,
    ),
    Case(
        "events:report-add",
        kwargs=pk("securing"),
        data=report,
        allowed="qiaocheng",
        out_of_scope="mengcheng",
        no_permission="grid",
        **POST,
    ),
    Case(
        "events:incident-add",
        kwargs=pk("securing"),
        data=incident,
        allowed="qiaocheng",
        out_of_scope="mengcheng",
        no_permission="grid",
        **POST,
    ),
    Case("events:venue-detail", kwargs=pk("venue"), **VIEW),
    Case("events:venue-inspect", kwargs=pk("venue"), data=lambda w: {}, **VIEW, **POST),
    Case("events:venue-site-check", kwargs=pk("square"), data=site_check, **VIEW, **POST),
    Case("events:hazard-accept", kwargs=pk("venue"), data=accept, **VIEW, **POST),
    Case("events:post-add", kwargs=pk("venue"), data=post, **VIEW, **POST),
    Case("events:shift-add", kwargs=pk("square"), data=shift, **VIEW, **POST),
    # API
    Case("api:events-event-list", api=True, allowed="grid", no_permission="edu"),
    Case("api:events-event-list", data=create, allowed="qiaocheng", no_permission="grid", **API_POST),
    Case("api:events-event-detail", kwargs=pk("event"), api=True, **VIEW),
    Case("api:events-event-readiness", kwargs=pk("event"), api=True, **VIEW),
    Case(
        "api:events-event-start",
        kwargs=pk("ready"),
        data=version("ready"),
        allowed="qiaocheng",
        out_of_scope="mengcheng",
        no_permission="grid",
        **API_POST,
    ),
    Case(
        "api:events-event-end",
        kwargs=pk("securing"),
        data=end,
        allowed="qiaocheng",
        out_of_scope="mengcheng",
        no_permission="grid",
        **API_POST,
    ),
    Case(
        "api:events-event-venues",
        kwargs=pk("event"),
        data=venue,
        allowed="qiaocheng",
        out_of_scope="mengcheng",
        no_permission="grid",
        **API_POST,
    ),
    Case(
        "api:events-event-reports",
        kwargs=pk("securing"),
        data=report,
        allowed="qiaocheng",
        out_of_scope="mengcheng",
        no_permission="grid",
        **API_POST,
    ),
    Case(
        "api:events-event-incidents",
        kwargs=pk("securing"),
        data=incident_api,
        allowed="qiaocheng",
        out_of_scope="mengcheng",
        no_permission="grid",
        **API_POST,
    ),
    Case("api:events-venue-list", api=True, allowed="grid", no_permission="edu"),
    Case("api:events-venue-detail", kwargs=pk("venue"), api=True, **VIEW),
    Case("api:events-venue-posts", kwargs=pk("venue"), data=post, **VIEW, **API_POST),
    Case("api:events-venue-shifts", kwargs=pk("square"), data=shift, **VIEW, **API_POST),
    Case("api:events-venue-accept", kwargs=pk("venue"), data=accept, **VIEW, **API_POST),
    Case("api:events-venue-inspect", kwargs=pk("venue"), data=lambda w: {}, **VIEW, **API_POST),
]
