"""The unit sheet going out: the blank import template (导入模板) and the export of a filtered list.

Both use the columns of :mod:`flameblue.units.sheets.columns`, so an export can be edited and imported back. The
export iterates the query in chunks into a write-only workbook on disk, so a province's units fit in a
small, constant amount of memory; phones are masked unless the reader may reveal personal data, and any
cell that a spreadsheet would run as a formula is neutralised."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from typing import IO, Any

from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from flameblue.core import audit
from flameblue.core.exports import neutralise
from flameblue.core.masking import mask_phone
from flameblue.core.scoping import has_action
from flameblue.org.models import Person
from flameblue.units.models import RiskTag, Unit
from flameblue.units.sheets.columns import COLUMNS, SHEET_TITLE, Column, enum_choices

__all__ = ["export_units", "row_values", "template_bytes"]

OPTIONS_TITLE = "选项"
GUIDE_TITLE = "填写说明"
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FONT = Font(bold=True, color="C00000")
_TEMPLATE_ROWS = 5000


def _choice_labels(column: Column) -> list[str]:
    if column.kind == "bool":
        return ["是", "否"]
    if column.kind == "enum":
        return [label for _value, label in enum_choices(column.extra["source"])]
    if column.kind == "tags":
        return list(RiskTag.objects.values_list("name", flat=True))
    return []


def template_bytes() -> bytes:
    """The blank import template: header row, drop-down lists for enumerations, and a guide sheet."""
    with translation.override("zh-hans"):
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = SHEET_TITLE
        options = workbook.create_sheet(OPTIONS_TITLE)
        guide = workbook.create_sheet(GUIDE_TITLE)
        guide.append([_("列名"), _("是否必填"), _("填写说明"), _("可选值")])
        for index, column in enumerate(COLUMNS, start=1):
            letter = get_column_letter(index)
            cell = sheet.cell(row=1, column=index, value=column.header)
            cell.font = _REQUIRED_FONT if column.required else Font(bold=True)
            cell.fill = _HEADER_FILL
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            if column.note:
                cell.comment = Comment(str(column.note), "FlameBlue")
            sheet.column_dimensions[letter].width = column.width
            labels = _choice_labels(column)
            guide.append(
                [column.header, _("必填") if column.required else "", str(column.note), "、".join(labels)]
            )
            if labels and column.kind != "tags":
                _add_list(sheet, options, index, labels)
        sheet.freeze_panes = "B2"
        options.sheet_state = "hidden"
        guide.column_dimensions["A"].width = 20
        guide.column_dimensions["C"].width = 40
        guide.column_dimensions["D"].width = 60
        guide.append([])
        for line in _guide_notes():
            guide.append([line])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _add_list(sheet, options, index: int, labels: list[str]) -> None:
    letter = get_column_letter(index)
    for row, label in enumerate(labels, start=1):
        options.cell(row=row, column=index, value=label)
    validation = DataValidation(
        type="list",
        formula1=f"'{OPTIONS_TITLE}'!${letter}$1:${letter}${len(labels)}",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=_("不是可选值"),
        error=_("请从下拉列表中选择。"),
    )
    sheet.add_data_validation(validation)
    validation.add(f"{letter}2:{letter}{_TEMPLATE_ROWS}")


def _guide_notes() -> list[str]:
    return [
        _("1. 从第 2 行起每行填写一个单位；表头上方可以有标题行，表头行不要修改。"),
        _("2. 带 * 的列必填。乡镇（街道）可省略“镇”“乡”“街道”后缀；重名时请填写“所在县（区）”。"),
        _(
            "3. 已登记的单位按统一社会信用代码匹配，没有信用代码的按“单位名称 + 所在乡镇（街道）”匹配，匹配到即更新。"
        ),
        _("4. 表格全部校验通过后才会导入，导入在一个事务中完成；同一表格重复导入不会产生变化。"),
        _("5. 风险标签可多选，用“、”或“,”分隔；是否类列填“是”或“否”。"),
    ]


# --- export ----------------------------------------------------------------------------------------------


def _label_maps() -> dict[str, dict[str, str]]:
    with translation.override("zh-hans"):
        return {c.key: dict(enum_choices(c.extra["source"])) for c in COLUMNS if c.kind == "enum"}


def row_values(unit: Unit, labels: dict[str, dict[str, str]], *, reveal: bool) -> list[Any]:
    """One unit as a sheet row, in column order (the form the import reads back)."""
    people = {"responsible": unit.responsible_person, "manager": unit.safety_manager}
    row: list[Any] = []
    for column in COLUMNS:
        key = column.key
        if key == "township":
            value = unit.region.name
        elif key == "county":
            value = unit.region.parent.name if unit.region.parent_id else ""
        elif key in {"place_type", "industry"}:
            value = labels[key].get(getattr(unit, f"{key}_id") or "", "")
        elif column.kind == "enum":
            value = labels[key].get(getattr(unit, key) or "", "")
        elif column.kind == "tags":
            value = "、".join(tag.name for tag in unit.risk_tags.all())
        elif column.kind == "bool":
            value = "是" if getattr(unit, key) else "否"
        elif key.endswith(("_name", "_phone")) and key.split("_")[0] in people:
            person = people[key.split("_")[0]]
            value = "" if person is None else (person.name if key.endswith("_name") else person.phone)
            if key.endswith("_phone") and not reveal:
                value = mask_phone(value)
        else:
            value = getattr(unit, key)
        row.append(_cell(value))
    return row


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Decimal):  # keep it a number in Excel
        return value
    return neutralise(value)


def _rows(queryset: QuerySet, *, reveal: bool) -> Iterator[list[Any]]:
    labels = _label_maps()
    units = queryset.select_related(
        "region", "region__parent", "responsible_person", "safety_manager"
    ).prefetch_related("risk_tags")
    for unit in units.iterator(chunk_size=2000):
        yield row_values(unit, labels, reveal=reveal)


def export_units(queryset: QuerySet, *, by: Any, filters: dict[str, Any]) -> tuple[IO[bytes], int]:
    """Write the units to a temporary .xlsx file and audit the export; returns (open file, row count)."""
    reveal = has_action(by, Person, "reveal")
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    sheet.append([c.header for c in COLUMNS])
    count = 0
    for row in _rows(queryset, reveal=reveal):
        sheet.append(row)
        count += 1
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the response, which closes it
    workbook.save(handle)
    handle.seek(0)
    audit.record(
        audit.AuditAction.EXPORT,
        by=by,
        object_type="units.unit",
        object_repr=_("社会单位导出（%(n)s 条）") % {"n": count},
        changes={"filter": filters, "rows": count, "personal_data": "revealed" if reveal else "masked"},
    )
    return handle, count
