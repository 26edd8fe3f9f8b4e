"""Shared by the annual-summary tests: hazards and training sessions of 2019 in 谯城区."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from tests.hazards.lifecycle_helpers import report
from tests.outreach.conftest import make_session

YEAR = 2019
WHEN = dt.datetime(2019, 6, 3, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def hazard_2019(unit, by, **kw):
    return report(unit, by, found_at=kw.pop("found_at", WHEN), **kw)


def session_2019(organiser, **kw):
    return make_session(organiser, held_on=kw.pop("held_on", dt.date(2019, 5, 20)), **kw)


def block(version, key: str) -> dict:
    return next(b for b in version.blocks if b["key"] == key)
