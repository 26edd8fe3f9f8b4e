"""Demo inspections for Bozhou: a year of every kind, after the units demo (``units/demo.py``).

- supervision of key units by their county brigade (crowded key units yearly, others about every other year);
- two published 双随机 draws (谯城区, 蒙城县) with the spot checks they led to, drawn through the draw service;
- department checks of their sector, township grid patrols of small places;
- daily self-patrols of 30 key units (streaks with gaps) and monthly checks of 300 units;
- answers item by item with some failures, which become findings; declared conflicts; next week's plan;
  and the supervision due dates computed from all of it.

Everything comes from a fixed seed and dates count back from today, so a run produces the same year as of
its day. Inspections carry uuid5 client ids; a second run finds the first one's marker and adds nothing."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections import Counter, defaultdict
from typing import Any

from django.utils import timezone

from flameblue.core.scoping import in_region
from flameblue.inspections.choices import AnswerResult, ChecklistKind, ChecklistStatus, InspectionKind
from flameblue.inspections.models import (
    Checklist,
    ChecklistItem,
    ConflictDeclaration,
    Draw,
    Finding,
    Inspection,
    InspectionAnswer,
)
from flameblue.org.choices import OrgKind
from flameblue.org.models import Membership, Organization, Person, Role, User
from flameblue.units.models import Unit

__all__ = ["seed"]

SEED = 20260415
NAMESPACE = uuid.UUID("5f3c1f6e-2a7b-4f0e-9d61-6c1d0b6f4a11")
MARKER = uuid.uuid5(NAMESPACE, "inspections-demo-marker")
DAYS = 365
PATROL_UNITS = 30
MONTHLY_UNITS = 300
EXTRA_INSPECTORS = 3
INSPECTOR_NAMES = [
    "张伟",
    "李强",
    "王芳",
    "刘洋",
    "陈杰",
    "杨帆",
    "赵磊",
    "黄敏",
    "周涛",
    "吴静",
    "徐亮",
    "孙婷",
]


class Builder:
    """Collects inspection rows, then writes them, their answers and findings with bulk inserts."""

    def __init__(self, today: dt.date) -> None:
        self.rng = random.Random(SEED)
        self.today = today
        self.rows: list[tuple[Inspection, float]] = []
        self.checklists = self._checklists()
        self.items = self._items()
        self.count = 0

    def _checklists(self) -> dict[str, Checklist]:
        found: dict[str, Checklist] = {}
        for checklist in Checklist.objects.filter(status=ChecklistStatus.PUBLISHED).order_by(
            "-effective_from", "-pk"
        ):
            key = checklist.place_type if checklist.kind == ChecklistKind.PLACE else checklist.kind
            found.setdefault(key, checklist)
        return found

    def _items(self) -> dict[int, list[ChecklistItem]]:
        items: dict[int, list[ChecklistItem]] = defaultdict(list)
        ids = [c.pk for c in self.checklists.values()]
        for item in ChecklistItem.objects.filter(checklist_id__in=ids).order_by("order"):
            items[item.checklist_id].append(item)
        return items

    def checklist_for(self, kind: str, unit: Unit) -> Checklist | None:
        small = unit.place_type_id == "small_places"
        if kind == InspectionKind.SELF_PATROL:
            return self.checklists.get(ChecklistKind.SMALL_PLACE if small else ChecklistKind.PATROL)
        if kind == InspectionKind.SELF_MONTHLY:
            return self.checklists.get(ChecklistKind.SMALL_PLACE if small else ChecklistKind.MONTHLY_CHECK)
        return self.checklists.get(unit.place_type_id or "small_places")

    def add(self, kind: str, unit: Unit, day: dt.date, *, by: Any = None, org: Any = None, fail_rate: float,
            **extra: Any) -> Inspection | None:  # fmt: skip
        checklist = self.checklist_for(kind, unit)
        if checklist is None or day > self.today:
            return None
        self.count += 1
        at = timezone.make_aware(
            dt.datetime.combine(day, dt.time(9 + self.rng.randrange(8), self.rng.randrange(60)))
        )
        key = MARKER if self.count == 1 else uuid.uuid5(NAMESPACE, f"{kind}:{unit.pk}:{day}:{self.count}")
        signer = (
            by.display_name if by is not None else (unit.safety_manager.name if unit.safety_manager else "")
        )
        inspection = Inspection(
            unit=unit, region_id=unit.region_id, industry_id=unit.industry_id, kind=kind, checklist=checklist,
            status="submitted", client_uuid=key, organization=org, inspector=by, started_at=at, submitted_at=at,
            inspected_on=day, inspector_signature_name=signer or "检查人", inspector_signed_at=at,
            unit_signature_name=unit.safety_manager.name if unit.safety_manager else "单位负责人",
            unit_signed_at=at, created_at=at, updated_at=at, created_by=by, updated_by=by, **extra,
        )  # fmt: skip
        self.rows.append((inspection, fail_rate))
        return inspection

    def write(self) -> dict[str, int]:
        inspections = [row for row, _rate in self.rows]
        Inspection.objects.bulk_create(inspections, batch_size=1000)
        answers, failed = [], []
        for inspection, rate in self.rows:
            for item in self.items[inspection.checklist_id]:
                fail = not item.measurement and self.rng.random() < rate
                answer = InspectionAnswer(
                    inspection=inspection, item=item, result=AnswerResult.FAIL if fail else AnswerResult.PASS,
                    note="现场发现问题，已告知单位整改" if fail else "", answered_at=inspection.submitted_at,
                )  # fmt: skip
                answers.append(answer)
                if fail:
                    failed.append(answer)
        InspectionAnswer.objects.bulk_create(answers, batch_size=2000)
        findings = [
            Finding(
                inspection=a.inspection,
                answer=a,
                description=f"{a.item.code} {a.item.text}；检查说明：{a.note}",
                suggested_grade=a.item.default_grade or "general",
                suggested_element=a.item.gb35181_element or "",
            )  # fmt: skip
            for a in failed
        ]
        Finding.objects.bulk_create(findings, batch_size=1000)
        return {"inspections": len(inspections), "answers": len(answers), "findings": len(findings)}


def _inspectors(brigades: dict[str, Organization], rng: random.Random) -> dict[str, list[User]]:
    """Each county brigade's inspectors: its existing accounts plus a few demo officers (no password)."""
    from flameblue.inspections.planning.services import brigade_inspectors

    role = Role.objects.get(code="brigade_inspector")
    names = iter(INSPECTOR_NAMES)
    team: dict[str, list[User]] = {}
    for county, brigade in sorted(brigades.items()):
        for n in range(1, EXTRA_INSPECTORS + 1):
            username = f"demo_inspector_{county}_{n}"
            if User.objects.filter(username=username).exists():
                continue
            person = Person.objects.create(
                name=next(names, f"检查员{county}{n}"), organization=brigade, title="防火监督员",
                phone=f"139{rng.randrange(10**8):08d}",
            )  # fmt: skip
            Membership.objects.create(person=person, organization=brigade, role=role, title="防火监督员")
            user = User(username=username, person=person)
            user.set_unusable_password()
            user.save()
        team[county] = list(brigade_inspectors(brigade))
    return team


def _conflicts(
    team: dict[str, list[User]], units_by_county: dict[str, list[Unit]], rng: random.Random
) -> int:
    rows = []
    for county in ("341602", "341622"):
        for user in team.get(county, [])[:2]:
            unit = rng.choice(units_by_county[county])
            rows.append(ConflictDeclaration(
                person=user.person, unit=unit, region_id=unit.region_id, reason="近亲属经营该单位（年度申报）",
                valid_from=dt.date(timezone.localdate().year, 1, 1),
            ))  # fmt: skip
    ConflictDeclaration.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def _supervision(b: Builder, key_units: list[Unit], brigades: dict, team: dict) -> None:
    from flameblue.inspections.planning.services import cycle_for

    tags = _tags([u.pk for u in key_units])
    for unit in key_units:
        county = unit.region_id[:6]
        cycle = cycle_for(is_key_unit=True, category=unit.category, tags=tags.get(unit.pk, set()))
        if not team.get(county) or (cycle.days and cycle.days > 365 and b.rng.random() < 0.5):
            continue
        day = b.today - dt.timedelta(days=b.rng.randrange(5, DAYS))
        b.add(InspectionKind.SUPERVISION, unit, day, by=b.rng.choice(team[county]), org=brigades[county],
              fail_rate=0.04)  # fmt: skip


def _tags(unit_ids: list[int]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = defaultdict(set)
    for unit_id, tag in Unit.risk_tags.through.objects.filter(unit_id__in=unit_ids).values_list(
        "unit_id", "risktag_id"
    ):
        found[unit_id].add(tag)
    return found


def _draws(b: Builder, brigades: dict, team: dict) -> int:
    from flameblue.inspections.planning.draws import draw_create, draw_execute, draw_publish, pool_units

    made = 0
    for county, days_ago in (("341602", 120), ("341622", 75)):
        brigade = brigades.get(county)
        if brigade is None or len(team.get(county, [])) < 3:
            continue
        count = min(12, pool_units(brigade, {}).count())
        if not count:
            continue
        draw = draw_create(brigade=brigade, title=f"{brigade.region.name}{b.today.year}年度双随机抽查（第一批）",
                           pool_filter={}, unit_count=count, inspectors_per_unit=2, inspector_pool=None, by=None)  # fmt: skip
        draw = draw_execute(draw=draw, by=None, seed=f"bozhou-demo-{county}")
        drawn_at = timezone.now() - dt.timedelta(days=days_ago)
        for assignment in draw.assignments.select_related("unit__safety_manager").prefetch_related(
            "inspectors"
        ):
            if b.rng.random() < 0.85:
                lead = assignment.inspectors.order_by("pk").first()
                day = drawn_at.date() + dt.timedelta(days=b.rng.randrange(3, 40))
                b.add(InspectionKind.SPOT_CHECK, assignment.unit, day, by=lead, org=brigade, fail_rate=0.05,
                      draw_assignment=assignment)  # fmt: skip
        draw_publish(draw=draw, by=None)
        Draw.objects.filter(pk=draw.pk).update(
            created_at=drawn_at - dt.timedelta(days=1),
            drawn_at=drawn_at,
            published_at=drawn_at + dt.timedelta(days=45),
        )
        made += 1
    return made


def _departments(b: Builder, units: list[Unit]) -> None:
    departments = defaultdict(list)
    for dept in Organization.objects.filter(kind=OrgKind.DEPARTMENT, is_active=True).exclude(industry=None):
        departments[(dept.region_id[:6], dept.industry_id)].append(dept)
    for unit in b.rng.sample(units, min(250, len(units))):
        choices = departments.get((unit.region_id[:6], unit.industry_id))
        if choices:
            day = b.today - dt.timedelta(days=b.rng.randrange(1, DAYS))
            b.add(InspectionKind.DEPARTMENT_CHECK, unit, day, org=b.rng.choice(choices), fail_rate=0.06)


def _grid(b: Builder, units: list[Unit]) -> None:
    townships = {
        o.region_id: o for o in Organization.objects.filter(kind=OrgKind.GOVERNMENT, region__level="township")
    }
    small = [u for u in units if u.place_type_id == "small_places" and u.region_id in townships]
    for unit in b.rng.sample(small, min(300, len(small))):
        day = b.today - dt.timedelta(days=b.rng.randrange(1, DAYS))
        b.add(InspectionKind.GRID_PATROL, unit, day, org=townships[unit.region_id], fail_rate=0.08)


def _self_inspections(b: Builder, key_units: list[Unit], units: list[Unit]) -> None:
    # The demo township (花戏楼街道) gets a good share, so its grid officer's compliance page has streaks.
    home = [u for u in key_units if u.region_id == "341602001"][:8]
    others = [u for u in key_units if u not in home]
    patrolling = home + b.rng.sample(others, max(0, min(PATROL_UNITS - len(home), len(others))))
    for unit in patrolling:
        diligence = b.rng.choice([0.99, 0.97, 0.93, 0.85])
        pause_until = None
        for offset in range(DAYS, 0, -1):
            day = b.today - dt.timedelta(days=offset)
            if pause_until and day <= pause_until:
                continue
            if b.rng.random() < 0.005:  # a lapse of several days in a row
                pause_until = day + dt.timedelta(days=b.rng.randrange(2, 8))
                continue
            if b.rng.random() < diligence:
                b.add(InspectionKind.SELF_PATROL, unit, day, org=unit.organization, fail_rate=0.003)
    for unit in b.rng.sample(units, min(MONTHLY_UNITS, len(units))):
        month = b.today.replace(day=1)
        for _ in range(12):
            month = (month - dt.timedelta(days=1)).replace(day=1)
            if b.rng.random() < 0.85:
                day = month + dt.timedelta(days=b.rng.randrange(0, 27))
                b.add(InspectionKind.SELF_MONTHLY, unit, day, org=unit.organization, fail_rate=0.01)


def _plan(brigades: dict, team: dict, today: dt.date) -> int:
    from flameblue.inspections.models import SupervisionDue
    from flameblue.inspections.planning.services import plan_create, spread_over_days

    brigade, inspectors = brigades.get("341602"), team.get("341602", [])
    if brigade is None or not inspectors:
        return 0
    due = SupervisionDue.objects.filter(in_region("341602"), next_due_on__lte=today + dt.timedelta(days=30))
    units = [row.unit for row in due.select_related("unit").order_by("next_due_on", "unit_id")[:8]]
    monday = today + dt.timedelta(days=7 - today.weekday())
    days = [monday + dt.timedelta(days=i) for i in range(5)]
    if not units:
        return 0
    plan_create(brigade=brigade, title=f"谯城区大队 {monday:%m月%d日}周监督检查计划", starts_on=monday,
                ends_on=monday + dt.timedelta(days=6), entries=spread_over_days(units, days, inspectors), by=None)  # fmt: skip
    return 1


def seed(stdout) -> dict[str, int]:
    from flameblue.inspections.planning.services import supervision_due_refresh

    if Inspection.objects.filter(client_uuid=MARKER).exists():
        return {}
    units = list(
        Unit.objects.filter(in_region("3416"), status="operating")
        .select_related("organization", "safety_manager")
        .order_by("pk")
    )
    if not units:
        return {}
    today = timezone.localdate()
    b = Builder(today)
    brigades = {o.region_id: o for o in Organization.objects.filter(in_region("3416"), kind=OrgKind.BRIGADE)}
    team = _inspectors(brigades, b.rng)
    key_units = [u for u in units if u.is_key_unit]
    by_county: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        by_county[unit.region_id[:6]].append(unit)
    counts: Counter = Counter(conflicts=_conflicts(team, by_county, b.rng))
    _supervision(b, key_units, brigades, team)
    counts["draws"] = _draws(b, brigades, team)
    _departments(b, units)
    _grid(b, units)
    _self_inspections(b, key_units, units)
    counts.update(b.write())
    supervision_due_refresh()
    counts["plans"] = _plan(brigades, team, today)
    stdout.write(
        f"inspections: 演示检查记录 {counts['inspections']} 条（发现问题 {counts['findings']} 项），"
        f"双随机抽查 {counts['draws']} 次，检查计划 {counts['plans']} 个。"
    )
    return dict(counts)


#: The scenarios this module takes part in (``flameblue seed-demo --scenario``): its whole seed.
SCENARIOS = {"bozhou-2019": seed}
