"""How personal data is shown to people who may not see it in full."""

from __future__ import annotations

__all__ = ["mask_id_number", "mask_phone"]


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
