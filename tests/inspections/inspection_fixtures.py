"""Fixtures and helpers of the inspection tests: units on the persona organizations (a boarding school and a
mall in 花戏楼街道, a hospital in 蒙城县, a 九小场所 shop in 花戏楼街道 with its own manager), and answering a
whole checklist in one call. Test modules import the fixtures they use from here."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from flameblue.inspections.choices import AnswerResult
from flameblue.inspections.models import Inspection
from flameblue.inspections.services import answer_save
from flameblue.org.choices import OrgKind
from tests.factories import PersonFactory, org, persona
from tests.units.factories import make_unit

__all__ = ["answer_all", "co_inspector", "small_shop", "units"]


@pytest.fixture
def units(orgs):
    return SimpleNamespace(
        school=make_unit(orgs.school, category="school", place_type_id="school", dormitory_beds=120),
        mall=make_unit(orgs.mall, category="shop", place_type_id="mall", building_area_m2=5000),
        hospital=make_unit(orgs.mengcheng_hospital, category="hospital", place_type_id="medical"),
    )


@pytest.fixture
def small_shop(orgs):
    """A 九小场所 (small shop) in 花戏楼街道 and its manager."""
    shop_org = org("花戏楼便民超市", OrgKind.SOCIAL_UNIT, "341602001", industry="commerce")
    unit = make_unit(shop_org, category="other", place_type_id="small_places")
    manager = persona("shop_manager", shop_org, "unit_manager")
    return SimpleNamespace(unit=unit, manager=manager)


def answer_all(
    inspection: Inspection,
    by: Any,
    *,
    default: str = AnswerResult.PASS,
    answers: dict[str, dict] | None = None,
) -> None:
    """Answer every item with ``default`` except those given by code (``{"MALL-011": {"result": "fail", …}}``)."""
    answers = answers or {}
    for item in inspection.checklist.items.order_by("order"):
        given = dict(answers.get(item.code, {}))
        result = given.pop("result", default)
        answer_save(inspection=inspection, item=item, result=result, by=by, **given)


def co_inspector(inspector: Any, name: str = "同行监督员") -> list[Any]:
    """A second inspector of the inspector's organization (《消防监督检查规定》第十四条: at least two)."""
    return [PersonFactory(organization=inspector.person.organization, name=name)]
