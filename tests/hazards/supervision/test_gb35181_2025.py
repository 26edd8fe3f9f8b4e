"""GB 35181-2025 (in force 2025-11-01) is the default; the finding's date picks the version; each version has
its own category vocabulary (重要场所 exists only in 2017) and its own element numbers."""

import datetime as dt

import pytest

from flameblue.hazards.supervision.determination import (
    DEFAULT_STANDARD,
    DeterminationError,
    equivalent,
    judge,
    load_standard,
    standard_for,
)

NEW = load_standard("GB35181-2025")
OLD = load_standard("GB35181-2017")


def test_2025_is_the_default():
    assert DEFAULT_STANDARD == "GB35181-2025"
    assert judge(None, ["crowded"], ["5.5"]).standard == "GB35181-2025"


def test_a_finding_of_2025_11_01_is_judged_by_2025_and_one_of_2025_10_31_by_2017():
    assert standard_for(dt.date(2025, 11, 1)).code == "GB35181-2025"
    assert standard_for(dt.date(2025, 10, 31)).code == "GB35181-2017"
    assert standard_for(dt.date(2018, 7, 1)).code == "GB35181-2017"
    late = judge("", ["crowded"], ["6.3.1", "6.3.2", "6.5"], found_on=dt.date(2025, 11, 1))
    early = judge("", ["crowded"], ["7.3.1", "7.3.2", "7.5"], found_on=dt.date(2025, 10, 31))
    assert (late.standard, late.rules, late.major) == ("GB35181-2025", ("C-a",), True)
    assert (early.standard, early.rules, early.major) == ("GB35181-2017", ("5.3.2a",), True)
    assert late.version.startswith("GB35181-2025@") and early.version.startswith("GB35181-2017@")


def test_before_2017_came_into_force_there_is_no_version():
    with pytest.raises(DeterminationError) as exc:
        standard_for(dt.date(2018, 6, 30))
    assert exc.value.field == "found_on"


def test_important_places_are_refused_under_2025_with_a_clear_message():
    with pytest.raises(DeterminationError) as exc:
        judge("GB35181-2025", ["important"], ["6.3.1"])
    assert exc.value.field == "categories"
    assert "重要场所" in exc.value.message and "GB35181-2025" in exc.value.message
    assert judge("GB35181-2017", ["important"], ["7.3.1"] * 1).major is False


def test_2025_vocabulary_has_the_four_new_terms_and_not_important():
    assert set(NEW.categories) == {
        "crowded", "flammable", "children", "elderly", "labour_intensive", "mixed_use", "other",
    }  # fmt: skip
    assert "important" in OLD.categories and "important" not in NEW.categories


def test_2025_elements_are_in_chapters_5_and_6_and_exclusions_in_4_2():
    assert sorted(NEW.direct) == sorted(f"5.{i}" for i in range(1, 11))
    assert all(c.startswith("6.") for c in NEW.comprehensive)
    assert sorted(NEW.exclusions.values()) == ["4.2a", "4.2b", "4.2c"]
    stopped = judge("GB35181-2025", ["other"], ["5.1"], exclusions=["4.2b"])
    assert stopped.major is False and stopped.excluded_by == "4.2b"


@pytest.mark.parametrize("category", ["children", "elderly", "labour_intensive"])
def test_new_crowded_kinds_take_the_crowded_rule_at_three_elements(category):
    assert judge("GB35181-2025", [category], ["6.3.1", "6.3.2"]).major is False
    assert judge("GB35181-2025", [category], ["6.3.1", "6.3.2", "6.9.3"]).rules == ("C-a",)


def test_mixed_use_places_take_the_other_place_rule_at_six_elements():
    five = ["6.1.1", "6.2.3", "6.4.1", "6.6.1", "6.7.1"]
    assert judge("GB35181-2025", ["mixed_use"], five).major is False
    assert judge("GB35181-2025", ["mixed_use"], [*five, "6.8.1"]).rules == ("C-d",)


def test_unconfirmed_2025_text_warns_on_every_use():
    result = judge("GB35181-2025", ["crowded"], ["5.6"])
    assert result.major and any("5.6" in w and "verify" in w for w in result.warnings)


def test_every_2017_element_maps_to_its_2025_element():
    for clause in [*OLD.direct, *OLD.comprehensive]:
        mapped = equivalent(clause, NEW)
        assert mapped, clause
        assert (NEW.direct | NEW.comprehensive)[mapped].from_2017 == clause
    assert equivalent("7.3.3", OLD) == "7.3.3"
    assert equivalent("7.3.3", NEW) == "6.3.3"


def test_7_3_3_excludes_only_6_5():
    assert "除6.5规定外" in OLD.comprehensive["7.3.3"].text and "6.6" not in OLD.comprehensive["7.3.3"].text
    assert "除5.5规定外" in NEW.comprehensive["6.3.3"].text


def test_the_readme_documents_both_category_vocabularies():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("Category vocabulary per version") :]
    for std in (OLD, NEW):
        for key, name in std.categories.items():
            assert f"`{key}` {name}" in section, (std.code, key)
