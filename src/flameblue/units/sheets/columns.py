"""The columns of the unit sheet (单位信息表), shared by the template, the import and the export so that an
export can be re-imported unchanged. Each column says how its cell is read; the choices of enumerated
columns come from the data tables and choice classes, so the template's drop-down lists follow them."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from flameblue.units.sheets.normalise import header_key

__all__ = ["COLUMNS", "Column", "SHEET_TITLE", "column_by_header", "enum_choices"]

SHEET_TITLE = "单位信息"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = "text"  # text, credit_code, township, county, enum, tags, decimal, int, bool, phone
    required: bool = False
    max_length: int = 0
    minimum: Decimal = Decimal(0)
    maximum: Decimal = Decimal(0)
    aliases: tuple[str, ...] = ()
    width: int = 14
    note: str = ""
    extra: dict = field(default_factory=dict)


def _count(key: str, header: str, maximum: int, note: str = "") -> Column:
    return Column(key, header, "int", maximum=Decimal(maximum), note=note or _("非负整数"))


COLUMNS: tuple[Column, ...] = (
    Column(
        "name",
        "单位名称*",
        required=True,
        max_length=120,
        aliases=("单位名称", "名称", "单位全称"),
        width=30,
        note=_("必填，同一乡镇（街道）内不重复"),
    ),
    Column(
        "credit_code",
        "统一社会信用代码",
        "credit_code",
        aliases=("信用代码", "社会信用代码"),
        width=22,
        note=_("18 位，含校验位；个体小场所可不填"),
    ),
    Column(
        "township",
        "所在乡镇（街道）*",
        "township",
        required=True,
        width=16,
        aliases=("所在乡镇（街道）", "乡镇（街道）", "所在乡镇", "乡镇", "街道", "所在街道"),
        note=_("必填，可省略“镇”“乡”“街道”后缀"),
    ),
    Column(
        "county",
        "所在县（区）",
        "county",
        aliases=("县（区）", "县区", "所在县区", "县（市、区）"),
        note=_("乡镇名称重名时用于区分"),
    ),
    Column("address", "地址", max_length=200, aliases=("详细地址", "单位地址"), width=30),
    Column("status", "经营状态", "enum", extra={"source": "status"}, note=_("营业／停业／关闭，不填为营业")),
    Column("place_type", "场所类型", "enum", extra={"source": "place_type"}, width=22),
    Column("risk_tags", "风险标签", "tags", width=22, note=_("可多选，用“、”或“,”分隔")),
    Column("industry", "主管行业", "enum", extra={"source": "industry"}),
    Column(
        "category", "重点单位类别", "enum", extra={"source": "category"}, width=18, note=_("不填为“其他”")
    ),
    Column(
        "building_area_m2",
        "建筑面积（㎡）",
        "decimal",
        maximum=Decimal(10_000_000),
        aliases=("建筑面积", "建筑面积（平方米）"),
    ),
    Column("sells_combustibles", "经营可燃商品", "bool", note=_("是／否")),
    _count("guest_rooms", "客房数", 100_000),
    _count("inpatient_beds", "住院床位", 100_000),
    _count("elderly_beds", "养老床位", 100_000),
    _count("dormitory_beds", "学生住宿床位", 100_000),
    _count("child_beds", "儿童床位", 100_000),
    _count("seats", "座位数", 1_000_000),
    Column(
        "waiting_hall_area_m2",
        "候车厅面积（㎡）",
        "decimal",
        maximum=Decimal(1_000_000),
        aliases=("候车（船）厅面积（㎡）", "候车厅面积"),
    ),
    _count("workers_on_site", "同一时间作业人数", 1_000_000),
    Column("is_high_rise", "高层建筑", "bool", note=_("是／否")),
    Column("is_underground", "地下建筑", "bool", note=_("是／否")),
    Column("heritage_level", "文物保护级别", "enum", extra={"source": "heritage_level"}, width=18),
    Column("admin_level", "机关行政级别", "enum", extra={"source": "admin_level"}),
    Column(
        "latitude",
        "纬度",
        "decimal",
        minimum=Decimal(3),
        maximum=Decimal(54),
        extra={"places": 6},
        note=_("十进制度，如 33.844"),
    ),
    Column(
        "longitude",
        "经度",
        "decimal",
        minimum=Decimal(73),
        maximum=Decimal(136),
        extra={"places": 6},
        note=_("十进制度，如 115.779"),
    ),
    Column("responsible_name", "消防安全责任人", max_length=40),
    Column("responsible_phone", "责任人电话", "phone"),
    Column("manager_name", "消防安全管理人", max_length=40),
    Column("manager_phone", "管理人电话", "phone"),
)

_BY_HEADER: dict[str, Column] = {}
for _column in COLUMNS:
    for _label in (_column.header, *_column.aliases):
        _BY_HEADER.setdefault(header_key(_label), _column)


def column_by_header(value: object) -> Column | None:
    return _BY_HEADER.get(header_key(value)) if value not in (None, "") else None


def enum_choices(source: str) -> list[tuple[str, str]]:
    """(stored value, label shown in the sheet) for an enumerated column, in display order."""
    from flameblue.org.models import Industry
    from flameblue.units.choices import AdminLevel, HeritageLevel, OperatingStatus, UnitCategory
    from flameblue.units.models import PlaceType

    if source == "status":
        return [(value, str(label)) for value, label in OperatingStatus.choices]
    if source == "category":
        return [(value, str(label)) for value, label in UnitCategory.choices]
    if source == "heritage_level":
        return [(value, str(label)) for value, label in HeritageLevel.choices if value]
    if source == "admin_level":
        return [(value, str(label)) for value, label in AdminLevel.choices]
    if source == "place_type":
        return list(PlaceType.objects.values_list("code", "name"))
    if source == "industry":
        return list(Industry.objects.values_list("code", "name"))
    raise KeyError(source)
