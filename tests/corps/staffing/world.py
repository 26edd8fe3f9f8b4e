"""Part A's test world on top of the corps fixtures: the detachment's HQ office (司令部) and political office
(政治处) with their people, a second station commander, and a published month with results of both Qiaocheng
stations. The ``chain`` and ``published`` fixtures (conftest of tests/corps/staffing/ and objections/) build
them; the access matrix builds them once for its world."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from flameblue.corps import services
from flameblue.org.choices import OrgKind
from tests.corps.conftest import item, make_plan
from tests.factories import org, persona


def make_chain(orgs, corps) -> SimpleNamespace:
    c = SimpleNamespace()
    c.hq_office = org("亳州市消防救援支队司令部", OrgKind.DETACHMENT_OFFICE, "3416", parent=orgs.detachment)
    c.political_office = org(
        "亳州市消防救援支队政治处", OrgKind.DETACHMENT_OFFICE, "3416", parent=orgs.detachment
    )
    c.political = persona("political_cadre", c.political_office, "political_officer")
    c.hq_staff = persona("hq_staff", c.hq_office, "detachment_admin")
    c.xincheng_commander = persona("xincheng_commander", corps.xincheng, "station_commander")
    return c


def publish_month(orgs, corps, month=dt.date(2026, 10, 1)):
    """October's plan with one result per Qiaocheng station, published on the day the clock says."""
    plan = make_plan(orgs, corps, month=month)
    tegin = services.result_record(
        by=None,
        plan=plan,
        station=corps.tegin,
        item=item("run-3000m"),
        member=corps.members["张伟"],
        raw=["790"],
    )
    xincheng = services.result_record(
        by=None, plan=plan, station=corps.xincheng, item=item("run-3000m"), member=corps.members["王磊"],
        raw=["12'40\""],
    )  # fmt: skip
    plan.refresh_from_db()
    plan = services.plan_publish(plan=plan, by=None)
    return SimpleNamespace(plan=plan, tegin=tegin, xincheng=xincheng)
