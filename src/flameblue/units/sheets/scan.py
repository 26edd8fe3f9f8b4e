"""Measuring an uploaded workbook before anything reads it: rows and cells are counted by streaming each
sheet's XML (never trusting the ``<dimension>`` the writing program declared), and a sheet over the caps is
refused as soon as the cap is passed — without reading the rest of it or holding it in memory.

A 500 KB zip can hold a million rows; a ``<dimension ref="A1:D2">`` can sit on 20,000 rows; a sheet written
by a script may have no dimension at all. The counts here are what the reader will really meet, and the
declared dimension is reported when it lies so the job page can say all rows were read anyway."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _
from lxml import etree

__all__ = [
    "SheetScan",
    "SheetTooLarge",
    "WorkbookScan",
    "max_cells",
    "max_rows",
    "scan_workbook",
    "too_many_rows",
]

_SHEET_PART = re.compile(r"^xl/worksheets/[^/]+\.xml$")
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _DIMENSION = f"{_NS}row", f"{_NS}c", f"{_NS}dimension"
_REF_ROW = re.compile(r"[A-Z]*\$?(\d+)$")


def max_rows() -> int:
    return int(getattr(settings, "IMPORT_MAX_ROWS", 100_000))


def max_cells() -> int:
    return int(getattr(settings, "IMPORT_MAX_CELLS", 3_000_000))


def max_unpacked_bytes() -> int:
    return int(getattr(settings, "IMPORT_MAX_UNPACKED_MB", 400)) * 1024 * 1024


class SheetTooLarge(Exception):
    """The workbook is over a cap: too many rows or cells in a sheet, or too large once unpacked."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class SheetScan:
    """One worksheet part as it really is: rows and cells present, the declared last row, if any."""

    part: str
    rows: int = 0
    cells: int = 0
    last_row: int = 0
    declared: str = ""
    declared_rows: int | None = None

    @property
    def dimension_lies(self) -> bool:
        """The sheet declares fewer rows than it has (readers that trust it silently drop the rest)."""
        return self.declared_rows is not None and self.last_row > self.declared_rows


@dataclass
class WorkbookScan:
    sheets: list[SheetScan] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return max((s.rows for s in self.sheets), default=0)

    @property
    def lying(self) -> list[SheetScan]:
        return [s for s in self.sheets if s.dimension_lies]


def _declared_rows(ref: str) -> int | None:
    last = ref.split(":")[-1].upper()
    match = _REF_ROW.match(last)
    return int(match.group(1)) if match else None


def too_many_rows(limit: int) -> SheetTooLarge:
    return SheetTooLarge(
        _("表格行数过多：每个工作表最多 %(n)s 行。请拆分成几个文件分别导入。") % {"n": f"{limit:,}"}
    )


def too_many_cells(limit: int) -> SheetTooLarge:
    return SheetTooLarge(
        _("表格单元格过多：每个工作表最多 %(n)s 个有内容的单元格。请删除多余的列或拆分文件后再导入。")
        % {"n": f"{limit:,}"}
    )


def _scan_part(archive: zipfile.ZipFile, part: str, row_cap: int, cell_cap: int) -> SheetScan:
    scan = SheetScan(part=part)
    with archive.open(part) as stream:
        # lxml filters the three tags in C; entities are never resolved and nothing is fetched.
        events = etree.iterparse(
            stream, events=("end",), tag=(_ROW, _CELL, _DIMENSION), resolve_entities=False, no_network=True
        )
        for _event, element in events:
            tag = element.tag
            if tag == _CELL:
                scan.cells += 1
                if scan.cells > cell_cap:
                    raise too_many_cells(cell_cap)
                continue
            if tag == _ROW:
                scan.rows += 1
                number = element.get("r")
                scan.last_row = int(number) if number and number.isdigit() else scan.last_row + 1
                if scan.rows > row_cap or scan.last_row > row_cap + 1000:
                    raise too_many_rows(row_cap)
                element.clear()
                # Drop the rows already counted so memory stays flat, however long the sheet.
                while element.getprevious() is not None:
                    del element.getparent()[0]
            else:
                scan.declared = element.get("ref", "")
                scan.declared_rows = _declared_rows(scan.declared)
    return scan


def scan_workbook(source: IO[bytes]) -> WorkbookScan:
    """Count every worksheet's rows and cells by streaming; raise :class:`SheetTooLarge` (with the reason
    in Chinese) as soon as a sheet passes ``IMPORT_MAX_ROWS`` rows or ``IMPORT_MAX_CELLS`` cells or the
    archive unpacks to more than ``IMPORT_MAX_UNPACKED_MB``."""
    row_cap, cell_cap = max_rows(), max_cells()
    source.seek(0)
    try:
        with zipfile.ZipFile(source) as archive:
            infos = archive.infolist()
            if sum(info.file_size for info in infos) > max_unpacked_bytes():
                raise SheetTooLarge(
                    _("文件解压后过大（超过 %(mb)s MB），请删除多余内容或拆分文件后再导入。")
                    % {"mb": max_unpacked_bytes() // (1024 * 1024)}
                )
            parts = sorted(i.filename for i in infos if _SHEET_PART.match(i.filename))
            return WorkbookScan(sheets=[_scan_part(archive, p, row_cap, cell_cap) for p in parts])
    except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError, EOFError) as exc:
        raise SheetTooLarge(_("无法读取该 Excel 文件，文件可能已损坏或不是 .xlsx 格式。")) from exc
    finally:
        source.seek(0)
