"""Access-matrix cases for the corps pages and API (see tests/matrix.py). The world gets two Qiaocheng
stations and a Mengcheng one with a small roster (Mengcheng's brigade is out of jurisdiction for Qiaocheng's
records), November's plan still open with one result, and October's plan published (公示)."""

from __future__ import annotations

import datetime as dt

from flameblue.corps import services
from tests.corps.conftest import item, make_corps, make_plan
from tests.matrix import Case


def world(w) -> None:
    c = w.corps = make_corps(w.orgs)
    c.plan = make_plan(w.orgs, c)
    c.result = services.result_record(
        by=None, plan=c.plan, station=c.tegin, item=item("run-3000m"), member=c.members["张伟"], raw=["750"]
    )
    c.plan.refresh_from_db()
    c.published = make_plan(w.orgs, c, month=dt.date(2026, 10, 1))
    services.result_record(
        by=None,
        plan=c.published,
        station=c.xincheng,
        item=item("run-3000m"),
        member=c.members["王磊"],
        raw=["790"],
    )
    c.published.refresh_from_db()
    c.published = services.plan_publish(plan=c.published, by=None)


def pk(name: str):
    return lambda w: {"pk": getattr(w.corps, name).pk}


def member_pk(w):
    return {"pk": w.corps.members["张伟"].pk}


def result_data(w):
    c = w.corps
    return {
        "station": c.tegin.pk,
        "item": item("run-3000m").pk,
        "member": c.members["李强"].pk,
        "raw": ["12'40\""],
    }


def result_form(w):
    data = result_data(w)
    return {**data, "raw": "12'40\"", "faults": 0}


def publish_data(w):
    return {"version": w.corps.plan.version}


VIEW = {"allowed": "qiaocheng", "out_of_scope": "mengcheng", "no_permission": "auditor"}
HQ = {"allowed": "detachment", "no_permission": "qiaocheng"}
POST = {"method": "post", "ok_status": (302,)}

CASES = [
    Case("corps:roster-list", allowed="qiaocheng", no_permission="auditor"),
    Case("corps:roster-create", **HQ),
    Case("corps:roster-detail", kwargs=member_pk, **VIEW),
    Case("corps:item-list", allowed="qiaocheng", no_permission="auditor"),
    Case("corps:plan-list", **HQ),
    Case("corps:plan-create", **HQ),
    Case("corps:plan-trends", **HQ),
    Case("corps:plan-detail", kwargs=pk("plan"), **HQ),
    Case("corps:result-entry", kwargs=pk("plan"), **HQ),
    Case("corps:result-entry", kwargs=pk("plan"), data=result_form, **HQ, **POST),
    Case("corps:plan-publish", kwargs=pk("plan"), data=publish_data, **HQ, **POST),
    Case("corps:public-plan-list", public=True, allowed="outsider"),
    Case("corps:public-plan-detail", kwargs=pk("published"), public=True, allowed="outsider"),
    # API
    Case("api:corps-roster-list", api=True, allowed="qiaocheng", no_permission="auditor"),
    Case("api:corps-roster-detail", kwargs=member_pk, api=True, **VIEW),
    Case("api:corps-item-list", api=True, allowed="qiaocheng", no_permission="auditor"),
    Case(
        "api:corps-item-detail",
        kwargs=lambda w: {"pk": item("bar-rollup").pk},
        api=True,
        allowed="qiaocheng",
        no_permission="auditor",
    ),  # fmt: skip
    Case("api:corps-plan-list", api=True, **HQ),
    Case("api:corps-plan-detail", kwargs=pk("plan"), api=True, **HQ),
    Case(
        "api:corps-plan-results",
        kwargs=pk("plan"),
        data=result_data,
        api=True,
        method="post",
        ok_status=(201,),
        **HQ,
    ),  # fmt: skip
    Case("api:corps-plan-publish", kwargs=pk("plan"), data=publish_data, api=True, method="post", **HQ),
    Case("api:corps-result-list", api=True, allowed="qiaocheng", no_permission="auditor"),
    Case("api:corps-result-detail", kwargs=pk("result"), api=True, **VIEW),
]

CASES += [
    Case("corps:result-correct", kwargs=pk("result"), **HQ),
    Case(
        "corps:result-correct",
        kwargs=pk("result"),
        data=lambda w: {"raw": "12'31\"", "reason": "计时员读数有误"},
        **HQ,
        **POST,
    ),  # fmt: skip
    Case(
        "api:corps-result-correct",
        kwargs=pk("result"),
        data=lambda w: {"raw": ["751"], "reason": "复核"},
        api=True,
        method="post",
        ok_status=(201,),
        **HQ,
    ),  # fmt: skip
]
