"""Corps demo data for Bozhou (``flameblue seed-demo``): a roster for each station of the detachment (eight
firefighters and officers in two crews, as Person records of the station with their corps facts), and the
monthly station assessments of the last three months — published (公示) — plus this month's, open with part
of the results entered. Results are drawn around the scoring tables' bands from a fixed seed, so a rerun of
a fresh database gives the same rankings; a second run finds the roster and changes nothing."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from flameblue.corps import services
from flameblue.corps.models import AssessmentItem, AssessmentPlan, RosterEntry
from flameblue.corps.staffing.demo import seed_part_a
from flameblue.org.choices import OrgKind
from flameblue.org.demo.people import fake_person
from flameblue.org.models import Organization, Person

__all__ = ["MARKER", "seed"]

MARKER = "corps-demo"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = [
    "伟",
    "强",
    "磊",
    "军",
    "勇",
    "杰",
    "涛",
    "明",
    "超",
    "鹏",
    "浩",
    "宇",
    "帅",
    "凯",
    "龙",
    "旭",
    "亮",
    "辉",
]
POSTS = [("站长", "r2"), ("指导员", "r2"), ("班长", "sff3"), ("战斗员", "ff2"), ("战斗员", "ff3"),
         ("驾驶员", "sff3"), ("战斗员", "ff4"), ("通信员", "ff1")]  # fmt: skip
#: (item code, low, high) of the raw values drawn for each individual item; crew drills below.
INDIVIDUAL = [
    ("run-3000m", 720, 900),
    ("bar-rollup", 7, 20),
    ("hook-ladder-4f", 18, 33),
    ("don-gear-ba", 46, 72),
]
CREW_ITEM = ("suction-drafting", 40, 62)


def _month_start(day: dt.date, back: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def _roster(station: Organization, rng: random.Random, counts: Counter) -> list[RosterEntry]:
    entries = []
    for n, (post, rank) in enumerate(POSTS):
        fake = fake_person(f"corps/{station.name}/{n}", region=station.region_id, gender="M")
        person = Person(organization=station, name=fake.name, gender="M", phone=fake.phone, title=post)
        person.id_number = fake.id_number
        person.save()
        joined = dt.date(rng.randrange(2008, 2023), 9, 1)
        entries.append(services.roster_enlist(
            by=None, person=person, station=station, post=post, rank=rank, crew="一班" if n % 2 == 0 else "二班",
            joined_on=joined, posted_on=joined + dt.timedelta(days=rng.randrange(90, 900)),
        ))  # fmt: skip
        counts["roster"] += 1
    return entries


def _results(
    plan: AssessmentPlan, rosters: dict[int, list[RosterEntry]], rng: random.Random, share: float
) -> int:
    items = {i.code: i for i in plan.items.all()}
    entered = 0
    for entries in rosters.values():
        if rng.random() > share:
            continue
        station = entries[0].station
        for code, low, high in INDIVIDUAL:
            for entry in entries[2:6]:
                services.result_record(
                    by=None,
                    plan=plan,
                    station=station,
                    item=items[code],
                    member=entry,
                    raw=[str(rng.randint(low, high))],
                )
                entered += 1
        code, low, high = CREW_ITEM
        for crew in ("一班", "二班"):
            times = [str(rng.randint(low, high)) for _ in range(4)]
            services.result_record(
                by=None, plan=plan, station=station, item=items[code], crew=crew, raw=times
            )
            entered += 1
    return entered


def seed(stdout) -> Mapping[str, int]:
    """The roster and assessments, then the sub-domains (readiness checks, incidents and case reviews,
    honours) and the corrective-action sweep as of today (overdue demo actions are flagged and escalated)."""
    counts = dict(seed_roster_and_assessments(stdout) or {})
    from flameblue.corps.demo_subdomains import seed_subdomains

    counts.update(seed_subdomains(stdout))
    return counts


@transaction.atomic
def seed_roster_and_assessments(stdout) -> Mapping[str, int]:
    stations = list(Organization.objects.filter(kind=OrgKind.STATION).order_by("region_id", "name"))
    detachment = Organization.objects.filter(kind=OrgKind.DETACHMENT).first()
    if not stations or detachment is None:
        return {}
    if RosterEntry.objects.filter(station__in=stations).exists():
        stdout.write("corps: 演示名册和月度考核已存在，未作改动。\n")
        return {}
    rng, counts = random.Random(20261204), Counter()
    rosters = {s.pk: _roster(s, rng, counts) for s in stations}
    codes = [code for code, _low, _high in INDIVIDUAL] + [CREW_ITEM[0]]
    items = list(AssessmentItem.objects.filter(code__in=codes, is_active=True))
    today = timezone.localdate()
    for back in (3, 2, 1, 0):
        month = _month_start(today, back)
        plan = services.plan_create(
            by=None, organizer=detachment, month=month, held_on=month.replace(day=12), stations=stations,
            items=items, team="支队司令部训练科：李科长（组长）、王参谋、周参谋；政治处：陈干事（监督）",
        )  # fmt: skip
        counts["results"] += _results(plan, rosters, rng, share=1.0 if back else 0.5)
        counts["plans"] += 1
        if back:
            plan.refresh_from_db()
            services.plan_publish(plan=plan, by=None, reason="演示：月度考核结果公示")
    counts.update(seed_part_a(stdout, stations, detachment))  # transfers, rotations, objections
    stdout.write(
        f"corps: 指战员 {counts['roster']} 名，月度考核 {counts['plans']} 次（已公示 3 次），成绩 {counts['results']} 条。\n"
    )
    return dict(counts)


def seed_bozhou_2019(stdout) -> Mapping[str, int]:
    """The corps' part of the ``bozhou-2019`` scenario: 2019's incidents and its two case reviews, and 2019's
    honours (the roster, the monthly assessments and the recent year's incidents are not needed)."""
    from flameblue.corps.honours import demo as honours_demo
    from flameblue.corps.incidents import demo as incidents_demo

    counts = dict(incidents_demo.seed_seed_year(stdout) or {})
    counts.update(honours_demo.seed(stdout) or {})
    return counts


#: The scenarios this module takes part in (``flameblue seed-demo --scenario``).
SCENARIOS = {"bozhou-2019": seed_bozhou_2019}
