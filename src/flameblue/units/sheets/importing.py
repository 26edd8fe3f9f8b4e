"""Reading and validating an uploaded unit sheet (单位信息表).

The sheet is checked in full before anything is written: every problem is reported as (row, column,
reason) in Chinese, with the row number the official sees in Excel. A clean sheet becomes a list of
:class:`RowPlan` — for each row the unit it matches (by credit code, else by name + township) and what would
change — which :mod:`flameblue.units.sheets.import_jobs` applies in one transaction."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from flameblue.core.bulk import gc_paused
from flameblue.core.exports import FORMULA_PREFIXES
from flameblue.core.masking import mask_phone
from flameblue.core.scoping import Scope, user_scopes
from flameblue.core.text import normalise_name
from flameblue.geo.choices import RegionLevel
from flameblue.geo.models import Region
from flameblue.org.validators import validate_phone
from flameblue.units.models import Unit
from flameblue.units.sheets import normalise
from flameblue.units.sheets.columns import COLUMNS, SHEET_TITLE, Column, column_by_header, enum_choices
from flameblue.units.sheets.normalise import CellError, clean_text, compact
from flameblue.units.sheets.scan import max_rows, max_unpacked_bytes, too_many_rows
from flameblue.units.sheets.xlsx_rows import load_values_workbook, sheet_values
from flameblue.units.validators import normalise_credit_code

__all__ = [
    "HEADER_SEARCH_ROWS",
    "ParsedSheet",
    "RowError",
    "RowPlan",
    "SheetError",
    "ValidationResult",
    "check_upload",
    "read_sheet",
    "unit_state",
    "validate_sheet",
]

#: How many rows from the top are searched for the header (title rows are often merged above it).
HEADER_SEARCH_ROWS = 10
_ZIP_SIGNATURE = b"PK\x03\x04"
_TOWNSHIP_SUFFIXES = ("街道办事处", "办事处", "街道", "镇", "乡")
_COUNTY_SUFFIXES = ("自治县", "县", "区", "市")
#: Fields that hold people rather than unit attributes.
PERSON_KEYS = ("responsible_name", "responsible_phone", "manager_name", "manager_phone")


class SheetError(Exception):
    """The file as a whole cannot be used (wrong type, too large, no header row)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class RowError:
    row: int | None
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class RowPlan:
    """One clean row: the values it sets, the unit it matches and whether anything would change."""

    row: int
    values: dict[str, Any]
    unit_id: int | None = None
    changes: dict[str, list[Any]] = field(default_factory=dict)
    #: The matched unit's version when validated: a unit changed since then stops the import.
    version: int | None = None

    @property
    def action(self) -> str:
        if self.unit_id is None:
            return "create"
        return "update" if self.changes else "unchanged"


@dataclass
class ValidationResult:
    plans: list[RowPlan]
    errors: list[RowError]

    @property
    def ok(self) -> bool:
        return not self.errors

    def counts(self) -> dict[str, int]:
        counts = {"create": 0, "update": 0, "unchanged": 0}
        for plan in self.plans:
            counts[plan.action] += 1
        return counts


@dataclass
class ParsedSheet:
    header_row: int
    columns: dict[int, Column]
    rows: list[tuple[int, tuple[Any, ...]]]

    @property
    def present(self) -> set[str]:
        return {c.key for c in self.columns.values()}


# --- the file ------------------------------------------------------------------------------------------


def check_upload(upload: IO[bytes], *, size: int | None = None) -> None:
    """Refuse anything that is not a real .xlsx workbook within the size limit, whatever its name says."""
    limit = settings.UPLOAD_MAX_BYTES
    if size is not None and size > limit:
        raise SheetError(_("文件过大：不能超过 %(mb)s MB。") % {"mb": limit // (1024 * 1024)})
    upload.seek(0)
    head = upload.read(4)
    upload.seek(0)
    if head != _ZIP_SIGNATURE or not zipfile.is_zipfile(upload):
        raise SheetError(_("文件不是 Excel 工作簿（.xlsx）。请用 Excel 或 WPS 另存为“.xlsx”格式后再上传。"))
    # Only the zip's directory is read here (cheap, fit for a web request); the sheets themselves are
    # counted and read by the background worker.
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, EOFError) as exc:
        raise SheetError(_UNREADABLE()) from exc
    finally:
        upload.seek(0)
    if "xl/workbook.xml" not in names or not any(n.startswith("xl/worksheets/") for n in names):
        raise SheetError(_UNREADABLE())
    if unpacked > max_unpacked_bytes():
        raise SheetError(
            _("文件解压后过大（超过 %(mb)s MB），请删除多余内容或拆分文件后再导入。")
            % {"mb": max_unpacked_bytes() // (1024 * 1024)}
        )


def _UNREADABLE() -> str:  # noqa: N802 - a message, translated when raised
    return _("无法读取该 Excel 文件，文件可能已损坏或不是 .xlsx 格式。")


def _header_columns(cells: Iterable[Any]) -> dict[int, Column]:
    found: dict[int, Column] = {}
    for index, value in enumerate(cells):
        column = column_by_header(value)
        if column is not None and column not in found.values():
            found[index] = column
    return found


def read_sheet(source: Any) -> ParsedSheet:
    """Find the unit sheet and its header row (within the first rows, under any merged title) and read
    the data rows below it; rows with nothing in them are skipped."""
    with gc_paused():
        return _read_sheet(source)


def _read_sheet(source: Any) -> ParsedSheet:
    try:
        workbook = load_values_workbook(source)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign zip file
        raise SheetError(_UNREADABLE()) from exc
    try:
        names = sorted(workbook.sheetnames, key=lambda n: n != SHEET_TITLE)
        for name in names:
            sheet = workbook[name]
            # Never trust the sheet's declared <dimension>: openpyxl stops at it (a lying "A1:D2" on
            # 20,000 rows would read one row) and pads or cuts rows to its width. The fast reader
            # (xlsx_rows) does not read it at all.
            if getattr(sheet, "_worksheet_path", None) is None:
                continue  # a chart sheet: no cells
            rows = sheet_values(workbook, sheet)
            header_row, columns = 0, {}
            for number, cells in enumerate(rows, start=1):
                found = _header_columns(cells)
                if {"name", "township"} <= {c.key for c in found.values()}:
                    header_row, columns = number, found
                    break
                if number >= HEADER_SEARCH_ROWS:
                    break
            if not header_row:
                continue
            return ParsedSheet(header_row=header_row, columns=columns, rows=_data_rows(rows, header_row))
    finally:
        workbook.close()
    raise SheetError(
        _("未找到表头：前 %(n)s 行中应有“单位名称”和“所在乡镇（街道）”两列。请使用导入模板。")
        % {"n": HEADER_SEARCH_ROWS}
    )


def _data_rows(rows: Iterable[tuple[Any, ...]], header_row: int) -> list[tuple[int, tuple[Any, ...]]]:
    """The non-empty rows below the header, numbered as Excel shows them; over the cap is refused even if
    the streaming count before was somehow passed by."""
    limit = max_rows()
    data: list[tuple[int, tuple[Any, ...]]] = []
    for number, cells in enumerate(rows, start=header_row + 1):
        if any(v is not None and clean_text(v) for v in cells):
            data.append((number, cells))
            if len(data) > limit:
                raise SheetError(too_many_rows(limit).message)
    return data


# --- looking things up -----------------------------------------------------------------------------------


def _strip_suffix(name: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


class Lookups:
    """Townships, counties and enumerations, loaded once per validation, and the importer's scope."""

    def __init__(self, user: Any):
        # A command run by an administrator (no user) imports anywhere.
        self.scopes: list[Scope] = [Scope()] if user is None else user_scopes(user, Unit, "import")
        self.counties = dict(Region.objects.filter(level=RegionLevel.COUNTY).values_list("code", "name"))
        self._county_memo: dict[str, list[str]] = {}
        self._prefix_memo: dict[tuple[str, str], tuple[str, str]] = {}
        self.upper_names = list(
            Region.objects.filter(level__in=[RegionLevel.PROVINCE, RegionLevel.CITY]).values_list(
                "name", flat=True
            )
        )
        self.townships: dict[str, list[tuple[str, str, str]]] = {}
        self.township_codes: dict[str, tuple[str, str, str]] = {}
        for code, name, parent in Region.objects.filter(level=RegionLevel.TOWNSHIP).values_list(
            "code", "name", "parent_id"
        ):
            self.township_codes[code] = (code, name, parent)
            for key in {name, _strip_suffix(name, _TOWNSHIP_SUFFIXES)}:
                self.townships.setdefault(key, []).append((code, name, parent))
        with translation.override("zh-hans"):
            self.enums = {source: self._enum(source) for source in _enum_sources()}
        self.enums["risk_tags"] = _risk_tags()
        #: Cells already read, for columns whose few values repeat down the sheet (townships, enumerations,
        #: yes/no): (column key, raw value) → value. A cell that fails is not remembered, so it fails again.
        self.cells: dict[tuple[str, Any], Any] = {}

    @staticmethod
    def _enum(source: str) -> dict[str, str]:
        table: dict[str, str] = {}
        pairs = enum_choices(source)
        for value, label in pairs:
            table[compact(label).lower()] = value
            if value:
                table[value.lower()] = value
        # "民宿" finds "宾馆饭店/民宿" when no other choice has that part.
        parts: dict[str, set[str]] = {}
        for value, label in pairs:
            for part in compact(label).lower().split("/"):
                parts.setdefault(part, set()).add(value)
        for part, values in parts.items():
            if len(values) == 1:
                table.setdefault(part, next(iter(values)))
        if source == "heritage_level":
            table.update({"无": "", "否": ""})
        return table

    def allowed(self, region_code: str, industry: str | None) -> bool:
        for scope in self.scopes:
            if scope.unit_id is not None:
                continue
            if scope.region_prefix and not region_code.startswith(scope.region_prefix):
                continue
            if scope.industry and scope.industry != industry:
                continue
            return True
        return False

    def _split_prefix(self, text: str, county_text: str) -> tuple[str, str]:
        """ "亳州市谯城区古井镇" → ("古井镇", "谯城区"): sheets often write the full place name."""
        # A sheet names a few hundred places over and over: each pair is worked out once.
        key = (text, county_text)
        if key not in self._prefix_memo:
            self._prefix_memo[key] = self._split(text, county_text)
        return self._prefix_memo[key]

    def _split(self, text: str, county_text: str) -> tuple[str, str]:
        for name in self.upper_names:
            if text.startswith(name) and len(text) > len(name):
                text = text[len(name) :]
        for name in self.counties.values():
            if text.startswith(name) and len(text) > len(name):
                return text[len(name) :], county_text or name
        return text, county_text

    def county_codes(self, text: str) -> list[str]:
        # Asked once per row with a handful of distinct answers: remembered for the whole sheet.
        if text not in self._county_memo:
            wanted = _strip_suffix(text, _COUNTY_SUFFIXES)
            self._county_memo[text] = [
                code
                for code, name in self.counties.items()
                if name == text or _strip_suffix(name, _COUNTY_SUFFIXES) == wanted
            ]
        return self._county_memo[text]

    def township(
        self, text: str, county_text: str, industry: str | None
    ) -> tuple[str | None, RowError | None]:
        """Resolve a township by name (suffix optional) or code; the county column breaks ties."""
        label = _column("township").header
        text, county_text = self._split_prefix(text, county_text)
        if text.isdigit() and len(text) == 9:
            candidates = [self.township_codes[text]] if text in self.township_codes else []
        else:
            candidates = self.townships.get(text) or self.townships.get(
                _strip_suffix(text, _TOWNSHIP_SUFFIXES), []
            )
            exact = [c for c in candidates if c[1] == text]
            candidates = exact or candidates
        if county_text:
            counties = self.county_codes(county_text)
            if not counties:
                return None, RowError(
                    None, _column("county").header, _("未找到县（区）“%(v)s”。") % {"v": county_text}
                )
            candidates = [c for c in candidates if c[2] in counties]
        if not candidates:
            return None, RowError(None, label, _("未找到乡镇（街道）“%(v)s”，请检查名称。") % {"v": text})
        mine = [c for c in candidates if self.allowed(c[0], industry)]
        if not mine:
            return None, RowError(None, label, _("“%(v)s”不在您的管辖范围。") % {"v": text})
        if len(mine) > 1:
            where = "、".join(sorted({self.counties.get(c[2], c[2]) for c in mine}))
            return None, RowError(
                None,
                label,
                _("“%(v)s”在 %(where)s 都有，请填写“所在县（区）”加以区分。") % {"v": text, "where": where},
            )
        return mine[0][0], None


def _enum_sources() -> list[str]:
    return sorted({c.extra["source"] for c in COLUMNS if c.kind == "enum"})


def _column(key: str) -> Column:
    return next(c for c in COLUMNS if c.key == key)


# --- reading one row -------------------------------------------------------------------------------------


def _credit_code(text: str) -> str:
    try:
        return normalise_credit_code(compact(text).upper())
    except ValidationError as exc:
        raise CellError(exc.messages[0]) from exc


def _phone(text: str) -> str:
    phone = compact(text).replace("（", "(").replace("）", ")")
    if phone.startswith("+86"):
        phone = phone[3:]
    if "*" in phone:
        return phone  # a masked export value; checked against the stored phone later
    try:
        validate_phone(phone)
    except Exception as exc:
        raise CellError(
            _("电话号码格式错误（%(v)s）：手机号应为 1 开头的 11 位数字，座机如 0558-5123456。")
            % {"v": phone}
        ) from exc
    return phone


def _cell(column: Column, raw: Any, lookups: Lookups) -> Any:
    """The value of one cell (township and county are resolved per row, together)."""
    if column.kind in {"text", "township", "county"}:
        text = clean_text(raw)
        if text[:1] == "'" and text[1:2] in FORMULA_PREFIXES:
            text = text[1:]  # the quote our own export put before formula-like text
        if column.key == "name":
            text = normalise_name(text)  # as the unit services store it (full-width parentheses …)
        if column.max_length and len(text) > column.max_length:
            raise CellError(_("内容过长，不能超过 %(n)s 个字。") % {"n": column.max_length})
        return text
    if column.kind == "credit_code":
        return _credit_code(raw) if compact(raw) else ""
    if column.kind == "phone":
        return _phone(raw) if compact(raw) else ""
    if column.kind == "bool":
        return bool(normalise.parse_bool(raw))
    if column.kind == "int":
        return normalise.parse_int(raw, minimum=int(column.minimum), maximum=int(column.maximum))
    if column.kind == "decimal":
        places = column.extra.get("places", 2)
        return normalise.parse_decimal(raw, minimum=column.minimum, maximum=column.maximum, places=places)
    if column.kind == "enum":
        return _enum(column, raw, lookups)
    if column.kind == "tags":
        return _tags(raw, lookups)
    raise AssertionError(column.kind)


def _enum(column: Column, raw: Any, lookups: Lookups) -> str | None:
    text = compact(raw).lower()
    if not text:
        return None
    table = lookups.enums[column.extra["source"]]
    if text in table:
        return table[text]
    with translation.override("zh-hans"):
        options = "、".join(label for _v, label in enum_choices(column.extra["source"]))
    raise CellError(_("“%(v)s”不是可选值，可选：%(options)s。") % {"v": clean_text(raw), "options": options})


def _tags(raw: Any, lookups: Lookups) -> list[str]:
    table = lookups.enums["risk_tags"]
    codes, unknown = [], []
    for item in normalise.split_list(raw):
        code = table.get(compact(item).lower())
        if code is None:
            unknown.append(item)
        elif code not in codes:
            codes.append(code)
    if unknown:
        options = "、".join(_risk_tag_names())
        raise CellError(
            _("未知的风险标签“%(v)s”，可选：%(options)s。") % {"v": "、".join(unknown), "options": options}
        )
    return sorted(codes)


def _risk_tags() -> dict[str, str]:
    from flameblue.units.models import RiskTag

    table: dict[str, str] = {}
    for code, name in RiskTag.objects.values_list("code", "name"):
        table[compact(name).lower()] = code
        table[code.lower()] = code
    return table


def _risk_tag_names() -> list[str]:
    from flameblue.units.models import RiskTag

    return list(RiskTag.objects.values_list("name", flat=True))


#: Column kinds with few distinct values in a sheet, whose cells are read once per value.
_REPEATED = frozenset({"township", "county", "enum", "bool", "tags"})


def _cached_cell(column: Column, raw: Any, lookups: Lookups) -> Any:
    """:func:`_cell`, remembered per sheet for empty cells (half of a template's columns are often
    empty) and for the columns of :data:`_REPEATED`; a list is copied, so no row shares another's."""
    if raw is not None and column.kind not in _REPEATED:
        return _cell(column, raw, lookups)
    key = (column.key, raw)
    try:
        value = lookups.cells[key]
    except KeyError:
        value = lookups.cells[key] = _cell(column, raw, lookups)
    except TypeError:  # an unhashable value: read it as it is
        return _cell(column, raw, lookups)
    return list(value) if type(value) is list else value


def _read_row(number: int, cells: tuple[Any, ...], sheet: ParsedSheet, lookups: Lookups):
    values: dict[str, Any] = {}
    errors: list[RowError] = []
    width = len(cells)
    for index, column in sheet.columns.items():
        raw = cells[index] if index < width else None
        try:
            values[column.key] = _cached_cell(column, raw, lookups)
        except CellError as exc:
            errors.append(RowError(number, column.header, exc.message))
            continue
        if column.required and values[column.key] in ("", None):
            errors.append(RowError(number, column.header, _("必填项不能为空。")))
    if values.get("township"):
        code, error = lookups.township(values["township"], values.get("county", ""), values.get("industry"))
        if error is not None:
            errors.append(RowError(number, error.column, error.message))
        values["region"] = code
    values.pop("township", None)
    values.pop("county", None)
    for name_key, phone_key in (("responsible_name", "responsible_phone"), ("manager_name", "manager_phone")):
        if values.get(phone_key) and not values.get(name_key) and name_key in sheet.present:
            errors.append(RowError(number, _column(name_key).header, _("填写了电话，请同时填写姓名。")))
    return values, errors


# --- the existing registry -------------------------------------------------------------------------------


def unit_state(unit: Unit, keys: Iterable[str]) -> dict[str, Any]:
    """The unit's current values for the sheet's keys, comparable with a row's values."""
    state: dict[str, Any] = {}
    people = {"responsible": unit.responsible_person, "manager": unit.safety_manager}
    for key in keys:
        if key == "region":
            state[key] = unit.region_id
        elif key in {"place_type", "industry"}:
            state[key] = getattr(unit, f"{key}_id")
        elif key == "risk_tags":
            state[key] = sorted(tag.code for tag in unit.risk_tags.all())
        elif key in PERSON_KEYS:
            role, attr = key.split("_")
            person = people[role]
            state[key] = (person.name if attr == "name" else person.phone) if person else ""
        else:
            state[key] = getattr(unit, key)
    return state


def _same(key: str, new: Any, old: Any) -> bool:
    if isinstance(new, Decimal) or isinstance(old, Decimal):
        return (new is None and old is None) or (
            new is not None and old is not None and Decimal(new) == Decimal(old)
        )
    return (new if new is not None else "") == (old if old is not None else "")


def _defaults(values: dict[str, Any]) -> dict[str, Any]:
    """Blank enumerations and flags mean the model's default, so a blank cell compares equal to it."""
    filled = dict(values)
    for key, default in (
        ("status", "operating"),
        ("category", "other"),
        ("heritage_level", ""),
        ("admin_level", ""),
    ):
        if key in filled and filled[key] is None:
            filled[key] = default
    return filled


def _changes(values: dict[str, Any], unit: Unit) -> dict[str, list[Any]]:
    state = unit_state(unit, values.keys())
    for role in ("responsible", "manager"):
        phone = values.get(f"{role}_phone")
        # A masked phone from an export means "keep the stored number".
        if phone and "*" in phone and mask_phone(state.get(f"{role}_phone") or "") == phone:
            values[f"{role}_phone"] = state[f"{role}_phone"]
    return {key: [state[key], new] for key, new in values.items() if not _same(key, new, state[key])}


class Matcher:
    """Finds existing units by credit code, else by name + township, in bulk."""

    def __init__(self, rows: list[dict[str, Any]], user: Any):
        codes = {v["credit_code"] for v in rows if v.get("credit_code")}
        names: dict[str, set[str]] = {}  # name -> the townships the sheet puts it in
        for v in rows:
            if v.get("name") and v.get("region"):
                names.setdefault(v["name"], set()).add(v["region"])
        base = (
            Unit.objects.select_related("responsible_person", "safety_manager")
            .prefetch_related("risk_tags")
            .order_by()  # matched into dicts: the model's (region, name) order would only add a sort
        )
        self.by_code: dict[str, Unit] = {}
        self.by_name: dict[tuple[str, str], Unit] = {}
        for chunk in _chunks(sorted(codes), 500):
            # "not blank" spelled as the unique index's condition: PostgreSQL proves it from an IN list of
            # at most 100 values only, and without the index 500 codes were a scan of every unit (1 M units)
            found = base.filter(credit_code__in=chunk).exclude(credit_code="")
            self.by_code.update({u.credit_code: u for u in found})
        for chunk in _chunks(sorted(names), 500):
            # by township and name together: the (region, name) index, not a scan of every unit's name
            regions = sorted({region for name in chunk for region in names[name]})
            self.by_name.update(
                {(u.region_id, u.name): u for u in base.filter(region_id__in=regions, name__in=chunk)}
            )
        matched = {u.pk for u in [*self.by_code.values(), *self.by_name.values()]}
        if user is None:
            self.writable = matched
            return
        self.writable = set(
            Unit.objects.visible_to(user, "import").filter(pk__in=matched).values_list("pk", flat=True)
        ) & set(Unit.objects.visible_to(user, "change").filter(pk__in=matched).values_list("pk", flat=True))

    def find(self, values: dict[str, Any]) -> tuple[Unit | None, Unit | None]:
        """(unit matched by credit code, unit matched by name + township)."""
        by_code = self.by_code.get(values.get("credit_code") or "")
        by_name = self.by_name.get((values.get("region"), values.get("name")))
        return by_code, by_name


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- the whole sheet -------------------------------------------------------------------------------------


def validate_sheet(
    sheet: ParsedSheet, user: Any, *, progress: Callable[[int, int], None] | None = None
) -> ValidationResult:
    """Every problem in the sheet, or — if there is none — the plan for every row."""
    with gc_paused():
        return _validate_sheet(sheet, user, progress)


def _validate_sheet(
    sheet: ParsedSheet, user: Any, progress: Callable[[int, int], None] | None
) -> ValidationResult:
    lookups = Lookups(user)
    errors: list[RowError] = []
    read: list[tuple[int, dict[str, Any]]] = []
    total = len(sheet.rows)
    step = max(1, total // 50)  # about fifty progress updates, whatever the size
    for done, (number, cells) in enumerate(sheet.rows, start=1):
        values, row_errors = _read_row(number, cells, sheet, lookups)
        errors.extend(row_errors)
        read.append((number, values))
        if progress is not None and (done % step == 0 or done == total):
            progress(done, total)
    if not read:
        errors.append(RowError(None, "", _("表格中没有数据行。")))
    errors.extend(_duplicates(read))
    plans = _plan(read, user, errors)
    errors.sort(key=lambda e: (e.row or 0, _column_order(e.column)))
    return ValidationResult(plans=[] if errors else plans, errors=errors)


def _column_order(header: str) -> int:
    return next((i for i, c in enumerate(COLUMNS) if c.header == header), len(COLUMNS))


def _duplicates(read: list[tuple[int, dict[str, Any]]]) -> list[RowError]:
    errors: list[RowError] = []
    seen_code: dict[str, int] = {}
    seen_name: dict[tuple[str, str], int] = {}
    for number, values in read:
        code = values.get("credit_code")
        if code:
            if code in seen_code:
                errors.append(
                    RowError(
                        number,
                        _column("credit_code").header,
                        _("与第 %(n)s 行的统一社会信用代码重复。") % {"n": seen_code[code]},
                    )
                )
                continue
            seen_code[code] = number
        key = (values.get("region"), values.get("name"))
        if all(key):
            if key in seen_name:
                errors.append(
                    RowError(
                        number,
                        _column("name").header,
                        _("与第 %(n)s 行的单位名称和所在乡镇（街道）重复。") % {"n": seen_name[key]},
                    )
                )
                continue
            seen_name[key] = number
    return errors


def _plan(read: list[tuple[int, dict[str, Any]]], user: Any, errors: list[RowError]) -> list[RowPlan]:
    failed = {e.row for e in errors}
    clean = [(n, v) for n, v in read if n not in failed]
    matcher = Matcher([v for _n, v in clean], user)
    plans: list[RowPlan] = []
    claimed: dict[int, int] = {}
    for number, values in clean:
        values = _defaults(values)
        by_code, by_name = matcher.find(values)
        unit = by_code or by_name
        if by_code and by_name and by_code.pk != by_name.pk:
            errors.append(
                RowError(
                    number,
                    _column("name").header,
                    _("该乡镇（街道）已有同名单位“%(name)s”，但其统一社会信用代码与本行不同，请核对。")
                    % {"name": by_name.name},
                )
            )
            continue
        if unit is not None and unit.pk not in matcher.writable:
            errors.append(
                RowError(number, _column("name").header, _("该单位不在您的管辖范围，不能导入修改。"))
            )
            continue
        if unit is not None and unit.pk in claimed:
            errors.append(
                RowError(
                    number,
                    _column("name").header,
                    _("与第 %(n)s 行对应同一家已登记单位。") % {"n": claimed[unit.pk]},
                )
            )
            continue
        plan = RowPlan(row=number, values=values)
        if unit is not None:
            claimed[unit.pk] = number
            plan.unit_id = unit.pk
            plan.version = unit.version
            plan.changes = _changes(values, unit)
        for role in ("responsible", "manager"):
            phone = values.get(f"{role}_phone") or ""
            if "*" in phone:
                errors.append(
                    RowError(
                        number,
                        _column(f"{role}_phone").header,
                        _("电话号码为脱敏显示，且与已登记号码不符，请填写完整号码。"),
                    )
                )
        plans.append(plan)
    return plans
