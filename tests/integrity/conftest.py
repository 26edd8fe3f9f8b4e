"""Fixtures of the integrity tests: a discipline officer and a political officer at the detachment, a
Mengcheng discipline officer, a station with a committee member's liaison point, and registry units."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from flameblue.integrity import services
from flameblue.org.choices import OrgKind
from tests.factories import org, persona
from tests.units.factories import make_unit

__all__ = ["integrity_world"]


def make_world(orgs, people) -> SimpleNamespace:
    station = org("谯城区特勤消防救援站", OrgKind.STATION, "341602", parent=orgs.qiaocheng_brigade)
    w = SimpleNamespace(
        station=station,
        discipline=persona("zhidui_discipline", orgs.detachment, "discipline_officer"),
        political=persona("zhidui_political", orgs.detachment, "political_officer"),
        mc_discipline=persona("mc_discipline", orgs.mengcheng_brigade, "discipline_officer"),
        shop=make_unit(
            org("花戏楼建材商行", OrgKind.SOCIAL_UNIT, "341602001", industry="commerce"),
            credit_code="91341602MA2N000001",
        ),
    )
    w.point = services.liaison_point_create(
        by=None, member=w.political.person, organization=station, since=dt.date(2026, 1, 1)
    )
    return w


@pytest.fixture
def integrity_world(orgs, people):
    return make_world(orgs, people)
