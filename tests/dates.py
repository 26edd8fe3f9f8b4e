"""Fixed dates for tests whose outcome depends on the calendar (style.md: tests do not depend on today).

``frozen_on(day)`` is a pytest mark that stops the clock at 10:00 Bozhou time on ``day`` for one test or a
whole module (``pytestmark``), also under ``--pretend-today``; mark such tests ``date_sensitive`` as well.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import zoneinfo
from collections.abc import Iterator

import pytest
import time_machine

__all__ = ["SHANGHAI", "at_ten", "database_clock", "frozen_on"]

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def at_ten(day: dt.date) -> dt.datetime:
    """10:00 in Bozhou on ``day``: inside a working day, far from midnight in UTC and local time."""
    return dt.datetime.combine(day, dt.time(10), tzinfo=SHANGHAI)


def frozen_on(day: dt.date) -> pytest.MarkDecorator:
    """Stop the clock at 10:00 Bozhou time on ``day`` (time-machine's marker; fixtures see it too)."""
    return pytest.mark.time_machine(at_ten(day), tick=False)


@contextlib.contextmanager
def database_clock() -> Iterator[None]:
    """Python's clock set to PostgreSQL's ``now()`` (the current transaction's start), ticking.

    For tests of a rule enforced on both sides, such as the audit trail's 180-day delete guard (a trigger
    that reads the database's clock): time-machine moves only Python's clock, so under a frozen or pretended
    date the two would disagree by months. On SQLite there is no database-side rule and nothing changes."""
    from django.db import connection

    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT now()")
        (now,) = cursor.fetchone()
    with time_machine.travel(now, tick=True):
        yield
