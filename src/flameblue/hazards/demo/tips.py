"""Demo public tips (举报投诉): received through the portal service with their checking deadline, then
checked in time — converted into a hazard (the tipster's photos come along) or dismissed with a reply — or
still waiting, some past their deadline so the sweep has them to escalate."""

from __future__ import annotations

import datetime as dt

from flameblue.hazards.choices import URGENT_TIP_CATEGORIES, HazardSource, TipCategory
from flameblue.hazards.demo.clock import Story
from flameblue.hazards.demo.context import Context, Plan, lifecycle
from flameblue.hazards.tips import services as tips
from flameblue.units.models import Unit

__all__ = ["tip_story"]

TEXTS = {
    TipCategory.BLOCKED_EXIT: "晚上营业时后门安全出口被铁链锁住，楼道里还堆满了纸箱",
    TipCategory.FIRE_SYSTEM_DISABLED: "楼里的消防栓没有水，烟感报警器也被拆掉了，一直没人管",
    TipCategory.OTHER: "一楼门面房住人，晚上在店里给电动车充电，电线到处乱拉",
}


def tip_story(
    ctx: Context, unit: Unit, received_at: dt.datetime, *, outcome: str, category: str, path: str = "closed"
) -> Story:
    """``outcome``: converted (then the hazard follows ``path``), dismissed, checking, received."""
    yield received_at
    phone = f"1{ctx.rng.choice('3578')}{ctx.rng.randrange(10**9):09d}" if ctx.rng.random() < 0.7 else ""
    photos = [ctx.photo("举报照片.png")] if outcome == "converted" or ctx.rng.random() < 0.3 else []
    tip = tips.tip_submit(
        category=category, description=TEXTS[category], region=unit.region_id, address=unit.address or unit.name,
        place_name=unit.name, phone=phone, photos=photos, now=received_at,
    )  # fmt: skip
    ctx.counts["tips"] += 1
    if outcome == "received":
        return
    urgent = category in URGENT_TIP_CATEGORIES
    if outcome == "checking" or urgent:  # taken up at once
        at = received_at + dt.timedelta(hours=ctx.rng.randint(1, 4 if outcome == "checking" else 20))
    else:
        at = ctx.later(received_at, 1, 3)
    yield at
    inspector = ctx.inspector(unit)
    if outcome == "checking":
        tips.tip_start_check(tip=tip, by=inspector)
    elif outcome == "dismissed":
        tips.tip_dismiss(
            tip=tip,
            by=inspector,
            at=at,
            reason="经现场核查，该场所安全出口畅通，消防设施完好，举报情况不属实。",
        )
    else:
        plan = Plan(
            unit=unit, found_at=at, path=path, description=f"群众举报核查属实：{TEXTS[category]}",
            source=HazardSource.PUBLIC_TIP, reporter=inspector,
            create=lambda when: tips.tip_convert(tip=tip, by=inspector, unit=unit, location="举报所述部位", at=when),
        )  # fmt: skip
        yield from lifecycle(ctx, plan)
