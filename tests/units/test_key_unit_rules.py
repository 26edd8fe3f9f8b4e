"""The national baseline (公通字〔2001〕97号) case by case: every threshold at, below and above its edge."""

from __future__ import annotations

import pytest

from flameblue.units.keyunits import JudgementInputError, judge, load_ruleset_file

NATIONAL = [load_ruleset_file("key-units-national-2001.yaml")]

# (category, attribute, threshold, rule id, extra attributes)
THRESHOLDS = [
    ("shop", "building_area_m2", 1000, "N-SHOP-1000", {"sells_combustibles": True}),
    ("hotel", "guest_rooms", 50, "N-HOTEL-50", {}),
    ("entertainment", "building_area_m2", 200, "N-ENTERTAINMENT-200", {}),
    ("hospital", "inpatient_beds", 50, "N-HOSPITAL-50", {}),
    ("elderly_home", "elderly_beds", 50, "N-ELDERLY-50", {}),
    ("school", "dormitory_beds", 100, "N-SCHOOL-100", {}),
    ("kindergarten", "child_beds", 50, "N-KINDERGARTEN-50", {}),
    ("passenger_station", "waiting_hall_area_m2", 500, "N-STATION-500", {}),
    ("library", "building_area_m2", 2000, "N-LIBRARY-2000", {}),
    ("exhibition_hall", "building_area_m2", 2000, "N-EXHIBITION-2000", {}),
    ("labour_intensive", "workers_on_site", 100, "N-LABOUR-100", {}),
]


def _judge(**attributes):
    return judge(attributes, NATIONAL)


@pytest.mark.parametrize(("category", "attribute", "threshold", "rule_id", "extra"), THRESHOLDS)
@pytest.mark.parametrize(
    ("offset", "expected"), [(-1, False), (0, True), (1, True)], ids=["below", "at", "above"]
)
def test_numeric_threshold_is_inclusive(category, attribute, threshold, rule_id, extra, offset, expected):
    result = _judge(category=category, **{attribute: threshold + offset}, **extra)
    assert result.key_unit is expected
    assert result.rules == ([rule_id] if expected else [])


@pytest.mark.parametrize(
    ("category", "attribute", "threshold"), [t[:3] for t in THRESHOLDS if t[1].endswith("_m2")]
)
def test_area_threshold_just_below_by_a_fraction_is_not_enough(category, attribute, threshold):
    extra = {"sells_combustibles": True} if category == "shop" else {}
    assert not _judge(category=category, **{attribute: threshold - 0.01}, **extra).key_unit
    assert _judge(category=category, **{attribute: float(threshold)}, **extra).key_unit


def test_large_shop_without_combustibles_is_not_key_unit():
    assert not _judge(category="shop", building_area_m2=5000, sells_combustibles=False).key_unit
    assert not _judge(category="shop", building_area_m2=5000).key_unit


def test_missing_attribute_does_not_qualify():
    assert not _judge(category="hotel").key_unit


@pytest.mark.parametrize(
    ("category", "rule_id"),
    [
        ("stadium", "N-STADIUM-ALL"),
        ("hall", "N-HALL-ALL"),
        ("broadcaster", "N-BROADCASTER-ALL"),
        ("telecom_hub", "N-TELECOM-ALL"),
        ("museum", "N-MUSEUM-ALL"),
        ("archive", "N-ARCHIVE-ALL"),
        ("flammable_producer", "N-FLAMMABLE-ALL"),
        ("fuel_station", "N-FUEL-ALL"),
        ("high_rise_public", "N-HIGHRISE-ALL"),
        ("construction_site", "N-CONSTRUCTION-ALL"),
        ("airport", "N-AIRPORT-ALL"),
        ("power_enterprise", "N-POWER-ALL"),
        ("underground_public", "N-UNDERGROUND-ALL"),
    ],
)
def test_whole_categories_are_key_units(category, rule_id):
    assert _judge(category=category).rules == [rule_id]


def test_other_category_is_never_key_unit_by_baseline():
    assert not _judge(category="other", building_area_m2=100000, workers_on_site=1000).key_unit


def test_research_units_are_left_to_the_province_by_the_baseline():
    assert not _judge(category="research_institute", admin_level="national").key_unit


@pytest.mark.parametrize(
    ("attributes", "rule"),
    [
        ({"national_grain_reserve": True}, "N-GRAIN-RESERVE"),
        ({"grain_storage_t": 10000}, "N-GRAIN-10000T"),
        ({"cotton_storage_t": 500}, "N-COTTON-500T"),
        ({"timber_storage_m3": 10000}, "N-TIMBER-10000M3"),
        ({"combustible_goods_value_10k_yuan": 1000}, "N-GOODS-1000W"),
    ],
)
def test_warehouses_and_yards_at_their_thresholds(attributes, rule):
    assert _judge(category="warehouse", **attributes).rules == [rule]
    below = {k: (v - 0.01 if not isinstance(v, bool) else False) for k, v in attributes.items()}
    assert not _judge(category="warehouse", **below).key_unit


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        ("township", False),
        ("county", True),
        ("city", True),
        ("province", True),
        ("national", True),
        (None, False),
    ],
)
def test_government_organ_from_county_level_up(level, expected):
    assert _judge(category="government_organ", admin_level=level).key_unit is expected


@pytest.mark.parametrize(
    ("level", "expected"), [("", False), (None, False), ("county", True), ("city", True), ("national", True)]
)
def test_heritage_site_from_county_level_up(level, expected):
    assert _judge(category="heritage_site", heritage_level=level).key_unit is expected


@pytest.mark.parametrize("key", ["is_high_rise", "high_rise"])
def test_the_managing_unit_of_a_high_rise_public_building_is_key_unit(key):
    result = _judge(category="hotel", guest_rooms=10, manages_building=True, **{key: True})
    assert result.key_unit and result.rules == ["N-HIGHRISE-BUILDING"]
    assert not _judge(category="hotel", guest_rooms=10, manages_building=True, **{key: False}).key_unit


def test_a_tenant_of_a_high_rise_is_not_a_key_unit_because_of_the_building():
    assert not _judge(category="shop", building_area_m2=80, is_high_rise=True).key_unit
    assert not _judge(category="hotel", guest_rooms=10, is_high_rise=True, manages_building=False).key_unit


def test_high_rise_factory_is_not_a_public_building():
    assert not _judge(category="labour_intensive", workers_on_site=20, is_high_rise=True).key_unit


def test_several_rules_can_match_and_the_ruleset_version_is_reported():
    result = _judge(category="hotel", guest_rooms=80, is_high_rise=True, manages_building=True)
    assert result.rules == ["N-HOTEL-50", "N-HIGHRISE-BUILDING"]
    assert result.ruleset == "national-2001@2001.2"
    assert result.as_dict() == {"key_unit": True, "rules": result.rules, "ruleset": "national-2001@2001.2"}


@pytest.mark.parametrize(
    ("attributes", "key"),
    [
        ({"category": "spaceship"}, "category"),
        ({}, "category"),
        ({"category": "shop", "building_area_m2": -1}, "building_area_m2"),
        ({"category": "shop", "building_area_m2": "abc"}, "building_area_m2"),
        ({"category": "shop", "sells_combustibles": "yes"}, "sells_combustibles"),
        ({"category": "hotel", "guest_rooms": 50.5}, "guest_rooms"),
        ({"category": "hotel", "guest_rooms": True}, "guest_rooms"),
        ({"category": "hotel", "high_rise": 1}, "high_rise"),
        ({"category": "government_organ", "admin_level": "village"}, "admin_level"),
        ({"category": "heritage_site", "heritage_level": "world"}, "heritage_level"),
        ({"category": "shop", "floor_area": 10}, "floor_area"),
    ],
)
def test_malformed_input_names_the_key(attributes, key):
    with pytest.raises(JudgementInputError) as info:
        _judge(**attributes)
    assert info.value.key == key
    assert key in str(info.value)
