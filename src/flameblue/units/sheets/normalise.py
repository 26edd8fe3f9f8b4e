"""Cleaning the text that real spreadsheets contain before it is validated.

Officials' sheets carry full-width digits and letters (ＡＢＣ１２３), ideographic and non-breaking spaces,
numbers stored as text, dates stored as text or as date cells, and many spellings of yes and no. These
helpers turn a cell into a clean Python value or raise :class:`CellError` with the reason in Chinese."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

__all__ = [
    "CellError",
    "clean_text",
    "compact",
    "header_key",
    "parse_bool",
    "parse_date",
    "parse_decimal",
    "parse_int",
    "split_list",
]

# Zero-width characters and byte-order marks that survive NFKC.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = re.compile(r"\s+")
_TRUE = {"是", "y", "yes", "√", "✓", "✔", "有", "true", "1", "t", "对"}
_FALSE = {"否", "n", "no", "×", "✗", "✘", "无", "false", "0", "f", "不是", "x"}
_LIST_SEPARATORS = re.compile(r"[、,，;；/|\n]+")
_DATE_TEXT = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$")


class CellError(ValueError):
    """A cell's value cannot be read; ``message`` says why, in Chinese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def clean_text(value: Any) -> str:
    """NFKC-normalised text with every kind of space collapsed and trimmed; ``None`` gives ``""``.

    NFKC folds full-width letters and digits to ASCII and ``\\u3000``/``\\xa0`` to ordinary spaces. Numbers
    that Excel stored as floats (``12.0``) come back without the ``.0``; date cells come back as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time(0) else value.replace(microsecond=0)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    text = unicodedata.normalize("NFKC", str(value)).translate(_INVISIBLE)
    return _SPACES.sub(" ", text).strip()


def compact(value: Any) -> str:
    """Clean text with every space removed, for codes, phones and names compared loosely."""
    return clean_text(value).replace(" ", "")


def header_key(value: Any) -> str:
    """How a column heading is compared: compacted, required-marks and trailing notes in brackets dropped."""
    text = compact(value).replace("*", "").replace("※", "")
    # "经营可燃商品(是/否)" and "经营可燃商品" are the same column; keep units such as "(m2)".
    text = re.sub(r"\((是/否|必填|选填|可多选[^)]*|多个用[^)]*)\)$", "", text)
    return text.lower()


def parse_bool(value: Any) -> bool | None:
    """是/否, Y/N, √/×, true/false, 1/0 → bool; blank → None."""
    text = compact(value).lower()
    if not text:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellError(_("应填写“是”或“否”，不能识别“%(value)s”。") % {"value": clean_text(value)})


def parse_decimal(value: Any, *, minimum: Decimal, maximum: Decimal, places: int = 2) -> Decimal | None:
    """A number (also stored as text, with thousands separators or a trailing unit) within the range."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise CellError(_("应填写数字。"))
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value))
    else:
        text = compact(value).replace(",", "")
        text = re.sub(r"(m2|平方米|平米|平方|㎡|个|间|张|人|床|座)$", "", text, flags=re.IGNORECASE)
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation as exc:
            raise CellError(_("应填写数字，不能识别“%(value)s”。") % {"value": clean_text(value)}) from exc
    if not number.is_finite():
        raise CellError(_("应填写数字。"))
    if number < minimum:
        if number < 0 <= minimum:
            raise CellError(_("不能为负数（填写了 %(value)s）。") % {"value": number})
        raise CellError(_("不能小于 %(min)s（填写了 %(value)s）。") % {"min": minimum, "value": number})
    if number > maximum:
        raise CellError(
            _("数值过大，不能超过 %(max)s（填写了 %(value)s）。") % {"max": maximum, "value": number}
        )
    return number.quantize(Decimal(1).scaleb(-places))


def parse_int(value: Any, *, minimum: int = 0, maximum: int) -> int | None:
    number = parse_decimal(value, minimum=Decimal(minimum), maximum=Decimal(maximum), places=6)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise CellError(_("应填写整数（填写了 %(value)s）。") % {"value": number.normalize()})
    return int(number)


def parse_date(value: Any) -> dt.date | None:
    """A date cell, or text such as 2024-01-31, 2024/1/31, 2024.1.31, 2024年1月31日, 20240131."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = compact(value)
    match = _DATE_TEXT.match(text)
    if match is None and re.fullmatch(r"\d{8}", text):
        match = re.match(r"(\d{4})(\d{2})(\d{2})", text)
    if match is None:
        raise CellError(
            _("日期格式错误，应如 2024-01-31（填写了“%(value)s”）。") % {"value": clean_text(value)}
        )
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError as exc:
        raise CellError(_("日期不存在（填写了“%(value)s”）。") % {"value": clean_text(value)}) from exc


def split_list(value: Any) -> list[str]:
    """Items separated by 、 , ， ; ； / or line breaks, cleaned, blanks and repeats dropped, order kept."""
    items: list[str] = []
    for part in _LIST_SEPARATORS.split(clean_text(value)):
        part = part.strip()
        if part and part not in items:
            items.append(part)
    return items
