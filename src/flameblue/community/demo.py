"""双拥 demo data for Bozhou (``flameblue seed-demo``), for 2019 and the current year: 46 co-construction
partners (机关, 学校, 厂矿, 社区, 农村, 部队) spread over the detachment's stations, each with an agreement and a
contact; an annual plan per pairing and year with quarterly arrangements and monthly content, and the
activities carried out, and 11 学雷锋 volunteer teams with officers and civilians and their services and hours —
with gaps that look real: a few pairings without this year's plan, a missing
quarterly arrangement here, a month without content or without an activity there.

Everything goes through the services, so every record is audited. A second run finds the partners and
changes nothing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from flameblue.community import services, volunteers
from flameblue.community.demo_party import seed_party
from flameblue.community.models import ActivityType, Partner
from flameblue.community.selectors import due_counts
from flameblue.core.scoping import in_region
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization, Person

__all__ = ["PARTNERS", "seed"]

PARTNERS = 46
CITY = "3416"
#: Partner names by kind; the station's county is put in front.
NAMES = {
    "school": ["第一中学", "实验小学", "职业技术学校", "第二中学", "师范附属小学"],
    "community": ["城关社区", "花园社区", "幸福社区", "新华社区"],
    "village": ["新集村", "李庄村", "张楼村"],
    "organ": ["人民法院", "税务局", "人民检察院", "退役军人事务局"],
    "enterprise": ["供电公司", "自来水公司", "酒业有限公司", "燃气公司"],
    "army": ["人民武装部"],
}
KINDS = ["school", "community", "village", "organ", "enterprise", "school", "community", "army"]
#: What is done in each month, by activity type.
MONTHLY = {1: "holiday_visit", 2: "fire_publicity", 3: "voluntary_labour", 4: "defence_education",
           5: "blood_donation", 6: "fire_publicity", 7: "military_training", 8: "holiday_visit",
           9: "military_training", 10: "fellowship", 11: "fire_publicity", 12: "donation"}  # fmt: skip
QUARTERS = {1: "春节走访慰问、消防宣传进社区", 2: "国防教育与无偿献血", 3: "新生军训、八一走访",
            4: "文体联谊、119消防宣传月与冬季爱心捐助"}  # fmt: skip


def _county(station: Organization) -> str:
    return station.region.name if len(station.region_id) > 4 else "亳州市"


def _partners(stations: list[Organization], total: int, counts: Counter) -> list[Partner]:
    partners = []
    for i in range(total):
        station = stations[i % len(stations)]
        kind = KINDS[i % len(KINDS)]
        names = NAMES[kind]
        name = f"{_county(station)}{names[(i // len(KINDS)) % len(names)]}"
        while any(p.name == name for p in partners):
            name = f"{name}（{i}）"
        partners.append(services.partner_create(
            by=None, name=name, kind=kind, station=station, agreement_signed_on=dt.date(2018, 12, 20),
            agreement_starts_on=dt.date(2019, 1, 1), agreement_ends_on=dt.date(timezone.localdate().year + 1, 12, 31),
            contact_name=f"联络员{i + 1}", contact_phone=f"1385678{i:04d}",
        ))  # fmt: skip
        counts["partners"] += 1
    return partners


def _plan(partner: Partner, i: int, year: int, today: dt.date, types: dict, counts: Counter) -> None:
    q_due, content_due, activity_due = due_counts(year, today)
    if year == today.year and i % 9 == 4:
        return  # no plan this year: the due list shows it
    plan = services.plan_create(
        by=None,
        partner=partner,
        year=year,
        goals=f"{year}年与{partner.name}共建：" + "；".join(QUARTERS.values()),
    )
    counts["plans"] += 1
    for q in range(1, 5):
        if i % 7 == 3 and q == max(q_due, 1):
            continue  # a missing quarterly arrangement
        services.quarter_arrange(by=None, plan=plan, quarter=q, content=QUARTERS[q])
    skipped_month = (i * 5) % 12 + 1 if i % 5 == 2 else None
    quiet_month = (i * 3) % 12 + 1 if i % 4 == 1 else None
    for m in range(1, min(12, content_due + 1) + 1):
        if m == skipped_month:
            continue
        kind = types[MONTHLY[m]]
        item = services.monthly_content_add(
            by=None, plan=plan, month=m, activity_type=kind, content=f"{kind.name}活动"
        )
        counts["months"] += 1
        if m > activity_due or m == quiet_month:
            continue
        services.activity_record(
            by=None, partner=partner, plan_item=item, activity_type=kind, title=f"{partner.name}{kind.name}",
            held_on=dt.date(year, m, 5 + i % 20), place=partner.name, our_participants=6 + i % 10,
            partner_participants=20 + (i * 7) % 80, beneficiaries=30 + (i * 13) % 300,
            account=f"{partner.station.name}与{partner.name}开展{kind.name}。",
        )  # fmt: skip
        counts["activities"] += 1


TEAMS = 11
SERVICES = ["敬老院义务劳动", "无偿献血", "爱心捐助", "社区环境整治", "关爱留守儿童", "消防安全宣讲"]


def _teams(stations: list[Organization], total: int, today: dt.date, counts: Counter) -> None:
    """``total`` 学雷锋 teams over the stations and brigades, each with officers of its station and civilians,
    and a service every other month of 2019 and of this year up to today."""
    for i in range(total):
        station = stations[i % len(stations)]
        team = volunteers.team_create(
            by=None, name=f"{station.name}学雷锋志愿服务队" + (f"（第{i // len(stations) + 1}分队）" if i >= len(stations) else ""),
            station=station, leader_name=f"队长{i + 1}", founded_on=dt.date(2012 + i % 6, 3, 5),
        )  # fmt: skip
        counts["teams"] += 1
        officers = list(Person.objects.filter(organization=station, is_active=True).order_by("pk")[:4])
        members = [
            volunteers.member_add(by=None, team=team, person=p, joined_on=dt.date(2018, 3, 5))
            for p in officers
        ]
        members += [
            volunteers.member_add(
                by=None,
                team=team,
                name=f"志愿者{i + 1}-{n}",
                phone=f"1390000{i:02d}{n:02d}",
                joined_on=dt.date(2018, 3, 5),
            )  # fmt: skip
            for n in range(1, 4)
        ]
        counts["members"] += len(members)
        for year in sorted({2019, today.year}):
            for month in range(1 + i % 2, 13, 2):
                day = dt.date(year, month, 5 + i)
                if day > today:
                    break
                hours = [
                    (m, Decimal(2 + (k + month) % 3)) for k, m in enumerate(members) if (k + month + i) % 3
                ]
                volunteers.service_record(
                    by=None, team=team, served_on=day, title=SERVICES[(month + i) % len(SERVICES)], hours=hours,
                    people_served=15 + (month * 7 + i) % 60,
                )  # fmt: skip
                counts["services"] += 1


@transaction.atomic
def seed(stdout, *, total: int = PARTNERS, teams: int = TEAMS) -> Mapping[str, int]:
    if Partner.objects.exists():
        stdout.write("community: 演示共建单位已存在，未作改动。\n")
        return {}
    stations = list(
        Organization.objects.filter(in_region(CITY), kind=OrgKind.STATION)
        .select_related("region").order_by("region_id", "name")
    )  # fmt: skip
    if not stations:
        return {}
    today = timezone.localdate()
    types = {t.code: t for t in ActivityType.objects.filter(active=True)}
    counts: Counter = Counter()
    partners = _partners(stations, total, counts)
    for year in sorted({2019, today.year}):
        for i, partner in enumerate(partners):
            _plan(partner, i, year, today, types, counts)
    _teams(stations, teams, today, counts)
    seed_party(stations, partners, today, counts)
    stdout.write(
        f"community: 共建单位 {counts['partners']} 个，年度计划 {counts['plans']} 份，月度内容 {counts['months']} 项，"
        f"共建活动 {counts['activities']} 次；学雷锋志愿服务队 {counts['teams']} 支，队员 {counts['members']} 名，"
        f"服务 {counts['services']} 次；双拥领导小组及办事机构任职 {counts['group']} 人次，党委会议 {counts['meetings']} 次、"
        f"议题 {counts['items']} 项，走访慰问 {counts['visits']} 次、意见建议 {counts['opinions']} 条（逾期 {counts['flagged']} 条），"
        f"教育专题 {counts['programmes']} 个、场次 {counts['sessions']} 场。\n"
    )
    return dict(counts)


#: The scenarios this module takes part in (``flameblue seed-demo --scenario``): its whole seed.
SCENARIOS = {"bozhou-2019": seed}
