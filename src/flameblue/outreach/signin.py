"""The training sign-in sheet (签到表) in Excel: its columns (姓名/单位/职务/手机/受众类别), the blank template,
and reading and checking an uploaded sheet in full before anything is written.

The conventions are the unit sheet's (``units/sheets``): a real .xlsx within the upload limit, the header
found within the first rows under any merged title, full-width characters folded, every problem reported as
(row as Excel shows it, column heading, reason in Chinese). A sheet with any problem imports nothing
(``services.signin_import``). Each row is matched to the organisation and person in FlameBlue by name;
a row that matches nobody becomes a roster line with the organisation as written. Phones are checked and
kept masked only."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from flameblue.core.masking import mask_phone
from flameblue.core.text import normalise_name
from flameblue.org.models import Organization, Person
from flameblue.org.validators import validate_phone
from flameblue.outreach.choices import TermKind
from flameblue.outreach.models import Term, TrainingSession
from flameblue.units.sheets.importing import RowError, SheetError, check_upload
from flameblue.units.sheets.normalise import clean_text, compact, header_key

__all__ = ["COLUMNS", "MAX_ROWS", "SigninRow", "SigninSheet", "read_signin", "template_bytes"]

#: A sign-in sheet is one session's attendance: a few hundred lines; more is a wrong file.
MAX_ROWS = 2000
HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool
    max_length: int
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("name", "姓名", True, 40, ("名字", "参训人", "参训人员")),
    Column("organization", "单位", True, 120, ("工作单位", "所在单位", "单位名称", "部门", "单位（部门）")),
    Column("title", "职务", False, 60, ("职位", "职务（职称）")),
    Column("phone", "手机", False, 20, ("手机号", "手机号码", "联系电话", "电话")),
    Column("audience", "受众类别", True, 40, ("人员类别", "类别", "受众")),
)
_BY_HEADER = {header_key(label): c for c in COLUMNS for label in (c.header, *c.aliases)}


@dataclass
class SigninRow:
    """One clean row: what the roster line will hold and whom it matched."""

    row: int
    name: str
    organization_name: str
    title: str
    phone_masked: str
    audience: Term
    organization: Organization | None = None
    person: Person | None = None


@dataclass
class SigninSheet:
    rows: list[SigninRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)

    @property
    def matched(self) -> int:
        return sum(1 for r in self.rows if r.person is not None)


def template_bytes() -> bytes:
    """The blank sign-in sheet: the header row and one example line."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("签到表")
    sheet.append([c.header + ("*" if c.required else "") for c in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    audiences = "、".join(
        Term.objects.filter(kind=TermKind.AUDIENCE, active=True).values_list("name", flat=True)
    )
    sheet.append(["张三", "谯城区应急管理局", "局长", "13800000000", _("部门负责人")])
    sheet.append([])
    sheet.append([_("受众类别可填：%(names)s") % {"names": audiences}])
    for letter, width in zip("ABCDE", (12, 30, 16, 16, 16), strict=True):
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _header(rows: Iterable[tuple[Any, ...]]) -> tuple[int, dict[int, Column]]:
    for number, cells in enumerate(rows, start=1):
        found: dict[int, Column] = {}
        for index, value in enumerate(cells):
            column = _BY_HEADER.get(header_key(value)) if value not in (None, "") else None
            if column is not None and column not in found.values():
                found[index] = column
        if {"name", "organization"} <= {c.key for c in found.values()}:
            return number, found
        if number >= HEADER_SEARCH_ROWS:
            break
    raise SheetError(
        _("未找到表头：前 %(n)s 行中应有“姓名”和“单位”两列。请使用签到表模板。") % {"n": HEADER_SEARCH_ROWS}
    )


def _load(upload: Any) -> tuple[dict[int, Column], list[tuple[int, tuple[Any, ...]]]]:
    check_upload(upload, size=getattr(upload, "size", None))
    try:
        book = load_workbook(upload, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign zip file
        raise SheetError(_("无法读取该 Excel 文件，文件可能已损坏或不是 .xlsx 格式。")) from exc
    try:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()
        rows = sheet.iter_rows(values_only=True)
        header_row, columns = _header(rows)
        missing = [c.header for c in COLUMNS if c.required and c not in columns.values()]
        if missing:
            raise SheetError(_("签到表缺少“%(cols)s”列。") % {"cols": "”“".join(missing)})
        data = []
        for number, cells in enumerate(rows, start=header_row + 1):
            if any(clean_text(v) for v in cells):
                data.append((number, cells))
                if len(data) > MAX_ROWS:
                    raise SheetError(_("签到表超过 %(n)d 行，请按场次拆分后再导入。") % {"n": MAX_ROWS})
        return columns, data
    finally:
        book.close()


class _Lookups:
    """Audience types, organisations and people, loaded once per sheet."""

    def __init__(self, session: TrainingSession):
        self.audiences: dict[str, Term] = {}
        for term in Term.objects.filter(kind=TermKind.AUDIENCE, active=True):
            for key in (
                compact(term.name).lower(),
                term.code.lower(),
                *compact(term.name).lower().split("/"),
            ):
                self.audiences.setdefault(key, term)
        self.audience_names = "、".join(
            Term.objects.filter(kind=TermKind.AUDIENCE, active=True).values_list("name", flat=True)
        )
        self.region = session.region_id
        self.on_roster = {(n, o) for n, o in session.attendees.values_list("name", "organization_name")}
        self._orgs: dict[str, Organization | None] = {}

    def organization(self, name: str) -> Organization | None:
        """The organisation of that name (or short name); inside the session's region first when several."""
        if name not in self._orgs:
            found = list(Organization.objects.filter(name=name, is_active=True)[:5]) or list(
                Organization.objects.filter(short_name=name, is_active=True)[:5]
            )
            local = [o for o in found if o.region_id.startswith(self.region[:4])]
            found = local or found
            self._orgs[name] = found[0] if len(found) == 1 else None
        return self._orgs[name]


def _cell(cells: tuple[Any, ...], index: int | None) -> str:
    return clean_text(cells[index]) if index is not None and index < len(cells) else ""


def _check_row(
    number: int, values: dict[str, str], look: _Lookups, errors: list[RowError]
) -> SigninRow | None:
    bad = len(errors)
    for column in COLUMNS:
        text = values[column.key]
        if column.required and not text:
            errors.append(RowError(number, column.header, _("必填，不能为空。")))
        elif len(text) > column.max_length:
            errors.append(
                RowError(number, column.header, _("内容过长：最多 %(n)d 个字。") % {"n": column.max_length})
            )
    phone = (
        values["phone"].replace(" ", "").replace("-", "")
        if values["phone"].startswith("1")
        else values["phone"]
    )
    if phone:
        try:
            validate_phone(phone)
        except ValidationError as exc:
            errors.append(RowError(number, "手机", exc.messages[0]))
    audience = look.audiences.get(compact(values["audience"]).lower()) if values["audience"] else None
    if values["audience"] and audience is None:
        errors.append(RowError(number, "受众类别", _("无法识别“%(v)s”，可填：%(names)s。")
                               % {"v": values["audience"], "names": look.audience_names}))  # fmt: skip
    if len(errors) > bad or audience is None:
        return None
    name, org_name = normalise_name(values["name"]), normalise_name(values["organization"])
    organization = look.organization(org_name)
    person = None
    if organization is not None:
        people = list(Person.objects.filter(organization=organization, name=name, is_active=True)[:2])
        person = people[0] if len(people) == 1 else None
    return SigninRow(row=number, name=name, organization_name=org_name, title=values["title"],
                     phone_masked=mask_phone(phone), audience=audience, organization=organization, person=person)  # fmt: skip


def read_signin(session: TrainingSession, upload: Any) -> SigninSheet:
    """Read and check the whole sheet for ``session``. :class:`SheetError` when the file as a whole is unusable;
    otherwise every row problem is in ``errors`` (and ``rows`` must then not be imported)."""
    columns, data = _load(upload)
    index = {c.key: i for i, c in columns.items()}
    look = _Lookups(session)
    result = SigninSheet()
    seen: dict[tuple[str, str], int] = {}
    for number, cells in data:
        values = {c.key: _cell(cells, index.get(c.key)) for c in COLUMNS}
        row = _check_row(number, values, look, result.errors)
        if row is None:
            continue
        key = (row.name, row.organization_name)
        if key in seen:
            result.errors.append(
                RowError(number, "姓名", _("与第 %(n)d 行重复（同一单位同名）。") % {"n": seen[key]})
            )
        elif key in look.on_roster:
            result.errors.append(
                RowError(number, "姓名", _("“%(v)s”已在本次培训的花名册中。") % {"v": row.name})
            )
        else:
            seen[key] = number
            result.rows.append(row)
    if not data:
        result.errors.append(RowError(None, "", _("签到表没有数据行。")))
    return result
