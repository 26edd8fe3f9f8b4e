"""The current year's hazards, dated back from today: inspection findings of the demo year recorded as
hazards in every state (recent ones just found, older ones mostly closed, some overdue, some re-inspected
and failed), campaign and event-security finds, this year's tips (some unchecked and overdue), and listed
supervision in progress — a case awaiting a decision, one whose decision is late, listed ones whose
report is overdue, one refused, one delisted."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from flameblue.core.scoping import has_action
from flameblue.hazards.choices import HazardGrade, HazardSource, TipCategory
from flameblue.hazards.demo.clock import moment
from flameblue.hazards.demo.context import CITY, Context, Plan, lifecycle
from flameblue.hazards.demo.history import HAZARDS, MAJOR_HAZARDS, MAJOR_PLACES
from flameblue.hazards.demo.supervision import Listing, listed_story
from flameblue.hazards.demo.tips import tip_story
from flameblue.hazards.models import Hazard
from flameblue.inspections.kinds import kind_rule
from flameblue.inspections.models import Finding
from flameblue.units.models import Unit

__all__ = ["schedule"]

FINDINGS = 220
#: (up to age in days, [(path, weight)]): what has become of a finding of that age.
BY_AGE = [
    (2, [("found", 7), ("on_spot", 3)]),
    (10, [("confirmed", 3), ("rectifying", 5), ("on_spot", 1), ("withdrawn", 1)]),
    (35, [("rectifying", 4), ("reported", 3), ("closed", 2), ("on_spot", 1)]),
    (120, [("closed", 10), ("failed_closed", 3), ("rectifying", 2), ("failed", 2), ("reported", 1), ("on_spot", 1),
           ("withdrawn", 1)]),
    (400, [("closed", 14), ("failed_closed", 3), ("on_spot", 2), ("withdrawn", 1)]),
]  # fmt: skip
EXTRA = [
    (HazardSource.CAMPAIGN, "电动自行车消防安全专项整治"),
    (HazardSource.EVENT_SECURITY, "中药材交易会（药博会）消防安保"),
    (HazardSource.PUBLIC_TIP, "96119举报"),
]


def _pick(ctx: Context, table: list[tuple[str, int]]) -> str:
    return ctx.rng.choice([path for path, weight in table for _ in range(weight)])


def _path_for(ctx: Context, found_at: dt.datetime) -> str:
    age = (ctx.now - found_at).days
    for limit, table in BY_AGE:
        if age <= limit:
            return _pick(ctx, table)
    return "closed"


def _findings(ctx: Context) -> None:
    since = ctx.now - dt.timedelta(days=365)
    rows = list(
        Finding.objects.filter(
            hazard=None, inspection__submitted_at__gte=since, inspection__status="submitted"
        )
        .select_related("inspection__unit__safety_manager", "inspection__inspector", "answer__item")
        .order_by("pk")
    )
    rows = [
        f
        for f in rows
        if kind_rule(f.inspection.kind).hazard_source and f.inspection.unit.status == "operating"
    ]
    recent = [f for f in rows if (ctx.now - f.inspection.submitted_at).days <= 10]
    chosen = ctx.rng.sample(rows, min(FINDINGS, len(rows)))
    chosen += [f for f in recent[:12] if f not in chosen]  # enough just-found ones
    for finding in sorted(chosen, key=lambda f: f.pk):
        inspection, item = finding.inspection, finding.answer.item
        inspector = inspection.inspector
        reporter = inspector if inspector is not None and has_action(inspector, Hazard, "add") else None
        path = _path_for(ctx, inspection.submitted_at)
        if path == "on_spot" and reporter is None:
            path = "closed"
        grade = (
            HazardGrade.PROMINENT if finding.suggested_grade == HazardGrade.MAJOR else finding.suggested_grade
        )
        plan = Plan(
            unit=inspection.unit, found_at=inspection.submitted_at, path=path, description=finding.description,
            source=kind_rule(inspection.kind).hazard_source, location=item.section, grade=grade,
            source_ref=f"检查记录 #{inspection.pk}", reporter=reporter, found_by=inspector,
            checklist_item=item, gb35181_element=finding.suggested_element, finding_id=finding.pk,
        )  # fmt: skip
        ctx.clock.add(lifecycle(ctx, plan))


def _ago(ctx: Context, lo: int, hi: int) -> dt.datetime:
    """A working-hours moment ``lo``–``hi`` days ago (today's: at least an hour ago)."""
    day = timezone.localtime(ctx.now).date() - dt.timedelta(days=ctx.rng.randint(lo, hi))
    return min(moment(day, ctx.rng.randint(9, 16), ctx.rng.randrange(60)), ctx.now - dt.timedelta(hours=1))


def _extra(ctx: Context, units: list[Unit]) -> None:
    for source, ref in EXTRA:
        for _ in range(12):
            unit = ctx.rng.choice(units)
            found_at = _ago(ctx, 1, 200)
            path = _path_for(ctx, found_at)
            if source == HazardSource.PUBLIC_TIP:
                path = "dismissed" if path in ("on_spot", "withdrawn", "found") else path
            description, location = ctx.rng.choice(HAZARDS)
            plan = Plan(
                unit=unit, found_at=found_at, path=path, description=description, location=location,
                source=source, source_ref=ref, reporter=ctx.inspector(unit),
            )  # fmt: skip
            ctx.clock.add(lifecycle(ctx, plan))


#: Recent hazards whose state follows from their age whatever day the demo is loaded: (path, days ago).
RECENT = [("found", (0, 2))] * 9 + [("confirmed", (3, 5))] * 2 + [("reported", (28, 30))] * 2


def _recent(ctx: Context, units: list[Unit]) -> None:
    """Hazards found in the last days (not yet confirmed, or confirmed and the notice not yet served) and a
    few whose completion report awaits re-inspection."""
    sources = [HazardSource.TOWNSHIP_GRID, HazardSource.DEPARTMENT_CHECK, HazardSource.SUPERVISION]
    for index, (path, (lo, hi)) in enumerate(RECENT):
        source = sources[index % 3]
        unit = ctx.rng.choice(units)
        description, location = ctx.rng.choice(HAZARDS)
        reporter = ctx.inspector(unit) if source == HazardSource.SUPERVISION else None
        plan = Plan(
            unit=unit, found_at=_ago(ctx, lo, hi), path=path, description=description, location=location,
            source=source, reporter=reporter,
        )  # fmt: skip
        ctx.clock.add(lifecycle(ctx, plan))


def _tips(ctx: Context, units: list[Unit]) -> None:
    normal, urgent = TipCategory.OTHER, TipCategory.BLOCKED_EXIT
    stories = [
        *[("converted", ctx.rng.choice(list(TipCategory.values)), (5, 150)) for _ in range(10)],
        *[("dismissed", ctx.rng.choice(list(TipCategory.values)), (3, 150)) for _ in range(6)],
        ("checking", normal, (1, 2)), ("checking", TipCategory.FIRE_SYSTEM_DISABLED, (1, 1)),
        ("received", urgent, (2, 5)), ("received", TipCategory.FIRE_SYSTEM_DISABLED, (3, 6)),
        ("received", normal, (9, 20)), ("received", normal, (12, 30)),  # past their deadline
    ]  # fmt: skip
    for outcome, category, (lo, hi) in stories:
        unit = ctx.rng.choice(units)
        received = _ago(ctx, lo, hi)
        ctx.clock.add(
            tip_story(ctx, unit, received, outcome=outcome, category=category, path=_path_for(ctx, received))
        )
    # Just in: not yet due.
    fresh = ctx.now - dt.timedelta(hours=2)
    ctx.clock.add(tip_story(ctx, ctx.rng.choice(units), fresh, outcome="received", category=normal))


def _supervision(ctx: Context, units: list[Unit], used: set[int]) -> None:
    pool = [u for u in units if u.place_type_id in MAJOR_PLACES and u.pk not in used]
    cases = [
        # (county, listing, days ago found)
        ("341602", Listing(government=CITY, major=True, panel=True, outcome="listed", report_count=2,
                           deadline_amount=240), 170),
        ("341623", Listing(government="341623", outcome="listed", report_count=1, deadline_amount=150), 110),
        ("341622", Listing(government=CITY, outcome="requested"), 8),
        ("341602", Listing(government="341602", outcome="requested"), 9),
        ("341623", Listing(government="341623", major=True, outcome="requested"), 40),  # decision now late
        ("341621", Listing(government="341621", outcome="filed"), 6),
        ("341602", Listing(government="341602", outcome="delisted"), 200),
        ("341622", Listing(government="341622", outcome="refused"), 80),
    ]  # fmt: skip
    for county, listing, days in cases:
        unit = ctx.rng.choice([u for u in pool if u.region_id.startswith(county) and u.pk not in used])
        used.add(unit.pk)
        plan = Plan(
            unit=unit, found_at=_ago(ctx, days, days), path="", grade=HazardGrade.PROMINENT,
            description=MAJOR_HAZARDS.get(unit.place_type_id, MAJOR_HAZARDS["mall"]) if listing.major
            else "消防车通道被违章建筑占用，多次督促仍未整改", location="主体建筑",
            source=HazardSource.SUPERVISION, reporter=ctx.inspector(unit),
        )  # fmt: skip
        ctx.clock.add(listed_story(ctx, plan, listing))


def _police(ctx: Context, units: list[Unit]) -> None:
    """A hazard a police station found in its daily check an hour ago, waiting for the brigade's
    verification (《消防监督检查规定》第四章). Scheduled last and dated last, so it draws from the random
    generator after every other story."""
    if not units:
        return
    plan = Plan(
        unit=units[0], found_at=ctx.now - dt.timedelta(minutes=30), path="found",
        description="楼梯间堆放杂物、电动自行车在楼道内充电", location="一层楼梯间",
        source=HazardSource.POLICE_STATION, reporter=None,
    )  # fmt: skip
    ctx.clock.add(lifecycle(ctx, plan))


def schedule(ctx: Context, units: list[Unit], used: set[int]) -> None:
    _supervision(ctx, units, used)
    _findings(ctx)
    _extra(ctx, [u for u in units if u.pk not in used])
    _recent(ctx, [u for u in units if u.pk not in used])
    _tips(ctx, [u for u in units if u.pk not in used])
    _police(ctx, [u for u in units if u.pk not in used])
