"""Outreach demo data for Bozhou (``flameblue seed-demo``), the seed year 2019 as the annual summary tells it:

- four 宣贯会 on the responsibility rules with sign-in rosters of 739 officials in all (the city's, then
  谯城区, 涡阳县 and 利辛县), each line a leader of a government or a head of a department of the
  region — the governments' and departments' own people where FlameBlue knows them — plus county 专题培训
  kept as head counts of officials, so the coverage counts "1000余名各级党政领导和部门负责人" and "739人、4次";
  and two sessions for other audiences (grid workers, key-unit managers) that do not count as officials;
- the six publicity drives (七进 with each of its seven targets, 119宣传周, 3.15 销毁仪式, 屏幕点亮城市,
  唱响消防好声音, 媒体主创宣传) across the townships;
- the two handbooks printed and 20,000 copies distributed to the townships;
- education bases of the four kinds with their visits.

Counts are counted from these records by the selectors, never typed. A second run changes nothing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping

from flameblue.core.masking import mask_phone
from flameblue.core.scoping import in_region
from flameblue.geo.choices import RegionLevel
from flameblue.geo.models import Region
from flameblue.org.choices import OrgKind
from flameblue.org.demo.people import fake_person
from flameblue.org.models import Organization, Person
from flameblue.outreach import services
from flameblue.outreach.choices import TermKind
from flameblue.outreach.models import Attendee, BaseVisit, Term, TrainingSession

__all__ = ["BRIEFINGS", "seed"]

CITY = "3416"
D = dt.date
RULES = ("state_87", "anhui_rules")
#: (title, day, region whose government organises it, place, roster size): 739 in all.
BRIEFINGS = [
    ("亳州市《消防安全责任制实施办法》宣贯会", D(2019, 3, 22), "3416", "市政府第一会议室", 226),
    ("谯城区消防安全责任制宣贯会", D(2019, 4, 18), "341602", "谯城区政府会议中心", 185),
    ("涡阳县消防安全责任制宣贯会", D(2019, 5, 16), "341621", "涡阳县政府大会议室", 172),
    ("利辛县消防安全责任制宣贯会", D(2019, 6, 13), "341623", "利辛县行政中心", 156),
]
#: County 专题培训 kept as head counts of officials only (no roster).
SPECIAL = [
    ("谯城区乡镇（街道）消防安全责任制专题培训", D(2019, 7, 11), "341602", 86),
    ("涡阳县行业部门消防安全职责专题培训", D(2019, 8, 8), "341621", 74),
    ("蒙城县乡镇党政领导消防安全专题培训", D(2019, 9, 5), "341622", 71),
    ("利辛县行业部门负责人消防安全专题培训", D(2019, 10, 17), "341623", 65),
]
#: (title, drive type, 七进 target, day, present, online views)
DRIVES = [
    ("消防安全进机关", "seven_in", "organs", D(2019, 4, 10), 260, 3500),
    ("消防安全进企业", "seven_in", "enterprises", D(2019, 5, 8), 480, 5200),
    ("消防安全进社区", "seven_in", "communities", D(2019, 6, 12), 650, 8100),
    ("消防安全进学校", "seven_in", "schools", D(2019, 9, 6), 1200, 15000),
    ("消防安全进农村", "seven_in", "villages", D(2019, 7, 18), 540, 2600),
    ("消防安全进家庭", "seven_in", "families", D(2019, 8, 22), 320, 4300),
    ("消防安全进网站", "seven_in", "websites", D(2019, 10, 9), 0, 126000),
    ("“119”消防宣传月（周）启动仪式", "week_119", None, D(2019, 11, 9), 2000, 86000),
    ("“3·15”假冒伪劣消防产品集中销毁仪式", "destruction_315", None, D(2019, 3, 15), 600, 21000),
    ("“屏幕点亮城市”公益宣传", "screens", None, D(2019, 11, 1), 0, 350000),
    ("“唱响消防好声音”歌曲征集展演", "good_voice", None, D(2019, 9, 20), 800, 64000),
    ("媒体主创人员走进消防宣传", "media_creators", None, D(2019, 6, 28), 60, 42000),
]
HANDBOOKS = [
    ("《亳州市11类场所火灾隐患排查整治标准手册》", 12000, 10000),
    ("《消防自查一本通》", 10500, 10000),
]
#: (name, kind, township index, opened, visits)
BASES = [
    ("亳州市应急消防教育培训基地", "training", 0, D(2018, 11, 9), 14),
    ("亳州市应急消防科普教育馆", "science", 1, D(2019, 1, 10), 22),
    ("涡阳县应急消防科普教育基地", "science", 30, D(2019, 5, 20), 9),
    ("花戏楼街道社区消防体验室", "community", 0, D(2019, 3, 1), 12),
    ("蒙城县城关街道社区消防体验室", "community", 55, D(2019, 6, 1), 8),
    ("亳州万达华府小区消防科普点", "residential", 2, D(2019, 4, 1), 6),
    ("利辛县城北小区消防科普点", "residential", 80, D(2019, 7, 1), 5),
]


def _terms() -> dict[tuple[str, str], Term]:
    return {(t.kind, t.code): t for t in Term.objects.all()}


def _roster(session: TrainingSession, size: int, terms: dict, region: str) -> list[Attendee]:
    """``size`` distinct officials of ``region``: governments' leaders and departments' heads, the known
    people first; the phones are masked as a sign-in sheet import keeps them."""
    leader, head = terms[(TermKind.AUDIENCE, "leader")], terms[(TermKind.AUDIENCE, "department_head")]
    # The city's briefing is for the city's own leaders and departments; each county's for its own.
    where = {"region_id": region} if region == CITY else {}
    orgs = Organization.objects.filter(in_region(region), **where)
    govs = list(orgs.filter(kind=OrgKind.GOVERNMENT).order_by("region_id"))
    depts = list(orgs.filter(kind=OrgKind.DEPARTMENT).order_by("region_id", "name"))
    if not govs and not depts:
        return []
    known = list(
        Person.objects.filter(organization__in=[*govs, *depts]).select_related("organization")[: size // 3]
    )
    rows: list[Attendee] = []
    seen: set[tuple[str, str]] = set()
    for person in known:
        org = person.organization
        if (person.name, org.name) in seen:
            continue
        audience = leader if org.kind == OrgKind.GOVERNMENT else head
        rows.append(Attendee(session=session, person=person, name=person.name, organization=org,
                             organization_name=org.name, title=person.title, phone_masked=person.phone_masked,
                             audience=audience, source_row=len(rows) + 2))  # fmt: skip
        seen.add((person.name, org.name))
    n = 0
    while len(rows) < size:
        n += 1
        pool, audience = (govs, leader) if (n % 5 < 2 and govs) or not depts else (depts, head)
        org = pool[n % len(pool)]
        fake = fake_person(f"outreach/{session.held_on}/{n}", region=org.region_id)
        if (fake.name, org.name) in seen:
            continue
        seen.add((fake.name, org.name))
        title = "副镇长" if audience == leader else "负责人"
        rows.append(Attendee(session=session, name=fake.name, organization=org, organization_name=org.name,
                             title=title, phone_masked=mask_phone(fake.phone), audience=audience,
                             source_row=len(rows) + 2))  # fmt: skip
    return rows


def _training(terms: dict, counts: Counter) -> None:
    rules = [terms[(TermKind.RULE_TAUGHT, c)] for c in RULES]
    officials = [terms[(TermKind.AUDIENCE, "leader")], terms[(TermKind.AUDIENCE, "department_head")]]
    attendees: list[Attendee] = []
    for title, day, region, place, size in BRIEFINGS:
        organiser = Organization.objects.filter(region_id=region, kind=OrgKind.GOVERNMENT).first()
        if organiser is None:
            continue
        session = services.session_create(by=None, data={
            "title": title, "session_type": terms[(TermKind.TRAINING_TYPE, "briefing")], "rules_taught": rules,
            "audiences": officials, "organiser": organiser, "held_on": day, "place": place,
        })  # fmt: skip
        attendees += _roster(session, size, terms, region)
        counts["sessions"] += 1
    Attendee.objects.bulk_create(attendees, batch_size=500)
    counts["attendees"] = len(attendees)
    for title, day, region, head_count in SPECIAL:
        organiser = Organization.objects.filter(region_id=region, kind=OrgKind.GOVERNMENT).first()
        if organiser is None:
            continue
        services.session_create(by=None, data={
            "title": title, "session_type": terms[(TermKind.TRAINING_TYPE, "special")], "rules_taught": rules,
            "audiences": officials, "organiser": organiser, "held_on": day, "place": "县委党校", "head_count": head_count,
        })  # fmt: skip
        counts["sessions"] += 1
    detachment = Organization.objects.filter(region_id=CITY, kind=OrgKind.DETACHMENT).first()
    if detachment is not None:
        for title, kind, audience, day, head_count in (
            ("消防大讲堂：网格员消防安全知识培训", "lecture", "grid_worker", D(2019, 11, 15), 320),
            ("重点单位消防安全责任人、管理人培训", "special", "unit_principal", D(2019, 12, 5), 260),
        ):
            services.session_create(by=None, data={
                "title": title, "session_type": terms[(TermKind.TRAINING_TYPE, kind)], "rules_taught": rules[:1],
                "audiences": [terms[(TermKind.AUDIENCE, audience)]], "organiser": detachment, "held_on": day,
                "place": "亳州市消防救援支队培训中心", "head_count": head_count,
            })  # fmt: skip
            counts["sessions"] += 1


def _townships() -> list[Region]:
    return list(Region.objects.filter(level=RegionLevel.TOWNSHIP, code__startswith=CITY).order_by("code"))


def _publicity(terms: dict, townships: list[Region], detachment: Organization, counts: Counter) -> None:
    for n, (title, kind, target, day, present, views) in enumerate(DRIVES):
        services.drive_create(by=None, data={
            "title": title, "drive_type": terms[(TermKind.DRIVE_TYPE, kind)],
            "target": terms[(TermKind.DRIVE_TARGET, target)] if target else None, "held_on": day,
            "township": townships[(n * 7) % len(townships)], "organiser": detachment, "present": present,
            "online_views": views,
        })  # fmt: skip
        counts["drives"] += 1


def _materials(townships: list[Region], detachment: Organization, counts: Counter) -> None:
    for title, printed, given in HANDBOOKS:
        material = services.material_create(
            by=None, data={"title": title, "kind": "handbook", "organiser": detachment}
        )
        services.print_run_add(material=material, printed_on=D(2019, 4, 1), copies=printed, by=None,
                               printer="亳州市新华印刷厂")  # fmt: skip
        share = given // 20
        for i in range(20):
            services.distribution_add(material=material, township=townships[(i * 5) % len(townships)],
                                      copies=share, distributed_on=D(2019, 4, 10) + dt.timedelta(days=i), by=None)  # fmt: skip
        counts["copies"] += share * 20


def _bases(terms: dict, townships: list[Region], counts: Counter) -> None:
    visits: list[BaseVisit] = []
    for name, kind, index, opened, n_visits in BASES:
        base = services.base_create(by=None, data={
            "name": name, "kind": terms[(TermKind.BASE_KIND, kind)], "region": townships[index % len(townships)],
            "place": f"{townships[index % len(townships)].name}", "opened_on": opened,
        })  # fmt: skip
        for v in range(n_visits):
            day = max(opened, D(2019, 1, 5)) + dt.timedelta(days=11 * v + 3)
            visits.append(
                BaseVisit(
                    base=base, visited_on=day, visitors=25 + (v * 17) % 90, group_name=f"参观团体{v + 1}"
                )
            )
        counts["bases"] += 1
    BaseVisit.objects.bulk_create(visits)
    counts["visits"] = len(visits)


def seed(stdout) -> Mapping[str, int]:
    if TrainingSession.objects.filter(title=BRIEFINGS[0][0]).exists():
        stdout.write("outreach: 演示培训与宣传已存在，未作改动。\n")
        return {}
    detachment = Organization.objects.filter(kind=OrgKind.DETACHMENT, region_id=CITY).first()
    townships = _townships()
    if detachment is None or not townships:
        return {}
    terms = _terms()
    counts: Counter = Counter()
    _training(terms, counts)
    _publicity(terms, townships, detachment, counts)
    _materials(townships, detachment, counts)
    _bases(terms, townships, counts)
    stdout.write(
        f"outreach: 培训 {counts['sessions']} 场（花名册 {counts['attendees']} 人），宣传活动 {counts['drives']} 次，"
        f"手册发放 {counts['copies']} 册，教育基地 {counts['bases']} 个。\n"
    )
    return dict(counts)


#: The scenarios this module takes part in (``flameblue seed-demo --scenario``): its whole seed.
SCENARIOS = {"bozhou-2019": seed}
