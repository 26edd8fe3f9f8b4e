"""Access-matrix cases of the corps' sub-domains (incidents and case reviews, readiness checks, honours;
see tests/matrix.py). Qiaocheng's brigade sees and records its county's records and reports its stations'
corrective actions; Mengcheng's brigade is out of jurisdiction; the detachment reviews, checks, closes and
honours; the auditor has none of it."""

from __future__ import annotations

from tests.corps.subdomains import evidence, make_world
from tests.matrix import Case


def world(w) -> None:
    w.corpsb = make_world(w.orgs)


def pk(name: str):
    return lambda w: {"pk": getattr(w.corpsb, name).pk}


VIEW = {"allowed": "qiaocheng", "out_of_scope": "mengcheng", "no_permission": "auditor"}
LIST = {"allowed": "qiaocheng", "no_permission": "auditor"}
HQ = {"allowed": "detachment", "no_permission": "qiaocheng"}
POST = {"method": "post", "ok_status": (302,)}
API_POST = {"api": True, "method": "post"}


def incident_form(w):
    c = w.corpsb
    return {"kind": "fire", "called_at": "2026-03-05T08:00", "arrived_at": "2026-03-05T08:09", "region": "341602",
            "address": "魏武大道 8 号", "stations": [c.station.pk], "vehicles": 2, "personnel": 9, "rescued": 0,
            "deaths": 0, "injuries": 0, "direct_loss": "1200", "narrative": "", "version": c.incident.version}  # fmt: skip


def incident_api(w):
    return {
        **incident_form(w),
        "called_at": "2026-03-05T08:00:00+08:00",
        "arrived_at": "2026-03-05T08:09:00+08:00",
    }


def review_form(w):
    c = w.corpsb
    return {"title": "研讨", "held_on": "2026-03-10", "participants": [c.firefighter.pk], "went_well": "好",
            "went_wrong": "差", "lessons": "练", "owner": c.station.pk, "task": "整改", "due_on": "2026-04-10"}  # fmt: skip


def report_form(w):
    return {"report": "已整改", "evidence": evidence()}


CASES = [
    Case("corps:incident-list", **LIST),
    Case("corps:incident-stats", **LIST),
    Case("corps:incident-export", **LIST),
    Case("corps:incident-create", **LIST),
    Case("corps:incident-create", data=incident_form, **LIST, **POST),
    Case("corps:incident-detail", kwargs=pk("incident"), **VIEW),
    Case("corps:incident-edit", kwargs=pk("incident"), **VIEW),
    Case("corps:incident-edit", kwargs=pk("incident"), data=incident_form, **VIEW, **POST),
    Case("corps:review-create", kwargs=pk("incident"), **HQ),
    Case("corps:review-create", kwargs=pk("incident"), data=review_form, **HQ, **POST),
    Case("corps:review-list", **LIST),
    Case("corps:review-detail", kwargs=pk("review"), **VIEW),
    Case(
        "corps:review-action-add",
        kwargs=pk("review"),
        data=lambda w: {"owner": w.corpsb.station.pk, "task": "补训", "due_on": "2026-05-01"},
        **HQ,
        **POST,
    ),
    Case("corps:review-action-list", **LIST),
    Case("corps:review-action-detail", kwargs=pk("action"), **VIEW),
    Case("corps:review-action-report", kwargs=pk("action"), data=report_form, **VIEW, **POST),
    Case(
        "corps:review-action-close",
        kwargs=pk("action_submitted"),
        data=lambda w: {"reason": "合格"},
        **HQ,
        **POST,
    ),
    Case(
        "corps:review-action-return",
        kwargs=pk("action_submitted"),
        data=lambda w: {"reason": "不合格"},
        **HQ,
        **POST,
    ),
    Case("corps:readiness-list", **LIST),
    Case("corps:readiness-create", **HQ),
    Case("corps:readiness-detail", kwargs=pk("check"), **VIEW),
    Case("corps:finding-list", **LIST),
    Case("corps:finding-detail", kwargs=pk("finding"), **VIEW),
    Case("corps:finding-report", kwargs=pk("finding"), data=report_form, **VIEW, **POST),
    Case(
        "corps:finding-close", kwargs=pk("finding_submitted"), data=lambda w: {"reason": "合格"}, **HQ, **POST
    ),
    Case(
        "corps:finding-return",
        kwargs=pk("finding_submitted"),
        data=lambda w: {"reason": "不合格"},
        **HQ,
        **POST,
    ),
    Case("corps:honour-list", **LIST),
    Case("corps:honour-roll", query="year=2019", **LIST),
    Case("corps:honour-create", **HQ),
    Case("corps:honour-detail", kwargs=pk("honour"), **VIEW),
    Case("corps:honour-edit", kwargs=pk("honour"), **HQ),
    # API
    Case("api:corps-incident-list", api=True, **LIST),
    Case("api:corps-incident-list", data=incident_api, ok_status=(201,), **API_POST, **LIST),
    Case("api:corps-incident-counts", api=True, **LIST),
    Case("api:corps-incident-detail", kwargs=pk("incident"), api=True, **VIEW),
    Case(
        "api:corps-incident-detail", kwargs=pk("incident"), data=incident_api, api=True, method="put", **VIEW
    ),
    Case("api:corps-review-list", api=True, **LIST),
    Case("api:corps-review-detail", kwargs=pk("review"), api=True, **VIEW),
    Case("api:corps-review-action-list", api=True, **LIST),
    Case("api:corps-review-action-detail", kwargs=pk("action"), api=True, **VIEW),
    Case(
        "api:corps-review-action-report",
        kwargs=pk("action_returned"),
        data=lambda w: {"report": "重新配齐"},
        **API_POST,
        **VIEW,
    ),
    Case("api:corps-review-action-close", kwargs=pk("action_submitted"), data=lambda w: {}, **API_POST, **HQ),
    Case(
        "api:corps-review-action-send-back",
        kwargs=pk("action_submitted"),
        data=lambda w: {"reason": "不合格"},
        **API_POST,
        **HQ,
    ),
    Case("api:corps-checklist-list", api=True, **LIST),
    Case("api:corps-checklist-detail", kwargs=pk("checklist"), api=True, **LIST),
    Case("api:corps-readiness-list", api=True, **LIST),
    Case("api:corps-readiness-detail", kwargs=pk("check"), api=True, **VIEW),
    Case("api:corps-finding-list", api=True, **LIST),
    Case("api:corps-finding-detail", kwargs=pk("finding"), api=True, **VIEW),
    Case(
        "api:corps-finding-report",
        kwargs=pk("finding_returned"),
        data=lambda w: {"report": "已改到位"},
        **API_POST,
        **VIEW,
    ),
    Case("api:corps-finding-close", kwargs=pk("finding_submitted"), data=lambda w: {}, **API_POST, **HQ),
    Case(
        "api:corps-finding-send-back",
        kwargs=pk("finding_submitted"),
        data=lambda w: {"reason": "未改"},
        **API_POST,
        **HQ,
    ),
    Case("api:corps-honour-list", api=True, **LIST),
    Case("api:corps-honour-summary", api=True, query="year=2019", **LIST),
    Case("api:corps-honour-detail", kwargs=pk("honour"), api=True, **VIEW),
]
