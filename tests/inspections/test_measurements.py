"""Measured checklist items decide their GB 35181 element by the threshold in the standard, strictly at the
edge, and refuse impossible numbers with a message naming the field."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from flameblue.inspections.measurements import describe, evaluate
from flameblue.inspections.models import ChecklistItem

pytestmark = pytest.mark.django_db


def measured(checklist: str, element: str) -> ChecklistItem:
    return ChecklistItem.objects.get(
        checklist__code=checklist,
        checklist__edition="2026.1",
        gb35181_element=element,
        measurement__isnull=False,
    )


@pytest.mark.parametrize(
    ("broken", "total", "met"),
    [(2, 6, False), (3, 6, False), (4, 6, True), (0, 6, False), (6, 6, True), (1, 1, True), (1, 2, False)],
)
def test_fire_doors_count_as_7_2_2_only_when_more_than_half_are_broken(broken, total, met):
    result = evaluate(measured("mall", "7.2.2"), {"numerator": broken, "denominator": total})
    assert result.met is met
    assert result.element == "7.2.2"
    assert result.threshold == Decimal("50")


def test_worked_example_two_of_six_fire_doors_is_not_7_2_2():
    result = evaluate(measured("hotel", "7.2.2"), {"numerator": "2", "denominator": "6"})
    assert not result.met
    assert result.ratio == Decimal("33.33")


@pytest.mark.parametrize(
    ("measured_m", "code_m", "met"),
    [
        ("36", "30", False),
        ("37.5", "30", False),
        ("37.51", "30", True),
        ("45", "37.5", False),
        ("60", "30", True),
    ],
)
def test_shop_travel_distance_is_7_3_5_only_beyond_125_percent(measured_m, code_m, met):
    assert evaluate(measured("mall", "7.3.5"), {"numerator": measured_m, "denominator": code_m}).met is met


def test_worked_example_travel_distance_20_percent_over_is_not_7_3_5():
    result = evaluate(measured("mall", "7.3.5"), {"numerator": 36, "denominator": 30})
    assert not result.met
    assert result.ratio == Decimal("120.00")


@pytest.mark.parametrize(
    ("damaged", "required", "variant", "met"),
    [
        (5, 10, None, False),
        (6, 10, None, True),
        (3, 10, "high_rise_or_underground", False),
        (4, 10, "high_rise_or_underground", True),
    ],
)
def test_exit_signs_and_emergency_lighting_7_3_6_by_building_class(damaged, required, variant, met):
    values = {"numerator": damaged, "denominator": required}
    if variant:
        values["variant"] = variant
    assert evaluate(measured("mall", "7.3.6"), values).met is met


@pytest.mark.parametrize(
    ("damaged", "required", "variant", "met"),
    [
        (3, 10, None, False),
        (4, 10, None, True),
        (5, 10, "other_building", False),
        (6, 10, "other_building", True),
    ],
)
def test_high_rise_checklist_uses_30_percent_for_7_3_6_by_default(damaged, required, variant, met):
    values = {"numerator": damaged, "denominator": required, "variant": variant}
    assert evaluate(measured("high_rise", "7.3.6"), values).met is met


@pytest.mark.parametrize(
    ("damaged", "total", "variant", "met"),
    [
        (1, 2, None, False),
        (2, 3, None, True),
        (1, 5, "high_rise_with_crowded", False),
        (2, 9, "high_rise_with_crowded", True),
    ],
)
def test_stair_doors_7_3_7(damaged, total, variant, met):
    values = {"numerator": damaged, "denominator": total, "variant": variant}
    assert evaluate(measured("hotel", "7.3.7"), values).met is met


@pytest.mark.parametrize(
    ("width", "required", "met"), [("8", "10", False), ("7.99", "10", True), ("9", "10", False)]
)
def test_exit_width_6_5_is_met_only_below_80_percent(width, required, met):
    assert (
        evaluate(measured("entertainment", "6.5"), {"numerator": width, "denominator": required}).met is met
    )


@pytest.mark.parametrize(
    ("distance", "code", "met"), [("7.5", "10", False), ("7.49", "10", True), ("12", "10", False)]
)
def test_hazmat_separation_6_2_is_met_only_below_75_percent(distance, code, met):
    assert evaluate(measured("flammable", "6.2"), {"numerator": distance, "denominator": code}).met is met


@pytest.mark.parametrize(("distance", "code", "met"), [("8", "10", False), ("7.9", "10", True)])
def test_separation_7_1_2_is_met_only_below_80_percent(distance, code, met):
    assert (
        evaluate(measured("labour_intensive", "7.1.2"), {"numerator": distance, "denominator": code}).met
        is met
    )


@pytest.mark.parametrize(("area", "allowed", "met"), [("3000", "2000", False), ("3001", "2000", True)])
def test_compartment_area_7_2_1_is_met_only_beyond_150_percent(area, allowed, met):
    assert evaluate(measured("mall", "7.2.1"), {"numerator": area, "denominator": allowed}).met is met


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"numerator": 1, "denominator": 0}, "denominator", "该防火分区防火门、防火卷帘总数不能为 0。"),
        ({"numerator": -1, "denominator": 6}, "numerator", "损坏的防火门、防火卷帘数量不能为负数。"),
        (
            {"numerator": 7, "denominator": 6},
            "numerator",
            "损坏的防火门、防火卷帘数量不能大于该防火分区防火门、防火卷帘总数。",
        ),
        ({"numerator": "abc", "denominator": 6}, "numerator", "损坏的防火门、防火卷帘数量须为数字。"),
        ({"numerator": "", "denominator": 6}, "numerator", "请填写损坏的防火门、防火卷帘数量。"),
        ({"numerator": 1.5, "denominator": 6}, "numerator", "损坏的防火门、防火卷帘数量须为整数。"),
        ({"numerator": 1, "denominator": "NaN"}, "denominator", "该防火分区防火门、防火卷帘总数须为数字。"),
        (
            {"numerator": 1, "denominator": 6, "variant": "tower"},
            "variant",
            "建筑类别“tower”不是该检查项可选的类别。",
        ),
    ],
)
def test_impossible_counts_are_refused_with_the_field_named(values, field, message):
    with pytest.raises(ValidationError) as caught:
        evaluate(measured("mall", "7.2.2"), values)
    assert caught.value.message_dict == {field: [message]}


def test_an_exceedance_may_be_above_one_hundred_percent_but_not_divide_by_zero():
    item = measured("mall", "7.3.5")
    assert evaluate(item, {"numerator": 90, "denominator": 30}).ratio == Decimal("300.00")
    with pytest.raises(ValidationError) as caught:
        evaluate(item, {"numerator": 30, "denominator": 0})
    assert caught.value.message_dict == {"denominator": ["规范规定的疏散距离（米）不能为 0。"]}


def test_an_item_without_measurement_cannot_be_evaluated():
    item = ChecklistItem.objects.filter(checklist__code="mall", measurement__isnull=True).first()
    with pytest.raises(ValidationError):
        evaluate(item, {"numerator": 1, "denominator": 2})


def test_every_measured_item_is_strict_at_its_threshold():
    """Whatever the file says, exactly the threshold never meets a strict comparison; a hair past it does."""
    items = ChecklistItem.objects.filter(measurement__isnull=False)
    assert items.count() >= 20
    hair = Decimal("0.01")
    for item in items:
        threshold = Decimal(item.measurement["threshold"])
        strict_greater = item.measurement["comparison"] == ">"
        past = threshold + hair if strict_greater else threshold - hair
        assert not evaluate(item, {"numerator": threshold * 100, "denominator": 10000}).met, item.code
        assert evaluate(item, {"numerator": past * 100, "denominator": 10000}).met, item.code


def test_measurement_is_described_for_people():
    assert describe(measured("mall", "7.2.2").measurement) == (
        "损坏的防火门、防火卷帘数量 ÷ 该防火分区防火门、防火卷帘总数 > 50%"
    )
    assert describe(measured("mall", "7.3.6").measurement).endswith("> 50%（高层建筑、地下建筑：> 30%）")
