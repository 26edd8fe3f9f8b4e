"""Suggested grade and GB 35181 element for each failed item of a submitted inspection.

A failed item suggests its checklist default grade. Its element counts as evidenced only when the item is
not measured, or when the measurement met the standard's threshold (2 of 6 fire doors broken is not 7.2.2).
The evidenced elements of the whole inspection then go through the GB 35181-2017 engine for the unit's place
categories: when they make a major hazard (one direct element of chapter 6, or enough chapter-7 elements for
the category), the findings carrying those elements are suggested as major; a measured element that was met
but does not make the place major on its own is raised to at least prominent. People decide; this suggests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flameblue.hazards.supervision.determination import judge, load_standard
from flameblue.inspections.choices import HazardGrade
from flameblue.inspections.kinds import gb35181_categories

__all__ = ["STANDARD", "Suggestion", "suggest"]

STANDARD = "GB35181-2017"
_RANK = {HazardGrade.GENERAL: 0, HazardGrade.PROMINENT: 1, HazardGrade.MAJOR: 2}


@dataclass(frozen=True)
class Suggestion:
    grade: str
    element: str


def _evidenced(answer: Any) -> str:
    item = answer.item
    if item.measurement:
        return item.gb35181_element if answer.measurement_met else ""
    return item.gb35181_element


def _at_least(grade: str, floor: str) -> str:
    return grade if _RANK.get(grade, 0) >= _RANK[floor] else floor


def suggest(failed: Sequence[Any], unit: Any) -> dict[int, Suggestion]:
    """``{answer.pk: Suggestion}`` for the failed answers of one inspection of ``unit``."""
    standard = load_standard(STANDARD)
    known = standard.direct.keys() | standard.comprehensive.keys()
    elements = {answer.pk: _evidenced(answer) for answer in failed}
    counted = [e for e in dict.fromkeys(elements.values()) if e in known]
    result = judge(standard, gb35181_categories(unit), counted) if counted else None
    major: set[str] = set()
    if result is not None and result.major:
        # A direct element is major by itself; a comprehensive rule is met by the chapter-7 elements together.
        major = (
            set(result.rules)
            if result.basis == "direct"
            else set(result.counted) & standard.comprehensive.keys()
        )
    suggestions = {}
    for answer in failed:
        element = elements[answer.pk]
        grade = answer.item.default_grade
        if element and element in major:
            grade = HazardGrade.MAJOR
        elif element and answer.item.measurement:
            grade = _at_least(grade, HazardGrade.PROMINENT)
        suggestions[answer.pk] = Suggestion(grade=grade, element=element)
    return suggestions
