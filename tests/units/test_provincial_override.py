"""A provincial rule set overrides the national baseline category by category."""

from __future__ import annotations

import pytest

from flameblue.units.keyunits import judge, load_ruleset_file, read_ruleset_file
from flameblue.units.models import KeyUnitRuleSet
from flameblue.units.selectors import active_rulesets

NATIONAL = load_ruleset_file("key-units-national-2001.yaml")
ANHUI = load_ruleset_file("key-units-anhui-example.yaml")


def test_example_file_is_marked_as_an_example():
    assert read_ruleset_file("key-units-anhui-example.yaml")["status"] == "example"


def test_provincial_rule_replaces_the_baseline_rule_of_its_category():
    result = judge({"category": "shop", "building_area_m2": 600}, [NATIONAL, ANHUI])
    assert result.key_unit and result.rules == ["AH-SHOP-500"]
    assert result.ruleset == "anhui-example@2025.1-example+national-2001@2001.1"
    # The baseline's extra condition (combustible goods) no longer applies.
    assert judge({"category": "shop", "building_area_m2": 499}, [NATIONAL, ANHUI]).rules == []


def test_categories_the_province_does_not_cover_keep_the_baseline():
    assert judge({"category": "hospital", "inpatient_beds": 50}, [NATIONAL, ANHUI]).rules == ["N-HOSPITAL-50"]
    assert judge({"category": "hotel", "guest_rooms": 30}, [NATIONAL, ANHUI]).rules == ["AH-HOTEL-30"]
    assert judge({"category": "hotel", "guest_rooms": 30}, [NATIONAL]).rules == []


def test_order_of_the_rule_sets_does_not_matter():
    a = judge({"category": "hotel", "guest_rooms": 35}, [ANHUI, NATIONAL])
    b = judge({"category": "hotel", "guest_rooms": 35}, [NATIONAL, ANHUI])
    assert a == b


@pytest.mark.django_db
def test_migration_loads_the_baseline_but_not_the_example():
    assert [r.label for r in active_rulesets()] == ["national-2001@2001.1"]
    assert not KeyUnitRuleSet.objects.filter(code="anhui-example").exists()


@pytest.mark.django_db
def test_activating_a_provincial_row_changes_the_judgement():
    content = read_ruleset_file("key-units-anhui-example.yaml")
    KeyUnitRuleSet.objects.create(
        code=content["code"], version=content["version"], name=content["name"], priority=10, content=content
    )
    result = judge({"category": "shop", "building_area_m2": 600}, active_rulesets())
    assert result.rules == ["AH-SHOP-500"]
