"""Text normalisation for names and free text typed by people or pasted from elsewhere.

Invisible format characters (zero-width spaces and joiners, right-to-left overrides and isolates, the
byte-order mark, soft hyphens: Unicode category Cf) would let "亳州万达\u200b广场" pass as a name different
from "亳州万达广场", and bidi overrides can make a name read differently from what is stored. Names are
therefore compared and stored in NFKC form without format characters, with runs of white space collapsed;
NFKC also makes full-width letters and digits ("ＫＴＶ") the same as ASCII. Parentheses are the exception
that goes the other way: registered Chinese names write them full width, so "(" and "）" both become full
width."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalise_name", "strip_format_characters"]

_SPACE = re.compile(r"\s+")
_PARENTHESES = str.maketrans({"(": "（", ")": "）"})


def strip_format_characters(value: str) -> str:
    """``value`` without invisible format characters (Unicode category Cf) and NUL-like controls other
    than line breaks and tabs (kept, free text has paragraphs)."""
    return "".join(
        ch
        for ch in value
        if unicodedata.category(ch) != "Cf" and (ch in "\n\r\t" or unicodedata.category(ch) != "Cc")
    )


def normalise_name(value: str) -> str:
    """The canonical form of a name: NFKC, no format characters, single spaces, trimmed, full-width
    parentheses."""
    text = strip_format_characters(unicodedata.normalize("NFKC", value or ""))
    return _SPACE.sub(" ", text).strip().translate(_PARENTHESES)
