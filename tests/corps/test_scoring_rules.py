"""The assessment's rules as data: times typed either way, a bad time refused with a clear message, scoring
tables in both directions, crew values, and the shipped item file checked and loaded with its version."""

from __future__ import annotations

from decimal import Decimal

import pytest

from flameblue.core.errors import DomainError
from flameblue.corps.models import AssessmentItem
from flameblue.corps.scoring import (
    crew_value,
    format_value,
    item_rows,
    load_assessment_items,
    parse_value,
    score_for,
)


@pytest.mark.parametrize(
    "text, seconds",
    [("12'30\"", 750), ("12'30", 750), ("12:30", 750), ("750", 750), ("750s", 750), ("12分30秒", 750),
     ("45.5", Decimal("45.5")), ("16\"", 16)],
)  # fmt: skip
def test_times_are_accepted_as_minutes_and_seconds_or_plain_seconds(text, seconds):
    assert parse_value(text, "time") == Decimal(seconds)


@pytest.mark.parametrize("text", ["12:75", "12'60\"", "abc", "12''30", ""])
def test_an_impossible_time_is_refused_with_a_clear_message(text):
    with pytest.raises(DomainError) as refused:
        parse_value(text, "time")
    assert "12'30\"" in refused.value.message and refused.value.field == "raw"


def test_counts_must_be_whole_and_scores_at_most_100():
    assert parse_value("15", "count") == 15
    for text, unit in (("15.5", "count"), ("-1", "count"), ("101", "score"), ("x", "score")):
        with pytest.raises(DomainError):
            parse_value(text, unit)


def test_lower_is_better_uses_the_first_band_the_time_is_within():
    table = [[750, 100], [780, 90], [810, 80]]
    assert score_for(Decimal(750), table=table, direction="lower") == 100
    assert score_for(Decimal(751), table=table, direction="lower") == 90
    assert score_for(Decimal(811), table=table, direction="lower") == 0


def test_higher_is_better_uses_the_first_band_the_count_reaches():
    table = [[18, 100], [15, 90], [12, 80]]
    assert score_for(Decimal(20), table=table, direction="higher") == 100
    assert score_for(Decimal(14), table=table, direction="higher") == 80
    assert score_for(Decimal(3), table=table, direction="higher") == 0


def test_a_crew_counts_its_slowest_member_or_its_time_plus_penalties():
    times = [Decimal(40), Decimal(47), Decimal(44)]
    assert crew_value(times, rule="slowest", faults=0, penalty_seconds=0) == 47
    assert crew_value([Decimal(170)], rule="penalty", faults=2, penalty_seconds=10) == 190


def test_values_are_shown_the_way_the_team_writes_them():
    assert format_value(Decimal(750), "time") == "12'30\""
    assert format_value(Decimal(16), "time") == '16"'
    assert format_value(Decimal(15), "count") == "15"


def test_the_shipped_items_cover_the_domain_examples_and_are_loaded_with_their_version(db):
    version, rows = item_rows()
    codes = {r["code"] for r in rows}
    assert {"run-3000m", "bar-rollup", "rope-climb-4f", "obstacle-100m", "don-gear-ba", "hook-ladder-4f",
            "suction-drafting", "ladder-15m", "interior-attack"} <= codes  # fmt: skip
    run = AssessmentItem.objects.get(code="run-3000m", version=version)
    assert run.table[0] == [750.0, 100] and run.direction == "lower" and run.is_active
    assert load_assessment_items() == 0  # loading again creates nothing
