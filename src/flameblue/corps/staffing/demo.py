"""Part A's demo data, seeded at the end of the corps demo (one call from ``corps/demo.py``): transfers
between stations in 2019 and this year (postings kept), a few duty-status changes this year (training,
leave), backbone rotations at detachment HQ for 2019 and this year (evaluated, in progress, awaiting
decision, refused), and 公示 objections on the published months (one upheld, one rejected, one open)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from django.utils import timezone

from flameblue.corps.choices import PlanStatus
from flameblue.corps.models import AssessmentPlan, AssessmentResult, RosterEntry
from flameblue.corps.objections import services as objections
from flameblue.corps.staffing import services
from flameblue.corps.staffing.models import Rotation
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization

__all__ = ["seed_part_a"]


def _transfers(entries: list[RosterEntry], stations: Sequence[Organization], today: dt.date, counts) -> None:
    mid_year = dt.date(today.year, 1, 1) + (today - dt.date(today.year, 1, 1)) / 2
    plans = [(dt.date(2019, 7, 1), "2019年度干部战士交流任职", 3), (mid_year, "加强重点站执勤力量", 2)]
    moved: set[int] = set()
    for on, reason, how_many in plans:
        chosen = [e for e in entries if e.pk not in moved and e.posted_on < on and e.post != "站长"]
        for entry in chosen[:how_many]:
            others = [s for s in stations if s.pk != entry.station_id]
            target = others[entry.pk % len(others)]
            services.roster_transfer(entry, by=None, station=target, on=on, reason=reason, crew=entry.crew)
            moved.add(entry.pk)
            counts["transfers"] += 1


def _statuses(entries: list[RosterEntry], today: dt.date, counts) -> None:
    on = max(today - dt.timedelta(days=20), dt.date(today.year, 1, 1))
    changes = [("training", "赴省消防救援总队训练与战勤保障支队参加班组长培训"), ("leave", "探亲休假")]
    candidates = [e for e in entries if e.posted_on < on][-len(changes) :]
    for entry, (status, reason) in zip(candidates, changes, strict=False):
        entry.refresh_from_db()
        services.roster_set_status(entry, by=None, status=status, on=on, reason=reason)
        counts["status_changes"] += 1


def _rotation(entry, hq, *, start: dt.date | None, days: int = 90, rating="", comment="", refuse=""):
    rotation = services.rotation_nominate(
        by=None,
        entry=entry,
        reason=f"{entry.person.name}同志业务骨干，月度考核成绩名列前茅，推荐到支队司令部驻训培养。",
    )
    if refuse:
        return services.rotation_refuse(rotation, by=None, note=refuse)
    if start is None:
        return rotation
    rotation = services.rotation_approve(
        rotation, by=None, hq_office=hq, starts_on=start, ends_on=start + dt.timedelta(days=days),
        note="同意到司令部作战训练科驻训。",
    )  # fmt: skip
    if rating and rotation.ends_on <= timezone.localdate():
        rotation = services.rotation_evaluate(rotation, by=None, rating=rating, comment=comment)
    return rotation


def _rotations(entries: list[RosterEntry], hq: Organization, today: dt.date, counts) -> None:
    people = [e for e in entries if e.post in ("班长", "驾驶员", "战斗员")]
    year_start = dt.date(today.year, 1, 2)
    done_2019 = [
        _rotation(people[0], hq, start=dt.date(2019, 3, 1), rating="excellent",
                  comment="驻训期间参与修订灭火救援预案，组织班组战术训练，表现突出。"),
        _rotation(people[1], hq, start=dt.date(2019, 9, 1), rating="good", comment="完成驻训任务，业务能力明显提高。"),
    ]  # fmt: skip
    Rotation.objects.filter(pk__in=[r.pk for r in done_2019]).update(
        created_at=timezone.make_aware(dt.datetime(2019, 2, 15, 9)), updated_at=timezone.now()
    )
    _rotation(
        people[2], hq, start=year_start, rating="good", comment="熟悉支队战训业务，能独立承担训练科日常工作。"
    )
    _rotation(people[3], hq, start=today - dt.timedelta(days=30))
    _rotation(people[4], hq, start=None)
    _rotation(people[5], hq, start=None, refuse="本期驻训名额已满，列入下期人选。")
    counts["rotations"] += 6


def _objections(counts) -> None:
    plans = list(AssessmentPlan.objects.filter(status=PlanStatus.PUBLISHED).order_by("-month")[:3])
    if len(plans) < 3:
        return
    today = timezone.localdate()
    answers = ["pending", "upheld", "rejected"]
    for plan, answer in zip(plans, answers, strict=True):
        if plan.objection_until < today:
            continue
        result = (
            AssessmentResult.objects.filter(plan=plan, member__isnull=True, superseded_by__isnull=True)
            .order_by("station_id", "id")
            .first()
        )
        if result is None:
            continue
        objection = objections.objection_file(
            by=None,
            result=result,
            text="班组操法计时以最后一名队员到位为准，现场录像显示用时少 2 秒，请复核。",
        )
        if answer == "upheld":
            raw = [str(max(float(v) - 2, 1)) for v in result.raw]
            objections.objection_uphold(
                objection, by=None, answer="经复核录像，计时有误，予以更正。", raw=raw
            )
        elif answer == "rejected":
            objections.objection_reject(objection, by=None, answer="经复核录像，计时无误，维持原成绩。")
        counts["objections"] += 1


def seed_part_a(stdout, stations: Sequence[Organization], detachment: Organization) -> Counter:
    """Seed the roster's history, rotations and objections over the freshly seeded roster and months."""
    counts: Counter = Counter()
    today = timezone.localdate()
    entries = list(RosterEntry.objects.filter(station__in=stations).select_related("person").order_by("pk"))
    if len(entries) < 8 or len(stations) < 2:
        return counts
    hq = (
        Organization.objects.filter(kind=OrgKind.DETACHMENT_OFFICE, name__contains="司令部").first()
        or detachment
    )
    _transfers(entries, stations, today, counts)
    entries = list(RosterEntry.objects.filter(pk__in=[e.pk for e in entries]).select_related("person"))
    _rotations(entries, hq, today, counts)
    _statuses([e for e in entries if not e.rotations.exists()], today, counts)
    _objections(counts)
    stdout.write(
        f"corps: 调动 {counts['transfers']} 人次，状态变动 {counts['status_changes']} 条，驻训培育 {counts['rotations']} 人次，"
        f"公示异议 {counts['objections']} 件。\n"
    )
    return counts
