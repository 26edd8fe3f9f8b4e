"""Campaign fixtures: residential estates in 谯城区 (two in 花戏楼街道, one elsewhere in the district), a mall in
谯城区 and an estate in 蒙城县, and an electric-bicycle campaign prepared by the 谯城区 brigade over
residential units (high-rise / residential estates) with its four phases."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from flameblue.campaigns import services
from flameblue.org.choices import OrgKind
from tests.factories import org
from tests.units.factories import make_unit

DAY = dt.date(2026, 4, 15)
START, END = dt.date(2026, 4, 1), dt.date(2026, 6, 30)
PHASES = [
    {"name": "动员部署", "starts_on": dt.date(2026, 4, 1), "ends_on": dt.date(2026, 4, 10)},
    {"name": "排查整治", "starts_on": dt.date(2026, 4, 11), "ends_on": dt.date(2026, 5, 31)},
    {"name": "督导检查", "starts_on": dt.date(2026, 6, 1), "ends_on": dt.date(2026, 6, 20)},
    {"name": "总结验收", "starts_on": dt.date(2026, 6, 21), "ends_on": dt.date(2026, 6, 30)},
]


def estate(name: str, region: str = "341602001", place_type: str = "high_rise"):
    return make_unit(org(name, OrgKind.SOCIAL_UNIT, region, industry="housing"), place_type_id=place_type)


@pytest.fixture
def estates(orgs):
    return SimpleNamespace(
        lanting=estate("兰亭小区"),
        xinhua=estate("新华苑"),
        suburb=estate("古井花园", "341602100"),
        mall=make_unit(orgs.mall, place_type_id="mall"),
        mengcheng=estate("蒙城县锦绣小区", "341622101"),
    )


def prepare(organiser, by, **kw):
    kw.setdefault("name", "电动自行车消防安全专项整治")
    kw.setdefault("level", "county")
    kw.setdefault("starts_on", START)
    kw.setdefault("ends_on", END)
    kw.setdefault("place_types", ["high_rise"])
    kw.setdefault("phases", PHASES)
    kw.setdefault("target_checked", 3)
    from flameblue.units.models import PlaceType

    kw["place_types"] = list(PlaceType.objects.filter(code__in=kw["place_types"]))
    return services.campaign_create(organiser=organiser, by=by, **kw)


@pytest.fixture
def campaign(orgs, people, estates):
    return prepare(orgs.qiaocheng_brigade, people.qiaocheng)
