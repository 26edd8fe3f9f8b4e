"""Suggested grade and GB 35181 element for each failed item of a submitted inspection.

The version of GB 35181 is the one in force on the inspection date (GB 35181-2017 up to 2025-10-31,
GB 35181-2025 from 2025-11-01); checklist items name 2017 clauses and are mapped to the chosen version's
element. A failed item suggests its checklist default grade. Its element counts as evidenced only when the
item is not measured, or when the measurement met the standard's threshold (2 of 6 fire doors broken is not
7.2.2). An element corrected on the spot (当场改正) does not count (2017 5.1.2; in 2025 the rule sits with the
exclusions in 4.2), and the exclusions (2017 5.1.3 / 2025 4.2: a unit that has stopped operating is never
major) stop a major suggestion. The evidenced elements of the whole inspection go through the engine for the
unit's place categories in that version's vocabulary: when they make a major hazard (one direct element, or
enough comprehensive elements for the category), the findings carrying those elements are suggested as major;
a measured element that was met but does not make the place major on its own is raised to at least prominent.
People decide; this suggests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flameblue.hazards.supervision.determination import equivalent, judge, standard_for
from flameblue.inspections.choices import HazardGrade
from flameblue.inspections.kinds import gb35181_categories

__all__ = ["Suggestion", "exclusions_for", "suggest"]

_RANK = {HazardGrade.GENERAL: 0, HazardGrade.PROMINENT: 1, HazardGrade.MAJOR: 2}


@dataclass(frozen=True)
class Suggestion:
    """``element`` is the checklist's GB 35181-2017 clause (the identifier findings and hazards carry);
    ``standard`` the version that judged and ``standard_element`` the element in that version."""

    grade: str
    element: str
    standard: str = ""
    standard_element: str = ""


def _evidenced(answer: Any, standard: Any) -> str:
    """The answer's element in ``standard`` when the answer evidences it ("" otherwise)."""
    item = answer.item
    if item.measurement and not answer.measurement_met:
        return ""
    return equivalent(item.gb35181_element, standard) if item.gb35181_element else ""


def _at_least(grade: str, floor: str) -> str:
    return grade if _RANK.get(grade, 0) >= _RANK[floor] else floor


def exclusions_for(unit: Any) -> list[str]:
    """The exclusions a unit's record itself shows: a unit that has stopped operating (停产停业) is never a
    major hazard (2017 5.1.3b / 2025 4.2b). Expert review (a) and "cannot lead to a major fire" (c) need a
    person's judgement and are left to the determination."""
    status = str(getattr(unit, "status", "") or "")
    return ["b"] if status and status != "operating" else []


def suggest(
    failed: Sequence[Any],
    unit: Any,
    *,
    found_on: dt.date | None = None,
    exclusions: Sequence[str] = (),
) -> dict[int, Suggestion]:
    """``{answer.pk: Suggestion}`` for the failed answers of one inspection of ``unit`` found on ``found_on``."""
    standard = standard_for(found_on)
    elements = {answer.pk: _evidenced(answer, standard) for answer in failed}
    corrected = [elements[a.pk] for a in failed if getattr(a, "corrected_on_spot", False) and elements[a.pk]]
    # An element still counts when another answer shows it uncorrected.
    still_open = {elements[a.pk] for a in failed if not getattr(a, "corrected_on_spot", False)}
    corrected = [e for e in dict.fromkeys(corrected) if e not in still_open]
    found = [e for e in dict.fromkeys(elements.values()) if e]
    result = None
    if found:
        result = judge(
            standard,
            gb35181_categories(unit, standard.code),
            found,
            corrected,
            list(exclusions),
            found_on=found_on,
        )
    major: set[str] = set()
    if result is not None and result.major:
        # A direct element is major by itself; a comprehensive rule is met by the comprehensive elements together.
        major = (
            set(result.rules)
            if result.basis == "direct"
            else set(result.counted) & standard.comprehensive.keys()
        )
    suggestions = {}
    for answer in failed:
        element = elements[answer.pk]
        grade = answer.item.default_grade
        if element and element in major and not getattr(answer, "corrected_on_spot", False):
            grade = HazardGrade.MAJOR
        elif element and answer.item.measurement:
            grade = _at_least(grade, HazardGrade.PROMINENT)
        evidenced_2017 = answer.item.gb35181_element if element else ""
        suggestions[answer.pk] = Suggestion(
            grade=grade, element=evidenced_2017, standard=standard.code, standard_element=element
        )
    return suggestions
