"""GB 35181-2017 determination at every threshold, exclusion and corner the standard draws."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flameblue.hazards.supervision.determination import (
    DeterminationError,
    judge,
    load_standard,
    threshold_exceeded,
)

STD = load_standard("GB35181-2017")
RULE_A = ["7.3.1", "7.3.2", "7.3.3", "7.3.4", "7.3.5", "7.3.6", "7.3.7", "7.3.8", "7.3.9", "7.5", "7.9.3"]
RULE_B = ["7.1.1", "7.1.2", "7.1.3", "7.4.5", "7.4.6"]
OUTSIDE_A = ["7.1.1", "7.2.1", "7.3.10", "7.4.1", "7.6.1", "7.7.2", "7.8.1"]  # ch. 7, not in rule a's set
OUTSIDE_B = ["7.1.4", "7.2.2", "7.3.3", "7.4.1", "7.5", "7.6.1"]  # ch. 7, not in rule b's set
CHAPTER_7 = list(STD.comprehensive)
DIRECT = list(STD.direct)


def out(categories, elements, corrected=(), exclusions=()):
    return judge("GB35181-2017", categories, elements, corrected, exclusions).as_output()


NOT_MAJOR = {"major": False, "basis": None, "rules": [], "excluded_by": None}


def test_issue_example_two_evacuation_elements_in_a_crowded_place_are_not_major():
    assert out(["crowded"], ["7.3.3", "7.5"]) == NOT_MAJOR


def test_rule_a_needs_three_of_its_elements_in_a_crowded_place():
    assert out(["crowded"], RULE_A[:2]) == NOT_MAJOR
    assert out(["crowded"], ["7.3.1", "7.5", "7.9.3"]) == {
        "major": True,
        "basis": "comprehensive",
        "rules": ["5.3.2a"],
        "excluded_by": None,
    }


def test_elements_outside_rule_a_do_not_count_toward_it():
    # two of rule a's elements plus any number of others short of rule c's four.
    assert out(["crowded"], ["7.3.1", "7.3.2", "7.3.10"]) == NOT_MAJOR


def test_rule_b_needs_three_of_its_elements_in_a_flammable_place():
    assert out(["flammable"], RULE_B[:2]) == NOT_MAJOR
    assert out(["flammable"], RULE_B[:3])["rules"] == ["5.3.2b"]
    assert out(["flammable"], ["7.1.1", "7.1.2", "7.3.3"]) == NOT_MAJOR  # 7.3.3 is not rule b's


def test_rule_a_elements_do_not_help_a_flammable_place_under_rule_b():
    assert out(["flammable"], RULE_A[:3]) == NOT_MAJOR


def test_rule_c_needs_four_chapter_seven_elements_in_crowded_flammable_or_important_places():
    for category, elements in [("crowded", OUTSIDE_A), ("flammable", OUTSIDE_B), ("important", CHAPTER_7)]:
        assert out([category], elements[:3]) == NOT_MAJOR, category
        assert out([category], elements[:4])["rules"] == ["5.3.2c"], category


def test_rule_d_needs_six_elements_in_any_other_place():
    assert out(["other"], CHAPTER_7[:5]) == NOT_MAJOR
    assert out(["other"], CHAPTER_7[:6]) == {
        "major": True,
        "basis": "comprehensive",
        "rules": ["5.3.2d"],
        "excluded_by": None,
    }


def test_rules_a_and_b_sets_do_not_apply_to_other_or_important_places():
    assert out(["other"], RULE_A[:3]) == NOT_MAJOR
    assert out(["important"], RULE_B[:3]) == NOT_MAJOR


def test_a_place_in_several_categories_is_judged_by_every_rule_it_meets():
    assert out(["crowded", "flammable"], ["7.3.1", "7.3.2", "7.5", "7.1.1"])["rules"] == ["5.3.2a", "5.3.2c"]
    assert out(["flammable", "other"], RULE_B[:3] + ["7.2.1", "7.2.2", "7.2.3"])["rules"] == [
        "5.3.2b",
        "5.3.2c",
        "5.3.2d",
    ]
    assert out(["crowded", "flammable"], ["7.3.1", "7.3.2", "7.1.1"]) == NOT_MAJOR


def test_any_direct_element_is_major_and_names_the_clauses_in_order():
    for clause in DIRECT:
        assert out(["other"], [clause]) == {
            "major": True,
            "basis": "direct",
            "rules": [clause],
            "excluded_by": None,
        }
    assert out([], ["6.10", "6.5", "6.9"])["rules"] == ["6.5", "6.9", "6.10"]


def test_direct_elements_take_precedence_over_comprehensive_rules():
    assert out(["crowded"], RULE_A[:3] + ["6.6"]) == {
        "major": True,
        "basis": "direct",
        "rules": ["6.6"],
        "excluded_by": None,
    }


def test_direct_elements_do_not_count_as_comprehensive_elements():
    assert out(["other"], CHAPTER_7[:5] + ["6.1"])["basis"] == "direct"
    result = judge("GB35181-2017", ["other"], CHAPTER_7[:5] + ["6.1"], ["6.1"])
    assert not result.major


def test_elements_corrected_on_the_spot_do_not_count():
    assert out(["crowded"], RULE_A[:3], corrected=["7.3.1"]) == NOT_MAJOR
    assert out(["other"], ["6.8"], corrected=["6.8"]) == NOT_MAJOR
    assert out(["crowded"], RULE_A[:4], corrected=["7.3.1"])["rules"] == ["5.3.2a"]


def test_the_same_element_listed_twice_counts_once():
    assert out(["crowded"], ["7.3.1", "7.3.1", "7.5"]) == NOT_MAJOR
    result = judge("GB35181-2017", ["crowded"], ["7.3.1", "7.3.1", "7.5"])
    assert any("7.3.1" in w and "重复" in w for w in result.warnings)
    assert out(["crowded", "crowded"], RULE_A[:3])["rules"] == ["5.3.2a"]


@pytest.mark.parametrize("letter", ["a", "b", "c"])
def test_each_exclusion_stops_an_otherwise_major_finding(letter):
    assert out(["crowded"], RULE_A[:3], exclusions=[letter]) == {
        "major": False,
        "basis": None,
        "rules": [],
        "excluded_by": f"5.1.3{letter}",
    }
    assert out(["other"], ["6.2"], exclusions=[letter])["excluded_by"] == f"5.1.3{letter}"


def test_the_first_exclusion_in_a_b_c_order_is_named_and_the_set_aside_rules_are_kept():
    result = judge("GB35181-2017", ["crowded"], RULE_A[:3], [], ["c", "b"])
    assert result.excluded_by == "5.1.3b"
    assert result.set_aside == ("5.3.2a",)


def test_an_exclusion_on_a_finding_that_is_not_major_names_nothing():
    assert out(["crowded"], ["7.3.1"], exclusions=["a"]) == NOT_MAJOR


@pytest.mark.parametrize(
    ("kwargs", "key", "value"),
    [
        ({"elements": ["7.3.99"]}, "elements", "7.3.99"),
        ({"elements": ["7.3.1"], "corrected_on_spot": ["8.1"]}, "corrected_on_spot", "8.1"),
        ({"categories": ["hospital"]}, "categories", "hospital"),
        ({"exclusions": ["d"]}, "exclusions", "d"),
    ],
)
def test_an_unknown_clause_category_or_exclusion_is_refused_by_name(kwargs, key, value):
    args = {"categories": ["crowded"], "elements": [], "corrected_on_spot": [], "exclusions": [], **kwargs}
    with pytest.raises(DeterminationError) as exc:
        judge("GB35181-2017", **args)
    assert exc.value.field == key and value in exc.value.message


def test_an_unknown_standard_is_refused():
    with pytest.raises(DeterminationError) as exc:
        load_standard("GB99999-2030")
    assert exc.value.field == "standard"


def test_using_2017_for_a_finding_after_2025_10_31_warns():
    late = judge("GB 35181-2017", ["crowded"], ["7.3.1"], found_on=dt.date(2025, 11, 1))
    assert any("GB35181-2025" in w and "2025-10-31" in w for w in late.warnings)
    on_time = judge("GB35181-2017", ["crowded"], ["7.3.1"], found_on=dt.date(2025, 10, 31))
    assert not any("废止" in w for w in on_time.warnings)


def test_the_result_records_the_rule_set_version():
    result = judge("GB35181-2017", ["crowded"], ["7.3.1"])
    assert result.version == f"GB35181-2017@{STD.version}" and result.standard == "GB35181-2017"


def test_measured_thresholds_are_strictly_exceeded():
    assert not threshold_exceeded(STD, "7.2.2", 2 / 6 * 100)  # 2 of 6 fire doors broken
    assert not threshold_exceeded(STD, "7.2.2", 50)
    assert threshold_exceeded(STD, "7.2.2", 50.1)
    assert not threshold_exceeded(STD, "7.3.5", 120)  # travel distance 20 % over
    assert threshold_exceeded(STD, "7.3.5", 126)
    assert threshold_exceeded(STD, "7.3.6", 31, "high_rise_or_underground")
    assert not threshold_exceeded(STD, "7.3.6", 31, "other")
    with pytest.raises(DeterminationError):
        threshold_exceeded(STD, "7.3.6", 31)


def test_the_catalogue_holds_every_element_the_standard_numbers():
    assert [f"6.{i}" for i in range(1, 11)] == DIRECT
    expected = (
        [f"7.1.{i}" for i in range(1, 5)]
        + [f"7.2.{i}" for i in range(1, 4)]
        + [f"7.3.{i}" for i in range(1, 13)]
        + [f"7.4.{i}" for i in range(1, 7)]
        + ["7.5"]
        + [f"7.6.{i}" for i in range(1, 4)]
        + [f"7.7.{i}" for i in range(1, 4)]
        + [f"7.8.{i}" for i in range(1, 3)]
        + [f"7.9.{i}" for i in range(1, 4)]
    )
    assert expected == CHAPTER_7


# Properties -------------------------------------------------------------------------------------------------

clauses = st.lists(st.sampled_from(DIRECT + CHAPTER_7), max_size=12)
categories = st.lists(st.sampled_from(["crowded", "flammable", "important", "other"]), max_size=3)
exclusion_letters = st.lists(st.sampled_from(["a", "b", "c"]), max_size=2)


@settings(max_examples=300)
@given(
    categories=categories,
    elements=clauses,
    extra=st.sampled_from(DIRECT + CHAPTER_7),
    exclusions=exclusion_letters,
)
def test_adding_an_element_corrected_on_the_spot_never_changes_the_result(
    categories, elements, extra, exclusions
):
    corrected = [] if extra in elements else [extra]
    before = out(categories, elements, exclusions=exclusions)
    after = out(categories, [*elements, extra], corrected=corrected, exclusions=exclusions)
    assert before == after


@settings(max_examples=300)
@given(categories=categories, elements=clauses, extra=st.sampled_from(DIRECT + CHAPTER_7))
def test_finding_more_elements_never_makes_a_major_hazard_minor(categories, elements, extra):
    before = judge("GB35181-2017", categories, elements)
    after = judge("GB35181-2017", categories, [*elements, extra])
    assert not before.major or after.major
    if before.basis == "comprehensive" and after.basis == "comprehensive":
        assert set(before.rules) <= set(after.rules)


@settings(max_examples=200)
@given(categories=categories, elements=clauses)
def test_more_categories_never_make_a_major_hazard_minor(categories, elements):
    before = judge("GB35181-2017", categories, elements)
    after = judge("GB35181-2017", [*categories, "crowded"], elements)
    assert not before.major or after.major


@settings(max_examples=200)
@given(categories=categories, elements=clauses)
def test_order_and_repetition_of_the_input_do_not_matter(categories, elements):
    shuffled = list(reversed(elements)) + elements
    assert out(categories, elements) == out(list(reversed(categories)), shuffled)
