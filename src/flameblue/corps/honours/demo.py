"""Honours demo data of 2019 (the seed's year): 5 individual third-class merits and 47 more officers
commended at 总队 level or above (so "5名同志荣立个人三等功，52名指战员受到总队级以上表彰"), 30 支队-level
嘉奖 and a few local-government honours that do not count there, collective honours for the Mengcheng and
Lixin stations, and an activity award. People are the stations' and HQ offices' people in FlameBlue; more
are added to the stations when there are too few."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping

from django.db import transaction

from flameblue.corps.honours.choices import AwardLevel as L
from flameblue.corps.honours.choices import HonourCategory as C
from flameblue.corps.honours.choices import HonourGrade as G
from flameblue.corps.honours.models import Honour
from flameblue.org.choices import OrgKind
from flameblue.org.demo.people import fake_person
from flameblue.org.models import Organization, Person

__all__ = ["seed"]

YEAR = 2019
CORPS = "安徽省消防救援总队"
DETACHMENT = "亳州市消防救援支队"
#: (how many people, grade, level, issuer, title, date)
INDIVIDUAL = [
    (5, G.MERIT_3, L.CORPS, CORPS, "个人三等功", dt.date(2019, 12, 20)),
    (3, G.EXCELLENT, L.MINISTRY, "应急管理部消防救援局", "全国消防救援队伍优秀指战员", dt.date(2019, 11, 8)),
    (24, G.COMMENDATION, L.CORPS, CORPS, "嘉奖", dt.date(2019, 12, 20)),
    (20, G.EXCELLENT, L.CORPS, CORPS, "2019年度优秀消防员", dt.date(2019, 12, 28)),
    (30, G.COMMENDATION, L.DETACHMENT, DETACHMENT, "嘉奖", dt.date(2019, 12, 30)),
    (4, G.ADVANCED_INDIVIDUAL, L.LOCAL_GOVERNMENT, "亳州市人民政府", "亳州市见义勇为先进个人", dt.date(2019, 9, 10)),
]  # fmt: skip
NEEDED = 5 + 3 + 24 + 20 + 30 + 4


def _people(units: list[Organization]) -> list[Person]:
    people = list(Person.objects.filter(organization__in=units, is_active=True).order_by("id")[:NEEDED])
    n = 0
    while len(people) < NEEDED:
        unit = units[n % len(units)]
        fake = fake_person(f"honours/{unit.name}/{n}", region=unit.region_id, gender="M")
        person = Person(organization=unit, name=fake.name, gender="M", phone=fake.phone, title="消防员")
        person.id_number = fake.id_number
        person.save()
        people.append(person)
        n += 1
    return people


def _collective(stations: list[Organization]) -> list[Honour]:
    def find(hint: str) -> Organization | None:
        return next((s for s in stations if hint in s.name), None)

    rows = []
    for hint, grade, level, issuer, title, day in (
        ("蒙城", G.MODEL_STATION, L.CORPS, CORPS, "2019年度标兵消防救援站", dt.date(2019, 12, 28)),
        ("利辛", G.COLLECTIVE_MERIT_3, L.CORPS, CORPS, "集体三等功", dt.date(2019, 12, 20)),
        ("利辛", G.ADVANCED_UNIT, L.LOCAL_GOVERNMENT, "中共利辛县委、利辛县人民政府", "2019年度平安建设先进单位", dt.date(2020, 1, 15)),
    ):  # fmt: skip
        station = find(hint)
        if station is not None:
            rows.append(Honour(category=C.COLLECTIVE, grade=grade, level=level, issuer=issuer, title=title,
                               awarded_on=day, unit=station, citation=f"{station.name}{YEAR}年度工作成绩突出。"))  # fmt: skip
    if stations:
        rows.append(Honour(category=C.ACTIVITY, grade=G.PRIZE, level=L.CORPS, issuer=CORPS,
                           title="全省消防救援队伍“庆祝新中国成立70周年”歌咏比赛三等奖", awarded_on=dt.date(2019, 9, 27),
                           unit=stations[0], citation="支队合唱队代表参赛。"))  # fmt: skip
    return rows


@transaction.atomic
def seed(stdout) -> Mapping[str, int]:
    if Honour.objects.exists():
        stdout.write("corps: 演示表彰奖励已存在，未作改动。\n")
        return {}
    stations = list(
        Organization.objects.filter(kind=OrgKind.STATION, is_active=True).order_by("region_id", "name")
    )
    offices = list(
        Organization.objects.filter(kind=OrgKind.DETACHMENT_OFFICE, is_active=True).order_by("name")
    )
    if not stations:
        return {}
    people = iter(_people([*stations, *offices]))
    rows = []
    for count, grade, level, issuer, title, day in INDIVIDUAL:
        for _n in range(count):
            person = next(people)
            rows.append(Honour(category=C.INDIVIDUAL, grade=grade, level=level, issuer=issuer, title=title,
                               awarded_on=day, person=person, unit_id=person.organization_id,
                               citation=f"{person.name}同志在{YEAR}年度执勤训练和灭火救援工作中表现突出。"))  # fmt: skip
    rows += _collective(stations)
    Honour.objects.bulk_create(rows)
    counts = Counter(category for category in (h.category for h in rows))
    stdout.write(f"corps: {YEAR} 年表彰奖励 {len(rows)} 项。\n")
    return {"honours": len(rows), "collective_honours": counts[C.COLLECTIVE]}
