"""Demo units for Bozhou: about 2,000 fictitious units over the four counties and all their townships.

Names follow real patterns (谯城区古井镇中心小学, 亳州汤王大酒店, 华联超市, 涡阳鑫源加油站 …); attributes,
credit codes (valid check characters), responsible people (valid ID numbers and phones), risk tags and
key-unit status (decided by the rule engine and confirmed) are generated from a fixed seed, so every run
produces the same data. Units that already exist (same township and name) are left alone: a second run
changes nothing. Everything is written with bulk inserts in one transaction."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from stdnum.cn import uscc

from flameblue.core import crypto
from flameblue.geo.models import Region
from flameblue.org.choices import OrgKind
from flameblue.org.demo.people import id_number as demo_id_number
from flameblue.org.models import Organization, Person
from flameblue.units.keyunits import judge
from flameblue.units.models import RiskTag, Unit
from flameblue.units.selectors import active_rulesets, unit_attributes

__all__ = ["seed"]

SEED = 20260131
COUNTIES = {"341602": ("谯城区", (33.87, 115.78)), "341621": ("涡阳县", (33.49, 116.21)),
            "341622": ("蒙城县", (33.26, 116.56)), "341623": ("利辛县", (33.14, 116.21))}  # fmt: skip
UNITS_PER_TOWNSHIP = 21
DECIDED_AT = dt.datetime(2026, 1, 10, 9, 0, tzinfo=dt.UTC)

WORDS = ["华联", "金鼎", "鑫源", "康达", "恒通", "永安", "福满", "润丰", "盛世", "华宇", "万家", "宏达", "新世纪", "亿家", "中兴", "东方", "银河", "皖北", "汤王", "魏武", "庄子", "华佗", "药都", "古井", "涡河", "芍花", "紫薇", "嘉禾", "瑞丰", "天成", "兴旺", "聚福", "金源", "大唐", "明珠", "同心", "和顺", "富康", "安泰", "龙腾"]  # fmt: skip
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅玉兰志强海燕德胜春生文斌永福金凤"


@dataclass
class Kind:
    """One kind of demo unit: a name pattern, the registry fields and a generator of rule attributes."""

    pattern: str
    category: str
    place_type: str
    industry: str
    tags: tuple[str, ...]
    weight: int
    attributes: Callable[[random.Random], dict[str, Any]] = field(default=lambda r: {})
    has_code: float = 1.0


def _skewed(r: random.Random, lo: int, hi: int, power: float = 2.0, step: int = 1) -> int:
    """A value in [lo, hi) drawn towards ``lo``: most real places are small, a few are large."""
    value = lo + int((hi - lo) * r.random() ** power)
    return value - (value - lo) % step


def _area(lo: int, hi: int, power: float = 2.0) -> Callable[[random.Random], dict[str, Any]]:
    return lambda r: {"building_area_m2": Decimal(_skewed(r, lo, hi, power, step=10))}


# Weights and attribute ranges are tuned so that, as in Bozhou's registers, only about 6–10 % of the units
# reach a key-unit threshold (公通字〔2001〕97号), while every category and place type stays represented.
KINDS = [
    Kind("{word}超市", "shop", "mall", "commerce", ("crowded",), 26,
         lambda r: {"building_area_m2": Decimal(_skewed(r, 80, 1500, 4, 10)), "sells_combustibles": r.random() < 0.45}),
    Kind("{word}商贸城", "shop", "mall", "commerce", ("crowded", "mixed_use"), 1,
         lambda r: {"building_area_m2": Decimal(r.randrange(2000, 30000, 100)), "sells_combustibles": True,
                    "is_high_rise": r.random() < 0.3}),
    Kind("{short}{word}大酒店", "hotel", "hotel", "culture_tourism", ("crowded",), 3,
         lambda r: {"guest_rooms": _skewed(r, 25, 80), "is_high_rise": r.random() < 0.1}),
    Kind("{word}宾馆", "hotel", "hotel", "culture_tourism", ("small_place",), 14,
         lambda r: {"guest_rooms": r.randint(8, 45)}),
    Kind("{word}网吧", "entertainment", "entertainment", "culture_tourism", ("crowded", "small_place"), 12,
         _area(60, 220)),
    Kind("{word}KTV", "entertainment", "entertainment", "culture_tourism", ("crowded",), 1, _area(120, 800, 2.5)),
    Kind("{word}加油站", "fuel_station", "flammable", "commerce", ("flammable", "petrochemical"), 1),
    Kind("{word}液化气站", "flammable_producer", "flammable", "emergency", ("flammable",), 1),
    Kind("{word}颐养中心", "elderly_home", "elderly_care", "civil_affairs", ("elderly",), 4,
         lambda r: {"elderly_beds": _skewed(r, 15, 100, 3)}),
    Kind("{word}服装厂", "labour_intensive", "labour_intensive", "industry_it", ("crowded",), 10,
         lambda r: {"workers_on_site": _skewed(r, 10, 130, 3.5),
                    "building_area_m2": Decimal(_skewed(r, 800, 8000, 2, 50))}),
    Kind("{word}家具厂", "labour_intensive", "labour_intensive", "industry_it", (), 6,
         lambda r: {"workers_on_site": _skewed(r, 8, 120, 3)}),
    Kind("{word}中药饮片厂", "labour_intensive", "labour_intensive", "industry_it", (), 6,
         lambda r: {"workers_on_site": _skewed(r, 10, 130, 3)}),
    Kind("{word}饭店", "other", "small_places", "market_regulation", ("small_place",), 24, _area(60, 400), 0.6),
    Kind("{word}便利店", "other", "small_places", "market_regulation", ("small_place", "three_in_one"), 20,
         _area(30, 150), 0.5),
    Kind("{word}美容美发店", "other", "small_places", "market_regulation", ("small_place",), 10, _area(30, 120), 0.5),
    Kind("{word}诊所", "other", "medical", "health", ("small_place",), 10, _area(40, 200), 0.7),
    Kind("{word}大厦", "high_rise_public", "high_rise", "housing", ("high_rise",), 1,
         lambda r: {"is_high_rise": True, "building_area_m2": Decimal(r.randrange(8000, 60000, 100))}),
    Kind("{word}花园小区", "other", "high_rise", "housing", ("high_rise",), 8, lambda r: {"is_high_rise": True}),
    Kind("{word}项目工地", "construction_site", "high_rise", "housing", (), 1),
    Kind("{word}培训学校", "school", "school", "education", ("children", "small_place"), 6,
         lambda r: {"dormitory_beds": 0}),
    Kind("{word}幼儿园", "kindergarten", "school", "education", ("children",), 8,
         lambda r: {"child_beds": r.choice([0] * 10 + [30, 60])}),
]  # fmt: skip

#: Every township has these (名称 uses the township's name).
TOWNSHIP_KINDS = [
    Kind("{county}{town}中心小学", "school", "school", "education", ("children",), 0,
         lambda r: {"dormitory_beds": r.choice([0] * 10 + [60, 150])}),
    Kind("{county}{town}卫生院", "hospital", "medical", "health", (), 0,
         lambda r: {"inpatient_beds": r.randint(8, 52)}),
    Kind("{town}中心幼儿园", "kindergarten", "school", "education", ("children",), 0,
         lambda r: {"child_beds": r.choice([0] * 8 + [40, 60])}),
    Kind("{town}敬老院", "elderly_home", "elderly_care", "civil_affairs", ("elderly",), 0,
         lambda r: {"elderly_beds": r.randint(10, 50)}),
]  # fmt: skip

#: A few units in each county seat (the first township of the county).
SEAT_KINDS = [
    Kind("{county}人民医院", "hospital", "medical", "health", ("crowded", "high_rise"), 0,
         lambda r: {"inpatient_beds": r.randint(300, 900), "is_high_rise": True}),
    Kind("{county}第一中学", "school", "school", "education", ("children", "crowded"), 0,
         lambda r: {"dormitory_beds": r.randint(800, 3000)}),
    Kind("{county}图书馆", "library", "heritage", "culture_tourism", ("crowded",), 0, _area(1500, 6000, 1)),
    Kind("{county}体育馆", "stadium", "entertainment", "culture_tourism", ("crowded",), 0),
    Kind("{county}人民政府机关大院", "government_organ", "high_rise", "emergency", (), 0,
         lambda r: {"admin_level": "county"}),
    Kind("{county}汽车站", "passenger_station", "mall", "transport", ("crowded",), 0,
         lambda r: {"waiting_hall_area_m2": Decimal(r.randrange(300, 1500, 10))}),
    Kind("{county}档案馆", "archive", "heritage", "culture_tourism", (), 0),
    Kind("{county}清真寺", "heritage_site", "heritage", "religion", ("heritage",), 0,
         lambda r: {"heritage_level": r.choice(["county", "city", "province"])}),
]  # fmt: skip


@dataclass
class Spec:
    region_id: str
    county: str
    name: str
    kind: Kind
    attributes: dict[str, Any]
    credit_code: str
    coordinates: tuple[Decimal, Decimal] | None
    people: list[tuple[str, str, str, str]]  # (name, gender, phone, id number)
    status: str


class _Generator:
    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.codes: set[str] = set()
        self.ids: set[str] = set()

    def credit_code(self, county: str) -> str:
        alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        while True:
            body = "91" + county + "".join(self.rng.choice(alphabet) for _ in range(9))
            code = body + uscc.calc_check_digit(body)
            if code not in self.codes:
                self.codes.add(code)
                return code

    def person(self, county: str) -> tuple[str, str, str, str]:
        rng = self.rng
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))
        gender = rng.choice("MF")
        while True:
            number = demo_id_number(rng, region=county, gender=gender)
            if number not in self.ids:
                self.ids.add(number)
                break
        phone = f"1{rng.choice('3578')}{rng.randrange(0, 10**9):09d}"
        return name, gender, phone, number

    def spec(self, township: Region, kind: Kind, taken: set[str]) -> Spec | None:
        rng = self.rng
        county_code = township.code[:6]
        county, (lat, lon) = COUNTIES[county_code]
        for _ in range(20):
            name = kind.pattern.format(
                word=rng.choice(WORDS), county=county, short=county[:2], town=township.name
            )
            if name not in taken:
                break
        else:
            return None
        taken.add(name)
        coordinates = None
        if rng.random() < 0.7:
            coordinates = (
                Decimal(f"{lat + rng.uniform(-0.15, 0.15):.6f}"),
                Decimal(f"{lon + rng.uniform(-0.15, 0.15):.6f}"),
            )
        return Spec(
            region_id=township.code,
            county=county_code,
            name=name,
            kind=kind,
            attributes=kind.attributes(rng),
            credit_code=self.credit_code(county_code) if rng.random() < kind.has_code else "",
            coordinates=coordinates,
            people=[self.person(county_code) for _ in range(2)],
            status="operating" if rng.random() < 0.95 else rng.choice(["suspended", "closed"]),
        )


def _specs() -> list[Spec]:
    gen = _Generator()
    specs: list[Spec] = []
    weights = [k.weight for k in KINDS]
    for county in COUNTIES:
        townships = list(Region.objects.filter(parent_id=county).order_by("code"))
        for index, township in enumerate(townships):
            taken: set[str] = set()
            fixed = TOWNSHIP_KINDS + (SEAT_KINDS if index == 0 else [])
            kinds = fixed + gen.rng.choices(
                KINDS, weights=weights, k=UNITS_PER_TOWNSHIP - len(TOWNSHIP_KINDS)
            )
            specs.extend(s for s in (gen.spec(township, kind, taken) for kind in kinds) if s is not None)
    return specs


def _departments() -> dict[tuple[str, str], int]:
    rows = Organization.objects.filter(kind=OrgKind.DEPARTMENT, region_id__in=list(COUNTIES))
    return {(org.region_id, org.industry_id): org.pk for org in rows}


#: The social units of the organization demo set (org/demo/bozhou.yaml) whose managers hold demo accounts:
#: each becomes a registered unit with realistic attributes so those accounts have a unit to work on.
NAMED_UNITS: dict[str, dict[str, Any]] = {
    "亳州市第一中学": {"place_type_id": "school", "category": "school", "dormitory_beds": 1200,
                      "building_area_m2": Decimal("42000"), "risk_tags": ["crowded"]},
    "亳州市人民医院": {"place_type_id": "medical", "category": "hospital", "inpatient_beds": 1500,
                      "building_area_m2": Decimal("98000"), "is_high_rise": True, "risk_tags": ["crowded", "high_rise"]},
    "亳州万达广场": {"place_type_id": "mall", "category": "shop", "building_area_m2": Decimal("180000"),
                    "sells_combustibles": True, "risk_tags": ["crowded", "large_complex", "underground"]},
    "亳州花戏楼": {"place_type_id": "heritage", "category": "heritage_site", "heritage_level": "national",
                  "combustible_structures": True,
                  "building_area_m2": Decimal("3100"), "risk_tags": ["heritage", "landmark"]},
    "涡阳县天静宫": {"place_type_id": "heritage", "category": "heritage_site", "heritage_level": "province",
                    "combustible_structures": True,
                    "building_area_m2": Decimal("6800"), "risk_tags": ["heritage"]},
    "蒙城县人民医院": {"place_type_id": "medical", "category": "hospital", "inpatient_beds": 800,
                      "building_area_m2": Decimal("56000"), "risk_tags": ["crowded"]},
    "利辛县社会福利中心": {"place_type_id": "elderly_care", "category": "elderly_home", "elderly_beds": 260,
                          "building_area_m2": Decimal("12000"), "risk_tags": ["elderly", "crowded"]},
    "涡阳县乐都汇 KTV": {"place_type_id": "entertainment", "category": "entertainment",
                        "building_area_m2": Decimal("1600"), "risk_tags": ["crowded"]},
}  # fmt: skip


def _seed_named_units(stdout) -> int:
    """Register the organization demo's social units (idempotent: units that exist are left alone)."""
    from flameblue.units.services import key_unit_confirm, unit_create

    created = 0
    orgs = Organization.objects.filter(
        kind=OrgKind.SOCIAL_UNIT, name__in=list(NAMED_UNITS), unit__isnull=True
    )
    for org in orgs.order_by("pk"):
        values = dict(NAMED_UNITS[org.name])
        tags = values.pop("risk_tags")
        manager = org.people.order_by("pk").first()
        data = {"name": org.name, "region": org.region, "industry": org.industry, "address": org.address,
                "risk_tags": list(RiskTag.objects.filter(code__in=tags)), "safety_manager": manager,
                "responsible_person": manager, **values}  # fmt: skip
        unit = unit_create(by=None, data=data)
        if unit.key_unit_suggested:
            key_unit_confirm(unit, by=None, reason="演示数据：按规则认定")
        created += 1
    if created:
        stdout.write(f"units: 登记演示账号所属单位 {created} 个。\n")
    return created


@transaction.atomic
def seed(stdout) -> dict[str, int]:
    """Create the demo units that are missing. Returns the counts created (``units``, ``key_units``,
    ``organizations``, ``people``) for seed-demo's single import audit event; ``{}`` when nothing was."""
    named = _seed_named_units(stdout)
    existing = set(Unit.objects.values_list("region_id", "name"))
    used_codes = set(Unit.objects.exclude(credit_code="").values_list("credit_code", flat=True))
    used_ids = set(Person.objects.exclude(id_number_digest="").values_list("id_number_digest", flat=True))
    specs = [s for s in _specs() if (s.region_id, s.name) not in existing]
    if not specs:
        stdout.write("units: 演示单位已存在，未作改动。\n")
        return {"named_units": named} if named else {}
    orgs_by_key = {(o.region_id, o.name): o for o in Organization.objects.filter(kind=OrgKind.SOCIAL_UNIT)}
    with_unit = set(Unit.objects.values_list("organization_id", flat=True))
    specs = [s for s in specs if getattr(orgs_by_key.get((s.region_id, s.name)), "pk", None) not in with_unit]
    new_orgs = []
    for s in specs:
        if s.credit_code in used_codes:
            s.credit_code = ""
        if (s.region_id, s.name) not in orgs_by_key:
            org = Organization(name=s.name, kind=OrgKind.SOCIAL_UNIT, region_id=s.region_id,
                               industry_id=s.kind.industry, credit_code=s.credit_code)  # fmt: skip
            orgs_by_key[(s.region_id, s.name)] = org
            new_orgs.append(org)
    Organization.objects.bulk_create(new_orgs, batch_size=500)

    people = _create_people(specs, orgs_by_key, used_ids)
    units = _create_units(specs, orgs_by_key, people)
    _link(specs, units)
    key = sum(u.is_key_unit for u in units)
    stdout.write(f"units: 新增演示单位 {len(units)} 个（重点单位 {key} 个）。\n")
    created = {
        "named_units": named,
        "units": len(units),
        "key_units": key,
        "organizations": len(new_orgs),
        "people": sum(len(persons) for persons in people.values()),
    }
    return {name: count for name, count in created.items() if count}


def _create_people(specs: list[Spec], orgs: dict, used_ids: set[str]) -> dict[tuple[str, str], list[Person]]:
    titles = ["法定代表人", "消防安全管理人"]
    people: dict[tuple[str, str], list[Person]] = {}
    rows = []
    for s in specs:
        org = orgs[(s.region_id, s.name)]
        persons = []
        for title, (name, gender, phone, number) in zip(titles, s.people, strict=True):
            digest = crypto.digest(number)
            person = Person(name=name, gender=gender, phone=phone, organization=org, title=title)
            if digest not in used_ids:
                person.id_number_encrypted, person.id_number_digest = crypto.encrypt(number), digest
            persons.append(person)
        people[(s.region_id, s.name)] = persons
        rows.extend(persons)
    Person.objects.bulk_create(rows, batch_size=500)
    return people


def _create_units(specs: list[Spec], orgs: dict, people: dict) -> list[Unit]:
    rulesets = active_rulesets()
    rng = random.Random(SEED + 1)
    now = timezone.now()
    units = []
    for s in specs:
        responsible, manager = people[(s.region_id, s.name)]
        unit = Unit(
            organization=orgs[(s.region_id, s.name)], name=s.name, credit_code=s.credit_code, region_id=s.region_id,
            industry_id=s.kind.industry, place_type_id=s.kind.place_type, category=s.kind.category,
            status=s.status, responsible_person=responsible, safety_manager=manager,
            address=f"{s.name[:2]}路 {rng.randint(1, 300)} 号", created_at=now, updated_at=now, **s.attributes,
        )  # fmt: skip
        if s.coordinates:
            unit.latitude, unit.longitude = s.coordinates
        judgement = judge(unit_attributes(unit), rulesets)
        unit.key_unit_suggested = judgement.key_unit
        unit.key_unit_suggested_rules = judgement.rules
        unit.key_unit_suggested_ruleset = judgement.ruleset
        if judgement.key_unit and rng.random() < 0.95:
            unit.is_key_unit = True
            unit.key_unit_decision = "confirmed"
            unit.key_unit_rules, unit.key_unit_ruleset = judgement.rules, judgement.ruleset
            unit.key_unit_decided_at = DECIDED_AT
            unit.key_unit_reason = "演示数据：按界定标准认定"
        unit.key_unit_needs_review = judgement.key_unit != unit.is_key_unit
        units.append(unit)
    Unit.objects.bulk_create(units, batch_size=500)
    return units


def _link(specs: list[Spec], units: list[Unit]) -> None:
    departments = _departments()
    tags = Unit.risk_tags.through
    supervised = Unit.supervising_departments.through
    tag_rows, dept_rows = [], []
    for s, unit in zip(specs, units, strict=True):
        tag_codes = set(s.kind.tags)
        if unit.is_high_rise:
            tag_codes.add("high_rise")
        tag_rows.extend(tags(unit_id=unit.pk, risktag_id=code) for code in sorted(tag_codes))
        dept = departments.get((s.county, s.kind.industry))
        if dept:
            dept_rows.append(supervised(unit_id=unit.pk, organization_id=dept))
    tags.objects.bulk_create(tag_rows, batch_size=1000)
    supervised.objects.bulk_create(dept_rows, batch_size=1000)


#: The scenarios this module takes part in (``flameblue seed-demo --scenario``): its whole seed.
SCENARIOS = {"bozhou-2019": seed}
