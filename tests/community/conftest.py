"""Shared fixtures of the 双拥 tests: a station of the Qiaocheng brigade and one of Mengcheng's, the political
officer of the detachment (zhidui_political) and a station commander, and a partner paired with the
Qiaocheng station with this year's plan."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from flameblue.community import services
from flameblue.community.models import ActivityType
from flameblue.org.choices import OrgKind
from tests.factories import org, persona

TODAY = dt.date(2026, 5, 20)


def stations(orgs) -> SimpleNamespace:
    return SimpleNamespace(
        qiaocheng=org("谯城消防救援站", OrgKind.STATION, "341602", parent=orgs.qiaocheng_brigade),
        mengcheng=org("蒙城消防救援站", OrgKind.STATION, "341622", parent=orgs.mengcheng_brigade),
    )


@pytest.fixture
def world(orgs, people):
    return make_world(orgs, people)


def make_world(orgs, people) -> SimpleNamespace:
    """The stations, personas and partners above (shared with the 双拥 browser test in tests/browser)."""
    s = stations(orgs)
    people.political = persona("zhidui_political", orgs.detachment, "political_officer")
    people.station = persona("qiaocheng_station", s.qiaocheng, "station_commander")
    partner = services.partner_create(
        by=None, name="亳州市第一中学", kind="school", station=s.qiaocheng, organization=orgs.school,
        contact_name="王老师", contact_phone="13812345678",
    )  # fmt: skip
    far = services.partner_create(by=None, name="蒙城县城关社区", kind="community", station=s.mengcheng)
    return SimpleNamespace(stations=s, partner=partner, far=far, people=people, orgs=orgs)


def kind(code: str) -> ActivityType:
    return ActivityType.objects.get(code=code)
