"""Bringing a hazard to a status through the real services (no status set by hand)."""

from __future__ import annotations

import datetime as dt

from flameblue.hazards import services
from flameblue.hazards.choices import HazardSource
from flameblue.hazards.models import Hazard
from tests.hazards.conftest import png

DAY = dt.date(2026, 3, 2)  # a Monday in a year the calendar knows


def report(unit, by, **kw) -> Hazard:
    kw.setdefault("description", "疏散通道堆放杂物")
    kw.setdefault("location", "一层东侧走廊")
    kw.setdefault("source", HazardSource.SUPERVISION)
    return services.hazard_report(by=by, unit=unit, **kw)


def confirm(hazard, by, **kw) -> Hazard:
    kw.setdefault("grade", "general")
    kw.setdefault("responsible_party", hazard.unit.name)
    kw.setdefault("today", DAY)
    return services.hazard_confirm(hazard=hazard, by=by, **kw)


def rectifying(unit, inspector, **kw) -> Hazard:
    return confirm(report(unit, inspector), inspector, start=True, **kw)


def completion_reported(unit, inspector, manager) -> Hazard:
    hazard = rectifying(unit, inspector)
    return services.hazard_report_completion(
        hazard=hazard, by=manager, photos=[png()], note="已清理", today=DAY
    )
