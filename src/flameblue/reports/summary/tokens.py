"""Figure placeholders in a summary's text: ``{hazards.listed_major}`` stands for that figure's value. The
text keeps the placeholder, so refreshing the figures changes the numbers and never the officer's words."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from flameblue.core.figures import figures

__all__ = ["TOKEN", "check_known", "codes_in", "format_value", "substitute", "unknown_codes"]

TOKEN = re.compile(r"\{([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)\}")


def codes_in(text: str) -> list[str]:
    """The figure codes the text refers to, in order of first mention."""
    return list(dict.fromkeys(TOKEN.findall(text or "")))


def unknown_codes(texts: Iterable[str]) -> list[str]:
    known = {f.code for f in figures()}
    return [code for text in texts for code in codes_in(text) if code not in known]


def format_value(value: object) -> str:
    """13 → "13", Decimal("924.0") → "924", Decimal("12.50") → "12.5"."""
    if value is None or value == "":
        return "0"
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if number == number.to_integral_value():
        return str(number.quantize(Decimal(1)))
    return format(number.normalize(), "f")


def substitute(text: str, render: Callable[[str], str]) -> str:
    """The text with each placeholder replaced by ``render(code)``."""
    return TOKEN.sub(lambda match: render(match.group(1)), text or "")


def check_known(blocks: Iterable[Mapping[str, str]]) -> dict[str, list[str]]:
    """Errors for placeholders naming no figure, by block key: "第3段引用了不存在的统计指标{x}"."""
    known = {f.code for f in figures()}
    errors: dict[str, list[str]] = {}
    for block in blocks:
        for code in codes_in(block.get("text", "")) + codes_in(block.get("heading", "")):
            if code not in known:
                errors.setdefault(block["key"], []).append(
                    _("“%(heading)s”引用了不存在的统计指标 {%(code)s}，请改正或删去该占位符。")
                    % {"heading": block.get("heading") or _("开头段"), "code": code}
                )
    return errors
