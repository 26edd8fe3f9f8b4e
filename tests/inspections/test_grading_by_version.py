"""The grading suggestion of an inspection uses the GB 35181 version in force on the inspection date, keeps
elements corrected on the spot (当场改正) out of the count, and honours the exclusion of a unit that has
stopped operating; one element catalogue per version, and every checklist element exists in both."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.hazards.supervision.determination import equivalent, load_standard
from flameblue.inspections.checklist_loader import (
    ChecklistFileError,
    gb35181_elements,
    read_checklist_file,
    read_checklists,
)
from flameblue.inspections.grading import exclusions_for
from flameblue.inspections.models import Finding, InspectionAnswer
from flameblue.inspections.services import inspection_start, inspection_submit
from tests.dates import frozen_on
from tests.inspections.inspection_fixtures import answer_all, co_inspector

SIGNED = {"inspector_name": "监督员", "unit_representative_name": "值班经理"}
THREE = {  # three evacuation elements of a shop (2017 7.3.5, 7.3.6, 7.3.9 / 2025 6.3.5, 6.3.6, 6.3.9)
    "MALL-018": {"result": "fail", "measurement_values": {"numerator": "130", "denominator": "100"}},
    "MALL-020": {"result": "fail", "measurement_values": {"numerator": "6", "denominator": "10"}},
    "MALL-016": {"result": "fail", "note": "通道堵塞"},
}


def _submit(people, unit, answers: dict) -> dict[str, Finding]:
    inspection = inspection_start(kind="supervision", unit=unit, by=people.qiaocheng)
    answer_all(inspection, people.qiaocheng, answers=answers)
    inspection_submit(
        inspection=inspection,
        by=people.qiaocheng,
        co_inspector_people=co_inspector(people.qiaocheng),
        **SIGNED,
    )
    return {f.answer.item.code: f for f in Finding.objects.filter(inspection=inspection)}


@pytest.mark.date_sensitive
@frozen_on(dt.date(2025, 10, 31))
def test_an_inspection_of_2025_10_31_is_graded_by_2017(people, units):
    findings = _submit(people, units.mall, THREE)
    assert {f.suggested_grade for f in findings.values()} == {"major"}
    assert findings["MALL-018"].suggested_element == "7.3.5"


@pytest.mark.date_sensitive
@frozen_on(dt.date(2025, 11, 1))
def test_an_inspection_of_2025_11_01_is_graded_by_2025(people, units):
    findings = _submit(people, units.mall, THREE)
    assert {f.suggested_grade for f in findings.values()} == {"major"}
    # findings keep the checklist's 2017 clause; 2025 counts its element 6.3.5
    assert findings["MALL-018"].suggested_element == "7.3.5"
    assert equivalent("7.3.5", "GB35181-2025") == "6.3.5"


def test_an_element_corrected_on_the_spot_does_not_count(people, units):
    corrected = {**THREE, "MALL-016": {"result": "fail", "note": "通道堵塞", "corrected_on_spot": True}}
    findings = _submit(people, units.mall, corrected)
    # two elements left: below the crowded-place threshold of three
    assert findings["MALL-016"].suggested_grade != "major"
    assert findings["MALL-018"].suggested_grade == "prominent"
    assert "已当场改正" in findings["MALL-016"].description
    assert findings["MALL-016"].answer.corrected_on_spot is True


def test_only_a_failed_answer_is_marked_corrected(people, units):
    inspection = inspection_start(kind="supervision", unit=units.mall, by=people.qiaocheng)
    answer_all(
        inspection, people.qiaocheng, answers={"MALL-016": {"result": "pass", "corrected_on_spot": True}}
    )
    assert not InspectionAnswer.objects.get(inspection=inspection, item__code="MALL-016").corrected_on_spot


def test_a_unit_that_stopped_operating_is_never_suggested_major(people, units):
    units.mall.status = "suspended"
    units.mall.save(update_fields=["status"])
    assert exclusions_for(units.mall) == ["b"]
    findings = _submit(people, units.mall, THREE)
    assert findings["MALL-018"].suggested_grade == "prominent"
    units.mall.status = "operating"
    assert exclusions_for(units.mall) == []


def test_the_inspections_app_reads_the_hazards_catalogue():
    std = load_standard("GB35181-2017")
    assert gb35181_elements() == {
        e.clause: e.text for e in (*std.direct.values(), *std.comprehensive.values())
    }
    assert "装修" in gb35181_elements()["7.9.3"] and "电气" in gb35181_elements()["7.9.2"]


def test_every_checklist_element_exists_in_both_versions():
    for data in read_checklists():
        for item in data.items:
            element = item["gb35181_element"]
            if element:
                assert element in gb35181_elements(), (data.source_file, item["code"])
                assert equivalent(element, "GB35181-2025"), (data.source_file, item["code"])


def test_gas_and_decoration_items_are_not_confused():
    items = {(d.code, i["code"]): i for d in read_checklists() for i in d.items}
    gas = [i for i in items.values() if "燃气管道" in i["text"]]
    assert gas and all(i["gb35181_element"] != "7.9.3" for i in gas)
    assert items[("entertainment", "ENT-015")]["gb35181_element"] == "6.5"  # exits of entertainment: 6.5
    assert items[("mall", "MALL-015")]["gb35181_element"] == "6.5"


def test_a_checklist_naming_an_unknown_element_fails(tmp_path):
    path = tmp_path / "x-1.yaml"
    path.write_text(
        "code: x\nversion: '1'\ntitle: t\nplace_type: mall\nkind: place\neffective_from: 2026-01-01\n"
        "sections:\n- title: s\n  items:\n  - {code: X-1, text: t, basis: b, grade: general, element: '7.9.5'}\n",
        encoding="utf-8",
    )
    with pytest.raises(ChecklistFileError, match="7.9.5"):
        read_checklist_file(path)
