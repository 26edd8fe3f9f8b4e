"""Enforcement fixtures: the leaders (消防救援机构负责人) of the 谯城区 and 蒙城县 brigades, a mall in 花戏楼街道 and
a hospital in 蒙城县, a hazard found in the mall by the 谯城区 inspector, and helpers that bring a sealing to a
status through the real services. Dates are in March 2026 (Monday 2 March), inside the calendar."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from flameblue.enforcement import services
from flameblue.hazards import services as hazard_services
from flameblue.hazards.choices import HazardSource
from tests.factories import persona
from tests.units.factories import make_unit

DAY = dt.date(2026, 3, 2)  # a Monday
TODAY = dt.date(2026, 3, 31)  # the frozen "today" of the modules: every date used is before it
PARTICIPANTS = ["张队长", "王磊", "李法制员"]


def make_units(orgs) -> SimpleNamespace:
    return SimpleNamespace(
        mall=make_unit(orgs.mall, category="shop", place_type_id="mall", address="谯城区芍花路万达广场"),
        hospital=make_unit(
            orgs.mengcheng_hospital, category="hospital", place_type_id="medical", address="蒙城县人民医院"
        ),
    )


def make_chiefs(orgs) -> SimpleNamespace:
    return SimpleNamespace(
        qiaocheng=persona("qiaocheng_chief", orgs.qiaocheng_brigade, "fire_leader"),
        mengcheng=persona("mengcheng_chief", orgs.mengcheng_brigade, "fire_leader"),
    )


@pytest.fixture
def units(orgs):
    return make_units(orgs)


@pytest.fixture
def chiefs(orgs):
    return make_chiefs(orgs)


def found_hazard(unit, by):
    return hazard_services.hazard_report(
        by=by, unit=unit, description="安全出口被锁闭，疏散通道堆放货物", location="负一层超市",
        source=HazardSource.SUPERVISION,
    )  # fmt: skip


@pytest.fixture
def hazard(units, people):
    return found_hazard(units.mall, people.qiaocheng)


def propose(hazard, by, **kw):
    kw.setdefault("ground", "exits")
    kw.setdefault("premises", "负一层超市")
    kw.setdefault("facts", "安全出口锁闭、疏散通道堆放货物，已不具备安全疏散条件")
    kw.setdefault("inspected_on", DAY)
    return services.sealing_propose(by=by, hazard=hazard, **kw)


def decide(sealing, chief, *, seal=True, held_on=DAY, **kw):
    return services.sealing_decide(
        sealing, by=chief, seal=seal, participants=PARTICIPANTS, opinion="符合第二十二条第一项，决定查封",
        held_on=held_on, **kw,
    )  # fmt: skip


def sealed(hazard, inspector, chief):
    """A sealing proposed, decided, served and executed on DAY (Monday 2 March 2026)."""
    sealing = decide(propose(hazard, inspector), chief)
    sealing = services.sealing_serve(sealing, by=inspector, served_on=DAY)
    return services.sealing_execute(sealing, by=inspector, executed_on=DAY)
