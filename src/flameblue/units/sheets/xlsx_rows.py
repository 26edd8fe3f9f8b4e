"""Reading a worksheet's cell values fast: what openpyxl's read-only ``iter_rows(values_only=True)`` gives
after ``reset_dimensions()``, at a fraction of its cost.

openpyxl builds a descriptor-checked object for every shared string (``Text.from_tree``) and a dict per
cell; on a 100k-row sheet that is most of the import's reading time. Here openpyxl still reads the
package, the workbook, the styles (which cells are dates) and the sheet list — everything but the shared
strings — and the shared strings and the sheet's rows are parsed with lxml's ``iterparse`` straight into
values, with openpyxl's own rules: a shared or inline string is its plain text and its runs' text (not its
phonetic guide), a number is an ``int`` unless it has a point or an exponent, a number in a date style is a
date (``from_excel`` with the workbook's epoch), ``t="b"`` is a bool, ``t="d"`` an ISO date, a formula
counts by its cached value (``data_only``), missing rows are empty and a row is as wide as its last cell.
The sheet's declared ``<dimension>`` is not read."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from lxml import etree
from openpyxl.reader.excel import ExcelReader
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS

__all__ = ["load_values_workbook", "sheet_values"]

_NS = f"{{{SHEET_MAIN_NS}}}"
_SI, _T, _R, _ROW, _C, _V, _IS = (f"{_NS}{tag}" for tag in ("si", "t", "r", "row", "c", "v", "is"))


def _iterparse(source: IO[bytes], tag: str) -> Any:
    # No entities, no DTD, no network: an uploaded file is untrusted.
    return etree.iterparse(
        source, events=("end",), tag=tag, resolve_entities=False, load_dtd=False, no_network=True
    )


def _plain_text(node: Any) -> str:
    """A string item's text without formatting: its ``<t>`` and its runs' ``<t>``, not ``<rPh>``."""
    snippets: list[str] = []
    for child in node:
        if child.tag == _T:
            if child.text:
                snippets.append(child.text)
        elif child.tag == _R:
            for t in child.iterchildren(_T):
                if t.text:
                    snippets.append(t.text)
    return "".join(snippets)


def _drop(element: Any) -> None:
    """Free a parsed element and the siblings before it (iterparse keeps the tree otherwise)."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def read_shared_strings(source: IO[bytes]) -> list[str]:
    strings: list[str] = []
    for _event, node in _iterparse(source, _SI):
        strings.append(_plain_text(node).replace("x005F_", ""))
        _drop(node)
    return strings


class _Reader(ExcelReader):
    def read_strings(self) -> None:
        part = self.package.find(SHARED_STRINGS)
        if part is not None:
            with self.archive.open(part.PartName[1:]) as source:
                self.shared_strings = read_shared_strings(source)


def load_values_workbook(source: Any) -> Any:
    """``load_workbook(source, read_only=True, data_only=True)`` with the shared strings read fast."""
    reader = _Reader(source, read_only=True, data_only=True)
    reader.read()
    reader.wb._fast_strings = reader.shared_strings
    return reader.wb


_COLUMNS: dict[str, int] = {}


def _column(coordinate: str) -> int:
    letters = coordinate.rstrip("0123456789")
    index = _COLUMNS.get(letters)
    if index is None:
        index = 0
        for char in letters.upper():
            index = index * 26 + ord(char) - 64
        _COLUMNS[letters] = index
    return index


def _number(text: str) -> int | float:
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


def sheet_values(workbook: Any, sheet: Any) -> Iterator[tuple[Any, ...]]:
    """The sheet's rows of values from row 1, as ``iter_rows(values_only=True)`` after
    ``reset_dimensions()`` yields them (gaps as empty rows)."""
    strings: list[str] = getattr(workbook, "_fast_strings", None) or workbook.shared_strings
    dates = workbook._date_formats
    durations = workbook._timedelta_formats
    epoch = workbook.epoch
    expected = 1
    with workbook._archive.open(sheet._worksheet_path) as source:
        for _event, row in _iterparse(source, _ROW):
            number = row.get("r")
            number = int(float(number)) if number else expected
            if number < expected:  # a row out of order: openpyxl skips it too
                _drop(row)
                continue
            while expected < number:
                expected += 1
                yield ()
            cells: dict[int, Any] = {}
            column = 0
            for cell in row.iterchildren(_C):
                coordinate = cell.get("r")
                column = _column(coordinate) if coordinate else column + 1
                kind = cell.get("t", "n")
                if kind == "inlineStr":
                    inline = cell.find(_IS)
                    cells[column] = _plain_text(inline) if inline is not None else None
                    continue
                value_node = cell.find(_V)
                text = value_node.text if value_node is not None else None
                if not text:
                    cells[column] = None
                    continue
                if kind == "n":
                    value: Any = _number(text)
                    style = cell.get("s")
                    if style and int(style) in dates:
                        try:
                            value = from_excel(value, epoch, timedelta=int(style) in durations)
                        except (OverflowError, ValueError):
                            value = "#VALUE!"
                elif kind == "s":
                    value = strings[int(text)]
                elif kind == "b":
                    value = bool(int(text))
                elif kind == "d":
                    value = from_ISO8601(text)
                else:  # "str" (a formula's text), "e" (an error such as #N/A)
                    value = text
                cells[column] = value
            _drop(row)
            expected = number + 1
            if not cells:
                yield ()
                continue
            values = [None] * column
            for index, value in cells.items():
                if 1 <= index <= column:
                    values[index - 1] = value
            yield tuple(values)
