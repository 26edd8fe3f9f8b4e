"""A hazard raised from a failed checklist item reads as the fault found, at the place in the unit the
inspector recorded (“二层东侧疏散通道：未建立……”), not as the requirement the item states (“已建立……”)."""

from __future__ import annotations

import pytest

from flameblue.inspections.faults import fault_wording
from flameblue.inspections.models import Finding
from flameblue.inspections.services import inspection_start, inspection_submit
from tests.inspections.inspection_fixtures import answer_all

pytestmark = pytest.mark.sqlite

SIGNED = {"inspector_name": "网格员王五", "unit_representative_name": "店长赵六"}


@pytest.mark.parametrize(
    ("requirement", "fault"),
    [
        ("已建立消防安全制度和操作规程。", "未建立消防安全制度和操作规程"),
        ("按规定开展每日防火巡查，巡查记录真实完整。", "未按规定开展每日防火巡查，巡查记录真实完整"),
        ("未擅自改变防火分区。", "擅自改变防火分区"),
        ("疏散通道、安全出口畅通。", "不符合要求：疏散通道、安全出口畅通"),
        ("已明确消防安全责任人；合同中明确各方责任。", "未明确消防安全责任人（要求：合同中明确各方责任）"),
    ],
)
def test_a_requirement_is_turned_into_its_fault(requirement, fault):
    assert fault_wording(requirement) == fault


def test_a_failed_item_becomes_a_hazard_worded_as_the_fault_at_its_location(people, units):
    patrol = inspection_start(kind="grid_patrol", unit=units.mall, by=people.grid)
    item = patrol.checklist.items.filter(text__startswith="已建立").order_by("order").first()
    answer_all(patrol, people.grid, answers={item.code: {"result": "fail", "location": "三层消防控制室"}})
    inspection_submit(inspection=patrol, by=people.grid, **SIGNED)

    finding = Finding.objects.get(inspection=patrol)
    hazard = finding.hazard
    assert hazard.location == "三层消防控制室"
    assert hazard.description.startswith("三层消防控制室：未建立")
    assert "已建立" not in hazard.description and item.code in hazard.description


def test_without_a_location_the_items_section_stands_in(people, units):
    patrol = inspection_start(kind="grid_patrol", unit=units.mall, by=people.grid)
    item = patrol.checklist.items.order_by("order").first()
    answer_all(patrol, people.grid, answers={item.code: {"result": "fail"}})
    inspection_submit(inspection=patrol, by=people.grid, **SIGNED)
    hazard = Finding.objects.get(inspection=patrol).hazard
    assert hazard.location == item.section and hazard.description.startswith(f"{item.section}：")
