"""Access-matrix cases for the public tip pages and the staff's tip pages and API (see tests/matrix.py).
Tips are made lazily through the real service once every app's world hook has run."""

from __future__ import annotations

from types import SimpleNamespace

from tests.hazards.tips.helpers import make_tip
from tests.matrix import Case


def world(w) -> None:
    w.tips = SimpleNamespace()


def _tip(w):
    if not hasattr(w.tips, "received"):
        w.tips.received = make_tip(phone="13812345678")
    return w.tips.received


def pk(w):
    return {"pk": _tip(w).pk}


def code(w):
    return {"code": _tip(w).tracking_code}


STAFF = {"out_of_scope": "mengcheng"}
PAGE_POST = {"method": "post", "ok_status": (302,), "no_permission": "grid", "allowed": "qiaocheng", **STAFF}
API_POST = {"method": "post", "api": True, "no_permission": "grid", "allowed": "qiaocheng", **STAFF}

CASES = [
    # Public pages (no login)
    Case("portal_tips:create", public=True, allowed="outsider"),
    Case("portal_tips:done", public=True, allowed="outsider", ok_status=(302,), note="no tip in session"),
    Case("portal_tips:track", public=True, allowed="outsider"),
    # Staff pages
    Case("hazards:tip-list", allowed="grid", no_permission="auditor"),
    Case("hazards:tip-list", allowed="qiaocheng", query="status=received&category=other&overdue=no"),
    Case("hazards:tip-detail", kwargs=pk, allowed="grid", no_permission="auditor", **STAFF),
    Case("hazards:tip-start", kwargs=pk, data=lambda w: {"version": 1}, **PAGE_POST),
    Case(
        "hazards:tip-convert",
        kwargs=pk,
        data=lambda w: {"version": 1, "unit": w.units.mall.pk, "grade": "general"},
        **PAGE_POST,
    ),
    Case(
        "hazards:tip-dismiss",
        kwargs=pk,
        data=lambda w: {"version": 1, "reason": "现场核查不属实"},
        **PAGE_POST,
    ),
    # API: public create/token/track, staff list/detail/moves
    Case("api:tip-list", api=True, allowed="qiaocheng", no_permission="auditor"),
    Case("api:tip-detail", kwargs=pk, api=True, allowed="grid", no_permission="auditor", **STAFF),
    Case("api:tip-token", api=True, public=True, allowed="outsider"),
    Case("api:tip-track", kwargs=code, api=True, public=True, allowed="outsider"),
    Case("api:tip-start", kwargs=pk, data=lambda w: {}, **API_POST),
    Case("api:tip-convert", kwargs=pk, data=lambda w: {"unit": w.units.mall.pk}, **API_POST),
    Case("api:tip-dismiss", kwargs=pk, data=lambda w: {"reason": "不属实"}, **API_POST),
]
