"""Measured items at submission: the GB 35181 element is decided by the standard's threshold, exactly at the
edge, and the suggested grade follows from it (a direct element, or enough comprehensive elements for a
crowded place, suggests a major hazard)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from flameblue.inspections.models import Finding
from flameblue.inspections.services import answer_save, inspection_start, inspection_submit
from tests.inspections.inspection_fixtures import answer_all, co_inspector

SIGNED = {"inspector_name": "监督员", "unit_representative_name": "值班经理"}


def _fail(numerator: str, denominator: str, **extra: str) -> dict:
    return {
        "result": "fail",
        "measurement_values": {"numerator": numerator, "denominator": denominator, **extra},
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


@pytest.mark.parametrize(
    ("code", "numerator", "denominator", "met"),
    [
        ("MALL-011", "3", "6", False),  # 7.2.2: exactly 50 % broken fire doors is not "> 50 %"
        ("MALL-011", "4", "6", True),
        ("MALL-018", "125", "100", False),  # 7.3.5: travel distance exactly 125 % of the code value
        ("MALL-018", "125.01", "100", True),
        ("MALL-013", "1500", "1000", False),  # 7.2.1: compartment exactly 150 % of the permitted area
        ("MALL-013", "1501", "1000", True),
    ],
)
def test_comprehensive_element_is_evidenced_only_beyond_the_threshold(
    people, units, code, numerator, denominator, met
):
    finding = _submit(people, units.mall, {code: _fail(numerator, denominator)})[code]

    element = finding.answer.item.gb35181_element
    assert finding.answer.measurement_met is met
    assert finding.suggested_element == (element if met else "")
    # One comprehensive element alone is not a major hazard; a met measurement is at least prominent.
    assert finding.suggested_grade == "prominent"


@pytest.mark.parametrize(("width", "major"), [("80", False), ("79.99", True)])
def test_exit_width_below_80_percent_is_a_direct_element_and_suggests_major(people, units, width, major):
    finding = _submit(people, units.mall, {"MALL-017": _fail(width, "100")})["MALL-017"]

    assert finding.suggested_element == ("6.5" if major else "")
    # The item's default grade is already major; what changes is whether the element is evidenced.
    assert finding.suggested_grade == "major"


def test_variant_threshold_for_high_rise_buildings(people, units):
    findings = _submit(
        people,
        units.mall,
        {"MALL-020": _fail("31", "100", variant="high_rise_or_underground")},
    )
    assert findings["MALL-020"].suggested_element == "7.3.6"


def test_three_evacuation_elements_in_a_crowded_place_suggest_major(people, units):
    findings = _submit(
        people,
        units.mall,
        {
            "MALL-018": _fail("130", "100"),  # 7.3.5
            "MALL-020": _fail("6", "10"),  # 7.3.6
            "MALL-016": {"result": "fail", "note": "通道堵塞"},  # 7.3.9
            "MALL-011": _fail("3", "6"),  # 7.2.2 not met: not counted
        },
    )
    assert {c: findings[c].suggested_grade for c in ("MALL-018", "MALL-020", "MALL-016")} == dict.fromkeys(
        ("MALL-018", "MALL-020", "MALL-016"), "major"
    )
    assert (
        findings["MALL-011"].suggested_grade == "prominent" and findings["MALL-011"].suggested_element == ""
    )


def test_a_met_measurement_cannot_be_answered_pass(people, units):
    inspection = inspection_start(kind="supervision", unit=units.mall, by=people.qiaocheng)
    item = inspection.checklist.items.get(code="MALL-011")
    with pytest.raises(ValidationError) as caught:
        answer_save(
            inspection=inspection, item=item, result="pass", by=people.qiaocheng,
            measurement_values={"numerator": "4", "denominator": "6"},
        )  # fmt: skip
    assert "应判为不合格" in caught.value.message_dict["result"][0]


def test_bad_measurements_are_named(people, units):
    inspection = inspection_start(kind="supervision", unit=units.mall, by=people.qiaocheng)
    item = inspection.checklist.items.get(code="MALL-011")
    with pytest.raises(ValidationError) as caught:
        answer_save(
            inspection=inspection, item=item, result="fail", by=people.qiaocheng,
            measurement_values={"numerator": "7", "denominator": "6"},
        )  # fmt: skip
    assert "不能大于" in caught.value.message_dict["numerator"][0]
    with pytest.raises(ValidationError) as caught:
        answer_save(
            inspection=inspection, item=item, result="fail", by=people.qiaocheng,
            measurement_values={"numerator": "a", "denominator": "6"},
        )  # fmt: skip
    assert "须为数字" in caught.value.message_dict["numerator"][0]


def test_a_failed_measured_item_needs_its_measurement_before_submission(people, units):
    inspection = inspection_start(kind="supervision", unit=units.mall, by=people.qiaocheng)
    answer_all(inspection, people.qiaocheng, answers={"MALL-011": {"result": "fail"}})

    with pytest.raises(ValidationError) as caught:
        inspection_submit(
            inspection=inspection,
            by=people.qiaocheng,
            co_inspector_people=co_inspector(people.qiaocheng),
            **SIGNED,
        )
    assert "MALL-011" in " ".join(caught.value.message_dict["answers"])
