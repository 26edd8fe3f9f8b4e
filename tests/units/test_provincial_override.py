"""Anhui's published criteria (《安徽省消防安全重点单位界定标准》, 2026) override the national baseline category
by category, and are the active rule set of an Anhui deployment; each Anhui rule at its threshold."""

from __future__ import annotations

import pytest

from flameblue.units.keyunits import judge, load_ruleset_file, read_ruleset_file
from flameblue.units.loader import RULES_DIR, deployment_provinces
from flameblue.units.models import KeyUnitRuleSet
from flameblue.units.selectors import active_rulesets

NATIONAL = load_ruleset_file("key-units-national-2001.yaml")
ANHUI = load_ruleset_file("key-units-anhui-2026.yaml")
BOTH = [NATIONAL, ANHUI]


def _rules(**attributes):
    return judge(attributes, BOTH).rules


def test_the_invented_example_is_gone_and_the_anhui_file_cites_its_source():
    assert not (RULES_DIR / "key-units-anhui-example.yaml").exists()
    content = read_ruleset_file("key-units-anhui-2026.yaml")
    assert content["status"] == "active" and content["region"] == "34" and content["source"]
    assert all(rule["basis"].startswith("安徽省消防安全重点单位界定标准") for rule in content["rules"])


def test_anhui_narrows_broadcasters_and_telecom_hubs_to_county_level_and_up():
    assert _rules(category="broadcaster", admin_level="county") == ["AH-BROADCASTER-COUNTY"]
    assert _rules(category="broadcaster", admin_level="township") == []
    assert _rules(category="telecom_hub", admin_level="county") == ["AH-TELECOM-COUNTY"]
    assert judge({"category": "telecom_hub"}, [NATIONAL]).rules == ["N-TELECOM-ALL"]


@pytest.mark.parametrize(("level", "key"), [("city", True), ("county", False), ("province", True)])
def test_museums_and_archives_from_city_level(level, key):
    assert bool(_rules(category="museum", admin_level=level)) is key
    assert bool(_rules(category="archive", admin_level=level)) is key


def test_research_units_province_level_or_equipment_above_50_million():
    assert _rules(category="research_institute", admin_level="province") == ["AH-RESEARCH-PROVINCE"]
    assert _rules(category="research_institute", admin_level="city") == []
    hot = {"category": "research_institute", "fire_risk_research": True}
    assert _rules(**hot, equipment_value_10k_yuan=5000) == []  # “大于” 5000万元: not inclusive
    assert _rules(**hot, equipment_value_10k_yuan=5000.01) == ["AH-RESEARCH-5000W"]
    assert (
        _rules(category="research_institute", equipment_value_10k_yuan=9000, fire_risk_research=False) == []
    )


def test_religious_sites_and_heritage():
    assert _rules(category="religious_site", national_key_temple=True) == ["AH-TEMPLE-NATIONAL"]
    assert _rules(category="religious_site", building_area_m2=3000) == ["AH-RELIGIOUS-3000"]
    assert _rules(category="religious_site", building_area_m2=2999.99) == []
    heritage = {"category": "heritage_site", "combustible_structures": True}
    assert _rules(**heritage, heritage_level="province") == ["AH-HERITAGE-PROVINCE"]
    assert _rules(**heritage, heritage_level="city") == []
    assert _rules(category="heritage_site", heritage_level="national", combustible_structures=False) == []


@pytest.mark.parametrize(("area", "key"), [(2000, True), (1999.99, False)])
def test_libraries_exhibition_halls_and_waiting_halls_at_the_threshold(area, key):
    assert bool(_rules(category="library", building_area_m2=area)) is key
    assert bool(_rules(category="exhibition_hall", building_area_m2=area)) is key
    assert bool(_rules(category="passenger_station", waiting_hall_area_m2=area / 4)) is key


def test_categories_not_found_in_the_anhui_text_keep_the_baseline():
    assert _rules(category="hospital", inpatient_beds=50) == ["N-HOSPITAL-50"]
    assert _rules(category="shop", building_area_m2=1000, sells_combustibles=True) == ["N-SHOP-1000"]
    assert (
        judge({"category": "hotel", "guest_rooms": 50}, BOTH).ruleset == "anhui@2026.1+national-2001@2001.2"
    )


def test_order_of_the_rule_sets_does_not_matter():
    assert judge({"category": "museum", "admin_level": "city"}, [ANHUI, NATIONAL]) == judge(
        {"category": "museum", "admin_level": "city"}, BOTH
    )


@pytest.mark.django_db
def test_an_anhui_deployment_has_the_anhui_set_active():
    assert "34" in deployment_provinces()
    assert [r.label for r in active_rulesets()] == ["anhui@2026.1", "national-2001@2001.2"]
    assert not KeyUnitRuleSet.objects.filter(code="anhui-example").exists()
    assert not KeyUnitRuleSet.objects.filter(code="national-2001", version="2001.1", status="active").exists()


@pytest.mark.django_db
def test_a_provincial_set_of_another_province_is_not_activated(tmp_path, monkeypatch):
    from flameblue.units import loader

    content = read_ruleset_file("key-units-anhui-2026.yaml") | {"code": "henan", "region": "41"}
    monkeypatch.setattr(loader, "_read", lambda name: content)
    monkeypatch.setattr(
        loader.RULES_DIR.__class__, "glob", lambda self, pattern: [RULES_DIR / "key-units-henan.yaml"]
    )
    loader.load_key_unit_rulesets()
    assert KeyUnitRuleSet.objects.get(code="henan").status == "inactive"
