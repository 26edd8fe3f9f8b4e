"""The checklist data files: one per place type plus the self-inspection forms, unique item codes, only
valid GB 35181-2017 element codes, and measurements that carry the standard's thresholds."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
import yaml

from flameblue.inspections.checklist_loader import CHECKLISTS_DIR, read_checklists
from flameblue.inspections.choices import PLACE_TYPES

FILES = sorted(CHECKLISTS_DIR.glob("*.yaml"))


def valid_elements() -> set[str]:
    """domain.md §5, written out independently of the rules file the loader uses."""
    ranges = {"7.1": 4, "7.2": 3, "7.3": 12, "7.4": 6, "7.6": 3, "7.7": 3, "7.8": 2, "7.9": 3}
    codes = {f"6.{n}" for n in range(1, 11)} | {"7.5"}
    codes |= {f"{prefix}.{n}" for prefix, top in ranges.items() for n in range(1, top + 1)}
    return codes


def items_of(path) -> list[dict]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [item for section in raw["sections"] for item in section["items"]]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_item_codes_are_unique_and_well_formed(path):
    codes = [item["code"] for item in items_of(path)]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]+-\d{3}", code) for code in codes)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_only_valid_gb35181_elements_are_cited(path):
    cited = {str(item["element"]) for item in items_of(path) if item.get("element")}
    assert cited <= valid_elements(), cited - valid_elements()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_item_has_text_basis_and_grade(path):
    for item in items_of(path):
        assert len(item["text"]) >= 10, item["code"]
        assert item["basis"].strip(), item["code"]
        assert item["grade"] in {"general", "prominent", "major"}, item["code"]


def test_every_place_type_has_a_place_checklist_of_realistic_size():
    checklists = read_checklists()
    by_type = {c.place_type: c for c in checklists if c.kind == "place"}
    assert set(by_type) == set(PLACE_TYPES)
    # the police stations' checks of committees and property companies list the articles' few points
    police_objects = {"community_committee", "property_management"}
    for place_type, checklist in by_type.items():
        low = 5 if place_type in police_objects else 20
        assert low <= len(checklist.items) <= 50, (place_type, len(checklist.items))


def test_self_inspection_forms_are_present():
    kinds = {c.kind: c for c in read_checklists() if c.kind != "place"}
    assert set(kinds) == {"patrol", "monthly_check", "small_place"}
    patrol_text = " ".join(item["text"] for item in kinds["patrol"].items)
    for content in (
        "用火",
        "用电",
        "安全出口",
        "疏散指示标志",
        "应急照明",
        "常闭式防火门",
        "重点部位",
        "其他",
    ):
        assert content in patrol_text, content
    assert kinds["small_place"].place_type == "small_places"
    assert len(kinds["small_place"].items) < len(
        next(c for c in read_checklists() if c.code == "small_places").items
    )


EXPECTED_THRESHOLDS = {
    "7.2.2": ("ratio", ">", {"50"}),
    "7.3.5": ("exceedance", ">", {"125"}),
    "7.3.6": ("ratio", ">", {"50", "30"}),
    "7.3.7": ("ratio", ">", {"50", "20"}),
    "6.5": ("exceedance", "<", {"80"}),
    "7.1.2": ("exceedance", "<", {"80"}),
    "6.2": ("exceedance", "<", {"75"}),
    "7.2.1": ("exceedance", ">", {"150"}),
}


def test_measurements_carry_the_thresholds_of_the_standard():
    seen = set()
    for checklist in read_checklists():
        for item in checklist.items:
            m = item["measurement"]
            if not m:
                continue
            element = item["gb35181_element"]
            kind, comparison, thresholds = EXPECTED_THRESHOLDS[element]
            assert (m["kind"], m["comparison"]) == (kind, comparison), item["code"]
            offered = {str(Decimal(m["threshold"]))} | {
                str(Decimal(v["threshold"])) for v in m.get("variants", [])
            }
            assert offered == thresholds, item["code"]
            assert m["clause"].startswith(f"GB 35181-2017 {element}"), item["code"]
            seen.add(element)
    assert {"7.2.2", "7.3.5", "7.3.6"} <= seen
