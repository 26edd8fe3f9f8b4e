"""The seed year 2019 as records: 13 major hazards (each judged under GB 35181-2017) and 41 prominent hazards
listed for supervision by the city and county governments, most delisted after a passing re-inspection and
a few still listed; about a hundred general hazards from every source, all closed, corrected on the spot,
withdrawn or dismissed within the year; and the year's public tips."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from flameblue.hazards.choices import HazardGrade, HazardSource, TipCategory
from flameblue.hazards.demo.clock import moment
from flameblue.hazards.demo.context import CITY, COUNTIES, Context, Plan, lifecycle
from flameblue.hazards.demo.supervision import Listing, listed_story
from flameblue.hazards.demo.tips import tip_story
from flameblue.units.models import Unit

__all__ = ["MAJOR", "PROMINENT", "YEAR", "schedule"]

YEAR = 2019
MAJOR, PROMINENT = 13, 41
MAJOR_PLACES = ("medical", "mall", "entertainment", "elderly_care", "labour_intensive", "flammable", "hotel")

#: (description, location) of hazards as brigades write them.
HAZARDS = [
    ("疏散通道堆放杂物，影响人员疏散", "一层东侧走廊"), ("安全出口上锁，无法正常开启", "后门安全出口"),
    ("灭火器压力不足，已失效", "二层走廊"), ("应急照明灯损坏，断电后不能正常照明", "楼梯间"),
    ("疏散指示标志不亮", "地下室"), ("电动自行车在楼道内停放充电", "一层楼梯间"),
    ("私拉乱接电线，飞线充电", "院内车棚"), ("室内消火栓被货物遮挡", "营业大厅"),
    ("常闭式防火门处于常开状态", "三层楼梯间"), ("消防控制室值班人员未持证上岗", "消防控制室"),
    ("自动喷水灭火系统末端试水装置压力不足", "顶层"), ("火灾自动报警系统故障未及时修复", "消防控制室"),
    ("厨房排油烟管道未定期清洗", "后厨"), ("使用易燃可燃材料装修", "二层包间"), ("员工不会使用灭火器", "全单位"),
]  # fmt: skip
MAJOR_HAZARDS = {
    "medical": "住院楼疏散楼梯不足、自动喷水灭火系统瘫痪",
    "mall": "商场营业厅未按规定设置自动喷水灭火系统和火灾自动报警系统",
    "entertainment": "歌舞娱乐场所安全出口数量不足，疏散宽度不足规范要求的80%",
    "elderly_care": "老年人居室设置在不允许的楼层，疏散通道不畅",
    "labour_intensive": "生产车间与员工宿舍未进行防火分隔，疏散距离超长",
    "flammable": "储罐区与周边建筑防火间距不足，消防冷却水系统不能正常使用",
    "hotel": "客房区未按规定设置自动喷水灭火系统",
}
GENERAL_SOURCES = [
    (HazardSource.SUPERVISION, 30), (HazardSource.SPOT_CHECK, 12), (HazardSource.SELF_INSPECTION, 10),
    (HazardSource.TOWNSHIP_GRID, 12), (HazardSource.DEPARTMENT_CHECK, 12), (HazardSource.PUBLIC_TIP, 6),
    (HazardSource.CAMPAIGN, 10), (HazardSource.EVENT_SECURITY, 8),
]  # fmt: skip
SOURCE_REFS = {
    HazardSource.CAMPAIGN: "2019年电气火灾综合治理专项整治",
    HazardSource.EVENT_SECURITY: "新中国成立70周年消防安保",
    HazardSource.PUBLIC_TIP: "96119举报",
}
#: Sources whose finders are brigade officers (the others: township grid staff, departments, the unit itself).
BRIGADE_SOURCES = (
    HazardSource.SUPERVISION,
    HazardSource.SPOT_CHECK,
    HazardSource.CAMPAIGN,
    HazardSource.EVENT_SECURITY,
)
GENERAL_PATHS = [("closed", 52), ("failed_closed", 12), ("on_spot", 22), ("withdrawn", 8)]


def _day(ctx: Context, first_month: int, last_month: int) -> dt.datetime:
    start = dt.date(YEAR, first_month, 1)
    span = (dt.date(YEAR, last_month + 1, 1) - start).days
    day = start + dt.timedelta(days=ctx.rng.randrange(span))
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return moment(day, ctx.rng.randint(9, 16), ctx.rng.randrange(60))


def _by_county(units: list[Unit], places: tuple[str, ...] | None = None) -> dict[str, list[Unit]]:
    found: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        if places is None or unit.place_type_id in places:
            found[unit.region_id[:6]].append(unit)
    return found


def _supervised(ctx: Context, units: list[Unit], used: set[int]) -> None:
    majors = _by_county(units, MAJOR_PLACES)
    for index in range(MAJOR):
        county = COUNTIES[index % 4]
        unit = ctx.rng.choice([u for u in majors[county] if u.pk not in used])
        used.add(unit.pk)
        listing = Listing(
            government=CITY if index % 3 == 0 else county, major=True, panel=index % 3 != 1,
            outcome="listed" if index in (5, 10) else "delisted", failed_first=index in (2, 7, 11),
        )  # fmt: skip
        plan = Plan(
            unit=unit, found_at=_day(ctx, 2, 6), path="", grade=HazardGrade.PROMINENT,
            description=MAJOR_HAZARDS.get(unit.place_type_id, MAJOR_HAZARDS["mall"]),
            source=HazardSource.SUPERVISION, location="主体建筑", reporter=ctx.inspector(unit),
        )  # fmt: skip
        ctx.clock.add(listed_story(ctx, plan, listing))
    by_county = _by_county(units)
    for index in range(PROMINENT):
        county = COUNTIES[index % 4]
        unit = ctx.rng.choice([u for u in by_county[county] if u.pk not in used])
        used.add(unit.pk)
        description, location = ctx.rng.choice(HAZARDS)
        listing = Listing(
            government=CITY if index % 8 == 0 else county, outcome="listed" if index in (4, 19, 33) else "delisted",
            failed_first=index % 7 == 3,
        )  # fmt: skip
        plan = Plan(
            unit=unit, found_at=_day(ctx, 1, 9), path="", grade=HazardGrade.PROMINENT,
            description=f"{description}，多次督促仍未整改", location=location,
            source=ctx.rng.choice([HazardSource.SUPERVISION, HazardSource.SPOT_CHECK, HazardSource.CAMPAIGN]),
            reporter=ctx.inspector(unit),
        )  # fmt: skip
        ctx.clock.add(listed_story(ctx, plan, listing))


def _general(ctx: Context, units: list[Unit], used: set[int]) -> None:
    sources = [s for s, weight in GENERAL_SOURCES for _ in range(weight)]
    paths = [p for p, weight in GENERAL_PATHS for _ in range(weight)]
    pool = [u for u in units if u.pk not in used]
    for source in sources:
        unit = ctx.rng.choice(pool)
        description, location = ctx.rng.choice(HAZARDS)
        path = (
            "dismissed"
            if source == HazardSource.PUBLIC_TIP and ctx.rng.random() < 0.5
            else ctx.rng.choice(paths)
        )
        reporter = ctx.inspector(unit) if source in BRIGADE_SOURCES else None
        if path == "on_spot" and reporter is None:
            path = "closed"
        plan = Plan(
            unit=unit, found_at=_day(ctx, 1, 10), path=path, description=description, location=location,
            source=source, source_ref=SOURCE_REFS.get(source, ""), reporter=reporter,
        )  # fmt: skip
        ctx.clock.add(lifecycle(ctx, plan))


def _tips(ctx: Context, units: list[Unit]) -> None:
    outcomes = ["converted"] * 8 + ["dismissed"] * 5
    for outcome in outcomes:
        unit = ctx.rng.choice(units)
        category = ctx.rng.choice(list(TipCategory.values))
        ctx.clock.add(
            tip_story(ctx, unit, _day(ctx, 1, 10), outcome=outcome, category=category, path="closed")
        )


def schedule(ctx: Context, units: list[Unit]) -> set[int]:
    """Queue the 2019 stories; returns the units given a listed hazard (kept apart from other stories)."""
    used: set[int] = set()
    _supervised(ctx, units, used)
    _general(ctx, units, used)
    _tips(ctx, units)
    return used
