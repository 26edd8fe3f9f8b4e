"""Corps fixtures: two Qiaocheng stations and one Mengcheng station of the persona detachment, a station
commander, a small roster, and the month's plan over the current item versions."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from flameblue.corps import services
from flameblue.corps.models import AssessmentItem
from flameblue.org.choices import OrgKind
from tests.factories import PersonFactory, org, persona


def make_corps(orgs) -> SimpleNamespace:
    c = SimpleNamespace()
    c.tegin = org("谯城区特勤消防救援站", OrgKind.STATION, "341602", parent=orgs.qiaocheng_brigade)
    c.tegin.short_name = "特勤站"
    c.tegin.save()
    c.xincheng = org("谯城区新城消防救援站", OrgKind.STATION, "341602", parent=orgs.qiaocheng_brigade)
    c.mengcheng = org("蒙城县城关消防救援站", OrgKind.STATION, "341622", parent=orgs.mengcheng_brigade)
    c.commander = persona("tegin_commander", c.tegin, "station_commander")
    c.members = {}
    for station, names in ((c.tegin, ["张伟", "李强"]), (c.xincheng, ["王磊"]), (c.mengcheng, ["赵勇"])):
        for name in names:
            person = PersonFactory(organization=station, name=name, phone="13855671234")
            c.members[name] = services.roster_enlist(
                by=None, person=person, station=station, post="消防员", rank="ff2", crew="一班",
                joined_on=dt.date(2020, 9, 1), posted_on=dt.date(2021, 3, 1),
            )  # fmt: skip
    return c


def make_plan(orgs, c, month=dt.date(2026, 11, 1), codes=("run-3000m", "bar-rollup", "suction-drafting")):
    return services.plan_create(
        by=None, organizer=orgs.detachment, month=month, held_on=month.replace(day=12),
        team="司令部训练科 张科长、李参谋", stations=[c.tegin, c.xincheng, c.mengcheng],
        items=list(AssessmentItem.objects.filter(code__in=codes, is_active=True)),
    )  # fmt: skip


@pytest.fixture
def corps(orgs):
    return make_corps(orgs)


@pytest.fixture
def plan(orgs, corps):
    return make_plan(orgs, corps)


def item(code: str) -> AssessmentItem:
    return AssessmentItem.objects.get(code=code, is_active=True)
