"""How personal data is shown to people who may not see it in full, and the guards an app may add on who
may reveal it (e.g. the corps: only a person's own chain of command)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["mask_id_number", "mask_phone", "register_reveal_guard", "reveal_refusal"]

#: Guards registered by apps at ``ready()``: ``guard(person, by)`` answers a refusal message or None.
_REVEAL_GUARDS: list[Callable[[Any, Any], str | None]] = []


def register_reveal_guard(guard: Callable[[Any, Any], str | None]) -> None:
    """Add a rule to revealing a person's full record, on top of the ``reveal`` action and its scope."""
    if guard not in _REVEAL_GUARDS:
        _REVEAL_GUARDS.append(guard)


def reveal_refusal(person: Any, by: Any) -> str | None:
    """The first registered guard's refusal of ``by`` revealing ``person`` (None: no guard objects)."""
    for guard in _REVEAL_GUARDS:
        refusal = guard(person, by)
        if refusal:
            return refusal
    return None


def mask_id_number(value: str) -> str:
    """``110105199001011234`` -> ``110105********1234`` (region code and last four kept)."""
    if not value:
        return ""
    if len(value) <= 10:
        return value[:2] + "*" * max(len(value) - 4, 0) + value[-2:]
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(value: str) -> str:
    """``13812345678`` -> ``138****5678``; landlines keep their area code and last four digits."""
    if not value:
        return ""
    digits = value.strip()
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "****" + digits[-4:]
