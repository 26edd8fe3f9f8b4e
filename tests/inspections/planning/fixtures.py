"""Fixtures and helpers of the planning, draw, conflict and compliance tests: units in 谯城区 and 蒙城县,
more inspectors for the 谯城区 brigade, and submitted inspections recorded directly (fast, for counting)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from flameblue.inspections.choices import ChecklistStatus, InspectionKind, InspectionStatus
from flameblue.inspections.models import Checklist, Inspection
from flameblue.org.choices import OrgKind
from flameblue.units.models import Unit
from tests.factories import org, persona
from tests.units.factories import make_unit

__all__ = ["brigade_team", "many_units", "plan_units", "submitted"]

_CHECKLIST_KIND = {InspectionKind.SELF_PATROL: "patrol", InspectionKind.SELF_MONTHLY: "monthly_check"}


def submitted(unit: Unit, kind: str, on: dt.date) -> Inspection:
    """A submitted inspection of ``unit`` on ``on`` (no answers: enough for due dates and compliance)."""
    checklist = Checklist.objects.filter(
        status=ChecklistStatus.PUBLISHED, kind=_CHECKLIST_KIND.get(kind, "place")
    ).first()
    return Inspection.objects.create(
        unit=unit, region_id=unit.region_id, industry_id=unit.industry_id, kind=kind, checklist=checklist,
        status=InspectionStatus.SUBMITTED, inspected_on=on, submitted_at=timezone.now(),
    )  # fmt: skip


def _unit(name: str, region: str, industry: str = "commerce", **fields) -> Unit:
    return make_unit(org(name, OrgKind.SOCIAL_UNIT, region, industry=industry), **fields)


@pytest.fixture
def plan_units(orgs):
    """A crowded key unit (school), a plain key unit (government organ), a high-rise non-key unit, an
    ordinary shop in 花戏楼街道 and a crowded key unit (hospital) in 蒙城县."""
    school = make_unit(orgs.school, category="school", place_type_id="school", is_key_unit=True)
    organ = _unit("谯城区档案馆", "341602001", "commerce", category="archive", is_key_unit=True)
    tower = _unit("花戏楼商务大厦", "341602001", category="other")
    tower.risk_tags.add("high_rise")
    shop = _unit("花戏楼小卖部", "341602001", category="other", place_type_id="small_places")
    hospital = make_unit(orgs.mengcheng_hospital, category="hospital", is_key_unit=True)
    return SimpleNamespace(school=school, organ=organ, tower=tower, shop=shop, hospital=hospital)


@pytest.fixture
def many_units(orgs):
    """Twelve operating units in 谯城区 townships (the draw pool) and one in 蒙城县 (outside it)."""
    units = [
        _unit(
            f"谯城测试单位{i:02d}",
            "341602001" if i % 2 else "341602100",
            category="shop",
            is_key_unit=i % 3 == 0,
        )
        for i in range(12)
    ]
    outside = _unit("蒙城测试单位", "341622101", category="shop")
    return SimpleNamespace(units=units, outside=outside)


@pytest.fixture
def brigade_team(orgs, people):
    """The 谯城区 brigade's inspectors: the ``qiaocheng`` persona and four colleagues."""
    extra = [persona(f"qc_inspector{i}", orgs.qiaocheng_brigade, "brigade_inspector") for i in range(4)]
    return [people.qiaocheng, *extra]
