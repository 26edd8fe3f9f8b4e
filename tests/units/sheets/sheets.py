"""Building unit sheets (.xlsx bytes) the way officials make them, for the import tests."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook

from flameblue.units.sheets.columns import COLUMNS

HEADERS = [c.header for c in COLUMNS]


def xlsx(
    rows: Sequence[dict[str, Any]], *, headers: Sequence[str] = HEADERS, title: str | None = None
) -> bytes:
    """A workbook whose rows are given as {header: value}; ``title`` adds a merged title row on top."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    sheet.append(list(headers))
    for row in rows:
        sheet.append([row.get(h) for h in headers])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read_xlsx(content: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content), read_only=True)
    return [list(r) for r in workbook.worksheets[0].iter_rows(values_only=True)]
