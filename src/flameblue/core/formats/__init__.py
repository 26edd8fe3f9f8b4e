"""Local format overrides (``FORMAT_MODULE_PATH``). Only the *input* formats change: the first of each list is
what a widget renders its value in, and ``<input type="date">`` / ``datetime-local`` accept only ISO
(``2026-12-07``, ``2026-12-07T09:30``). Display formats (``2026年12月7日``) stay Django's."""

from __future__ import annotations

__all__ = ["iso_first"]


def iso_first(formats: list[str], iso: str) -> list[str]:
    """``formats`` with ``iso`` moved to the front (so widgets render it; parsing still accepts the rest)."""
    return [iso, *(f for f in formats if f != iso)]
