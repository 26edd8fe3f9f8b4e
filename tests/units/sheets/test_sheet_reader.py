"""The import reads a sheet's cells exactly as openpyxl's read-only ``iter_rows(values_only=True)`` would
(after ``reset_dimensions``): strings, numbers, booleans, dates, rich text without its formatting, missing
rows and cells, several sheets — only faster."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from flameblue.units.sheets.xlsx_rows import load_values_workbook, sheet_values


def _openpyxl_rows(content: bytes) -> dict[str, list[tuple]]:
    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    rows = {}
    for name in workbook.sheetnames:
        sheet = workbook[name]
        sheet.reset_dimensions()
        rows[name] = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows


def _fast_rows(content: bytes) -> dict[str, list[tuple]]:
    workbook = load_values_workbook(io.BytesIO(content))
    rows = {
        name: [tuple(row) for row in sheet_values(workbook, workbook[name])] for name in workbook.sheetnames
    }
    workbook.close()
    return rows


def test_cells_read_as_openpyxl_reads_them():
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "单位信息表"
    sheet.append(["单位名称*", "所在乡镇（街道）*", "建筑面积（㎡）", "是否高层", "备注"])
    sheet.append(["亳州华佗大药房", "古井镇", 1200, True, None])
    sheet.append(["  某某宾馆 ", "花戏楼街道", 350.75, False, "=1+1"])
    sheet["A6"] = "隔了两行"
    sheet["E6"] = 1e20
    sheet["C7"] = dt.date(2024, 3, 1)
    sheet["D7"] = dt.datetime(2024, 3, 1, 8, 30)
    sheet["A8"] = CellRichText(["普通", TextBlock(InlineFont(b=True), "加粗")])
    sheet["B9"] = -3
    other = workbook.create_sheet("说明")
    other["B2"] = "第二张表"
    buffer = io.BytesIO()
    workbook.save(buffer)
    content = buffer.getvalue()

    fast = _fast_rows(content)

    assert fast == _openpyxl_rows(content)
    assert fast["单位信息表"][1] == ("亳州华佗大药房", "古井镇", 1200, True)  # as wide as its last cell
    assert fast["单位信息表"][3:5] == [(), ()]  # rows with nothing in them, as openpyxl gives them
    assert fast["单位信息表"][7] == ("普通加粗",)
