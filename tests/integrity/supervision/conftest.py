"""Fixtures of the supervision tests: a detachment discipline officer, a 谯城 station with its commander,
a Mengcheng discipline officer, a 主官带队督察 of the 谯城 brigade, and helpers that put hazards and
inspections on a brigade's books."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest

from flameblue.hazards.models import Hazard
from flameblue.inspections.models import Checklist, Inspection
from flameblue.integrity.supervision import services
from flameblue.org.choices import OrgKind
from tests.dates import at_ten
from tests.factories import org, persona
from tests.units.factories import make_unit

__all__ = ["make_hazard", "make_inspection", "png", "sv"]

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
    b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)


def png(name: str = "整改照片.png"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, PNG, content_type="image/png")


def make_hazard(unit, brigade, found: dt.date, **fields: Any) -> Hazard:
    fields.setdefault("status", "confirmed")
    return Hazard.objects.create(
        unit=unit, region_id=unit.region_id, industry_id=unit.industry_id, brigade=brigade,
        description=fields.pop("description", "安全出口锁闭"), source="supervision", found_at=at_ten(found), **fields,
    )  # fmt: skip


def make_inspection(unit, brigade, day: dt.date, **fields: Any) -> Inspection:
    checklist = Checklist.objects.filter(kind="supervision").first() or Checklist.objects.first()
    fields.setdefault("status", "submitted")
    return Inspection.objects.create(
        unit=unit, region_id=unit.region_id, industry_id=unit.industry_id, kind=fields.pop("kind", "supervision"),
        checklist=checklist, organization=brigade, inspected_on=day, submitted_at=at_ten(day), **fields,
    )  # fmt: skip


def make_sv(orgs, people) -> SimpleNamespace:
    station = org("谯城区城西消防救援站", OrgKind.STATION, "341602", parent=orgs.qiaocheng_brigade)
    w = SimpleNamespace(
        station=station,
        discipline=persona("sv_discipline", orgs.detachment, "discipline_officer", name="周海涛"),
        station_cmd=persona("sv_station", station, "station_commander"),
        mc_discipline=persona("sv_mc_discipline", orgs.mengcheng_brigade, "discipline_officer"),
        school=make_unit(orgs.school),
        mall=make_unit(orgs.mall),
        meng=make_unit(org("蒙城县某商场", OrgKind.SOCIAL_UNIT, "341622101", industry="commerce")),
    )
    w.activity = services.activity_create(
        by=None, organizer=orgs.detachment, kind="chief_inspection", title="2026年第一季度主官带队督察",
        units=[orgs.qiaocheng_brigade], team=[w.discipline.person], leader=w.discipline.person,
        starts_on=dt.date(2026, 3, 1), ends_on=dt.date(2026, 3, 5),
    )  # fmt: skip
    return w


@pytest.fixture
def sv(orgs, people):
    return make_sv(orgs, people)
