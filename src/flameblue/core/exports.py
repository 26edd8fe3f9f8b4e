"""Excel exports shared by every list: formula-injection-safe cells and an ``.xlsx`` download response.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or NUL would be taken by
Excel or WPS as a formula (CSV/formula injection); such text gets a leading single quote so it stays text."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.utils import timezone
from openpyxl import Workbook

from flameblue.core.http import XLSX_CONTENT_TYPE, attachment_response

__all__ = ["FORMULA_PREFIXES", "XLSX_CONTENT_TYPE", "neutralise", "workbook_bytes", "xlsx_response"]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\x00")


def neutralise(value: Any) -> Any:
    """Make one cell value safe for a spreadsheet. Numbers, dates and booleans pass through unchanged."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, dt.datetime):
        # openpyxl refuses timezone-aware datetimes; show local wall-clock time.
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, dt.date):
        return value
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def workbook_bytes(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, title: str = "Sheet1") -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([neutralise(h) for h in headers])
    for row in rows:
        sheet.append([neutralise(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(
    filename: str, headers: Sequence[str], rows: Iterable[Sequence[Any]], *, title: str = "Sheet1"
):
    return attachment_response(workbook_bytes(headers, rows, title=title), filename, XLSX_CONTENT_TYPE)
