"""Fixed dates for tests whose outcome depends on the calendar (style.md: tests do not depend on today).

``frozen_on(day)`` is a pytest mark that stops the clock at 10:00 Bozhou time on ``day`` for one test or a
whole module (``pytestmark``), also under ``--pretend-today``; mark such tests ``date_sensitive`` as well.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

__all__ = ["SHANGHAI", "at_ten", "frozen_on"]

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def at_ten(day: dt.date) -> dt.datetime:
    """10:00 in Bozhou on ``day``: inside a working day, far from midnight in UTC and local time."""
    return dt.datetime.combine(day, dt.time(10), tzinfo=SHANGHAI)


def frozen_on(day: dt.date) -> pytest.MarkDecorator:
    """Stop the clock at 10:00 Bozhou time on ``day`` (time-machine's marker; fixtures see it too)."""
    return pytest.mark.time_machine(at_ten(day), tick=False)
