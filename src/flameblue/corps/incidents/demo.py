"""Incident demo data for Bozhou: a year of incidents (the 365 days before the seed day) with counts that
look like a city of five million — about 3,400 calls, fires ~35 %, rescues ~40 %, social assistance ~25 %,
spread over 谯城区/涡阳县/蒙城县/利辛县 by population, more fires in the dry months and the wheat harvest,
more rescues in summer, by day more than by night — bulk-inserted, with two recent typical incidents whose
case reviews have corrective actions in every state (closed, awaiting acceptance, open, overdue and
escalated by the sweep); and the seed year 2019 as the annual summary tells it: its year of incidents
(about 3,100 calls) and its two case reviews, 谯城"3.22"深井救援 and 特勤"7.15"煤气罐爆炸, with their
lessons and corrective actions, all closed within the year. Fixed random seeds: a fresh database gets the
same data; a second run changes nothing."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Mapping
from decimal import Decimal

from django.utils import timezone

from flameblue.corps.incidents import services
from flameblue.corps.incidents.choices import IncidentKind
from flameblue.corps.incidents.models import Incident
from flameblue.corps.rectification import services as rectification
from flameblue.corps.rectification.demo import evidence_png
from flameblue.geo.models import Region
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization, Person

__all__ = ["seed"]

#: county code → (share of calls, map centre lat, lng)
COUNTIES = {"341602": (0.32, 33.844, 115.779), "341621": (0.24, 33.492, 116.215),
            "341622": (0.22, 33.265, 116.565), "341623": (0.22, 33.144, 116.208)}  # fmt: skip
KINDS = [(IncidentKind.FIRE, 0.35), (IncidentKind.RESCUE, 0.40), (IncidentKind.SOCIAL, 0.25)]
#: month → (fire weight, rescue weight): dry winter and spring, straw burning at the June wheat harvest,
#: traffic accidents and drownings in summer.
SEASON = {1: (1.4, 0.8), 2: (1.5, 0.8), 3: (1.3, 0.9), 4: (1.2, 0.9), 5: (1.0, 1.0), 6: (1.3, 1.2),
          7: (0.7, 1.3), 8: (0.7, 1.3), 9: (0.8, 1.1), 10: (0.9, 1.0), 11: (1.0, 0.9), 12: (1.3, 0.8)}  # fmt: skip
PLACES = {
    IncidentKind.FIRE: [
        "居民住宅",
        "沿街门面房",
        "秸秆堆垛",
        "电动自行车",
        "厂房仓库",
        "小汽车",
        "垃圾堆",
        "餐饮店厨房",
    ],
    IncidentKind.RESCUE: ["道路交通事故", "人员被困电梯", "人员落水", "危化品泄漏", "房屋倒塌", "树木倒伏"],
    IncidentKind.SOCIAL: ["开锁救助", "摘除马蜂窝", "取戒指", "动物救助", "供水救助", "老人走失"],
}
ROADS = ["人民路", "光明路", "建设路", "文化路", "健康路", "和平路", "解放路", "民生路", "新华路", "工业园路"]
TOTAL = 3400


def _stations() -> dict[str, list[Organization]]:
    kinds = (OrgKind.STATION, OrgKind.FULLTIME_BRIGADE)
    by_county: dict[str, list[Organization]] = {}
    for station in Organization.objects.filter(kind__in=kinds, is_active=True).order_by("kind", "name"):
        by_county.setdefault(station.region_id[:6], []).append(station)
    return by_county


def _when(rng: random.Random, start: dt.date, days: int, kind: str) -> dt.datetime:
    while True:
        day = start + dt.timedelta(days=rng.randrange(days))
        fire, rescue = SEASON[day.month]
        weight = fire if kind == IncidentKind.FIRE else rescue if kind == IncidentKind.RESCUE else 1.0
        if rng.random() * 1.5 < weight:
            break
    hour = rng.choices(
        range(24), weights=[2, 1, 1, 1, 1, 2, 3, 5, 6, 7, 7, 7, 7, 6, 6, 7, 7, 7, 7, 6, 5, 4, 3, 2]
    )[0]
    tz = timezone.get_current_timezone()
    return dt.datetime.combine(day, dt.time(hour, rng.randrange(60), rng.randrange(60)), tzinfo=tz)


def _row(
    rng: random.Random, kind: str, county: str, towns: list[Region], start: dt.date, days: int
) -> Incident:
    called = _when(rng, start, days, kind)
    town = rng.choice(towns) if towns else None
    _share, lat, lng = COUNTIES[county]
    place = rng.choice(PLACES[kind])
    fire = kind == IncidentKind.FIRE
    loss = Decimal(int(rng.lognormvariate(8.5, 1.3))) if fire and rng.random() < 0.7 else Decimal(0)
    rescued = (rng.choice([0, 0, 1, 1, 1, 2, 3]) if kind == IncidentKind.RESCUE
               else 1 if kind == IncidentKind.SOCIAL and rng.random() < 0.4 else 0)  # fmt: skip
    return Incident(
        kind=kind, called_at=called, arrived_at=called + dt.timedelta(minutes=rng.randint(4, 26), seconds=rng.randrange(60)),
        region_id=town.code if town else county, address=f"{town.name if town else ''}{rng.choice(ROADS)}{rng.randint(1, 399)}号附近（{place}）",
        lat=Decimal(str(round(lat + rng.uniform(-0.18, 0.18), 6))), lng=Decimal(str(round(lng + rng.uniform(-0.2, 0.2), 6))),
        vehicles=rng.randint(1, 4) if fire else rng.randint(1, 2), personnel=rng.randint(5, 24) if fire else rng.randint(4, 10),
        rescued=rescued, deaths=1 if fire and rng.random() < 0.004 else 0,
        injuries=rng.choice([0, 0, 0, 1, 2]) if kind == IncidentKind.RESCUE and place == "道路交通事故" else 0,
        direct_loss=loss, narrative=f"{place}，出动处置完毕。",
    )  # fmt: skip


def _year(
    rng: random.Random, start: dt.date, stations: dict[str, list[Organization]], total: int = TOTAL
) -> int:
    """``total`` incidents called in the 365 days from ``start``."""
    days = 365
    towns = {c: list(Region.objects.filter(code__startswith=c, code__regex=r"^\d{9}$")) for c in COUNTIES}
    counties, weights = list(COUNTIES), [v[0] for v in COUNTIES.values()]
    rows, dispatch = [], []
    for _n in range(total):
        kind = rng.choices([k for k, _w in KINDS], weights=[w for _k, w in KINDS])[0]
        county = rng.choices(counties, weights=weights)[0]
        rows.append(_row(rng, kind, county, towns[county], start, days))
        local = stations.get(county) or [s for group in stations.values() for s in group]
        dispatch.append(rng.sample(local, k=min(len(local), 2 if rng.random() < 0.2 else 1)))
    created = Incident.objects.bulk_create(rows, batch_size=1000)
    through = Incident.stations.through
    through.objects.bulk_create(
        [through(incident_id=i.pk, organization_id=s.pk) for i, group in zip(created, dispatch, strict=True)
         for s in group], batch_size=2000,
    )  # fmt: skip
    return len(created)


def _last(month: int, day: int, today: dt.date) -> dt.date:
    """The latest ``month``-``day`` at least 40 days before ``today`` (its review and deadlines fit before)."""
    for year in (today.year, today.year - 1):
        candidate = dt.date(year, month, day)
        if candidate <= today - dt.timedelta(days=40):
            return candidate
    return dt.date(today.year - 2, month, day)


def _people(stations: list[Organization], offices: list[Organization], n: int) -> list[Person]:
    people = list(
        Person.objects.filter(organization__in=[*stations, *offices], is_active=True).order_by("id")[:n]
    )
    return people


#: The seed year's two typical incidents (the annual summary's 战例研讨 "谯城'3.22'、特勤'7.15'"): their
#: corrective actions were all carried out and accepted within 2019.
SEED_YEAR = 2019
SEED_YEAR_TOTAL = 3100
CASES = [
    {
        "title": "谯城“3.22”深井救援",
        "month": 3,
        "day": 22,
        "kind": IncidentKind.RESCUE,
        "town": "341602100",
        "address": "古井镇某村废弃机井（井深约 30 米，井口直径 0.4 米）",
        "rescued": 1,
        "vehicles": 4,
        "personnel": 22,
        "narrative": "一名 6 岁儿童坠入废弃机井，被困约 12 米深处。特勤站、谯城站联合古井镇专职队处置，采用三脚架提升、"
        "井壁扩孔与人员吊降相结合的方法，历时 5 小时 40 分成功救出，儿童生命体征平稳，送医观察。",
        "review": {
            "title": "谯城“3.22”深井救援战例研讨",
            "went_well": "到场迅速，现场指挥部 10 分钟内建立；持续向井下输送氧气并用视频探头监测被困儿童状态；"
            "与镇政府、120 联动顺畅。",
            "went_wrong": "首批到场力量缺少狭小空间救援专用器材；井口扩孔作业前对井壁稳定性评估不足；"
            "长时间作业的轮换和安全员设置不规范。",
            "lessons": "深井、狭小空间救援须按专门编成调派特勤力量；扩孔前先评估土质与井壁；建立作业轮换与安全员制度。",
        },
        "actions": [
            ("司令部", "修订狭小空间、深井救援力量调派编成及处置规程", "closed"),
            ("特勤", "配齐深井救援专用器材（井下视频探头、救援三脚架、吊带）并组织操法训练", "closed"),
            ("谯城", "对辖区废弃机井开展排查，会同乡镇政府督促封堵", "closed"),
        ],
    },
    {
        "title": "特勤“7.15”煤气罐爆炸",
        "month": 7,
        "day": 15,
        "kind": IncidentKind.FIRE,
        "town": "341602001",
        "address": "花戏楼街道某小区沿街餐饮店",
        "rescued": 3,
        "injuries": 4,
        "vehicles": 6,
        "personnel": 31,
        "direct_loss": "386000",
        "narrative": "一餐饮店液化石油气钢瓶泄漏遇明火发生爆炸并起火，造成 4 人受伤。特勤站首战到场，关阀堵漏、"
        "冷却邻近钢瓶，疏散群众 60 余人，营救被困 3 人，火势 40 分钟内扑灭。",
        "review": {
            "title": "特勤“7.15”煤气罐爆炸战例研讨",
            "went_well": "首战力量第一时间冷却邻近钢瓶，防止二次爆炸；警戒疏散及时；与燃气公司配合关阀处置得当。",
            "went_wrong": "初期侦检未使用可燃气体探测仪连续监测；个别战斗员个人防护不到位；"
            "对沿街商铺液化气钢瓶底数不清。",
            "lessons": "燃气类事故处置必须坚持先侦检、后处置；强化个人防护检查；"
            "联合市场监管、燃气部门摸清沿街餐饮场所用气底数。",
        },
        "actions": [
            ("特勤", "组织燃气泄漏爆炸事故处置专题训练，全员考核可燃气体探测仪使用", "closed"),
            ("防火", "联合燃气主管部门开展沿街餐饮场所液化石油气使用专项检查", "closed"),
            ("政治处", "组织个人防护装备穿戴规范专题教育并纳入月度考核", "closed"),
        ],
    },
]
#: Two typical incidents of the recent year, whose corrective actions are in every state.
RECENT_CASES = [
    {
        "title": "谯城“1.16”居民楼火灾救人",
        "month": 1,
        "day": 16,
        "kind": IncidentKind.FIRE,
        "town": "341602002",
        "address": "薛阁街道某老旧小区 5 号楼三单元",
        "rescued": 5,
        "injuries": 1,
        "vehicles": 5,
        "personnel": 26,
        "direct_loss": "42000",
        "narrative": "一居民楼三楼住户电动自行车电池在室内充电起火，浓烟封堵楼梯间。谯城站、特勤站到场后内攻灭火，"
        "利用过滤式自救呼吸器和消防梯疏散救出被困群众 5 人，火势 25 分钟内扑灭。",
        "review": {
            "title": "谯城“1.16”居民楼火灾救人战例研讨",
            "went_well": "到场后第一时间组织内攻搜救与外部架梯救人同步展开；破拆、排烟配合紧密；伤员及时移交 120。",
            "went_wrong": "老旧小区通道被私家车占用，车辆展开延误约 6 分钟；楼层呼救人员信息未及时汇总到指挥员。",
            "lessons": "熟悉辖区老旧小区道路和登高条件；搜救信息实行专人汇总；加强电动自行车入户充电的宣传和排查。",
        },
        "actions": [
            ("司令部", "修订居民住宅火灾搜救力量编成和搜救信息汇总规程", "closed"),
            ("特勤", "组织高层、老旧住宅楼内攻搜救和排烟专项训练", "submitted"),
            ("谯城", "会同街道、社区对辖区老旧小区消防车通道和电动自行车入户充电开展排查整治", "overdue"),
        ],
    },
    {
        "title": "特勤“6.9”液化气槽罐车泄漏处置",
        "month": 6,
        "day": 9,
        "kind": IncidentKind.RESCUE,
        "town": "341602001",
        "address": "G105 国道亳州城区段某路口",
        "rescued": 0,
        "vehicles": 7,
        "personnel": 34,
        "narrative": "一辆液化石油气槽罐车与货车追尾，罐体阀门处发生泄漏。特勤站携侦检、堵漏器材到场，划定警戒区、"
        "喷雾稀释，成功堵漏后由燃气公司倒罐转运，历时 9 小时，未发生燃烧爆炸，无人员伤亡。",
        "review": {
            "title": "特勤“6.9”液化气槽罐车泄漏处置战例研讨",
            "went_well": "侦检及时、警戒范围划定合理；水幕稀释持续稳定；与交警、燃气公司联动顺畅。",
            "went_wrong": "夜间照明器材不足；长时间作业供水保障一度紧张；个别战斗员防静电着装不规范。",
            "lessons": "危化品事故处置须按规程先侦检、再警戒、后堵漏；备足照明和供水力量；严格防护着装检查。",
        },
        "actions": [
            ("特勤", "组织危化品槽罐车泄漏堵漏、倒罐处置专题训练", "closed"),
            ("防火", "联合交通运输部门开展危化品运输车辆途经路段风险排查", "open"),
            ("政治处", "组织个人防护装备穿戴规范专题教育并纳入月度考核", "open_late"),
        ],
    },
]


def _find(orgs: list[Organization], hint: str, fallback: Organization) -> Organization:
    return next((o for o in orgs if hint in o.name), fallback)


def _cases(
    cases: list[dict], stations: dict[str, list[Organization]], *, today: dt.date, year: int | None = None
) -> Counter:
    """The typical incidents of ``cases`` with their reviews and corrective actions: on their dates of
    ``year``, or (without a year) on their latest date at least 40 days before ``today``."""
    counts: Counter = Counter()
    all_stations = [s for group in stations.values() for s in group]
    offices = list(
        Organization.objects.filter(kind=OrgKind.DETACHMENT_OFFICE, is_active=True).order_by("name")
    )
    qiaocheng = stations.get("341602") or all_stations
    owners = [*all_stations, *offices]
    people = _people(qiaocheng, offices, 12)
    tz = timezone.get_current_timezone()
    for case in cases:
        day = dt.date(year, case["month"], case["day"]) if year else _last(case["month"], case["day"], today)
        called = dt.datetime.combine(day, dt.time(10, 17), tzinfo=tz)
        region = case["town"] if Region.objects.filter(code=case["town"]).exists() else "341602"
        incident = services.incident_create(by=None, data={
            "title": case["title"], "kind": case["kind"], "called_at": called,
            "arrived_at": called + dt.timedelta(minutes=7), "region_id": region, "address": case["address"],
            "lat": Decimal("33.860312"), "lng": Decimal("115.781450"), "stations": qiaocheng[:2],
            "vehicles": case["vehicles"], "personnel": case["personnel"], "rescued": case["rescued"],
            "injuries": case.get("injuries", 0), "direct_loss": Decimal(case.get("direct_loss", "0")),
            "narrative": case["narrative"],
        })  # fmt: skip
        held = day + dt.timedelta(days=10)
        review = services.review_create(by=None, incident=incident, held_on=held, participants=people or [],
                                        **case["review"]) if people else None  # fmt: skip
        counts["incidents"] += 1
        if review is None:
            continue
        counts["case_reviews"] += 1
        for n, (hint, task, state) in enumerate(case["actions"]):
            due = {"closed": held + dt.timedelta(days=20 + 10 * n), "submitted": held + dt.timedelta(days=25),
                   "overdue": today - dt.timedelta(days=12), "open": today + dt.timedelta(days=30),
                   "open_late": today - dt.timedelta(days=3)}[state]  # fmt: skip
            owner = _find(owners, hint, qiaocheng[0])
            action = services.review_add_action(by=None, review=review, owner=owner, task=task, due_on=due)
            _advance(action, state)
            counts["review_actions"] += 1
    return counts


def _advance(action, state: str) -> None:
    if state in ("closed", "submitted"):
        action = rectification.action_report(action=action, by=None, report="已按要求完成整改，附佐证材料。",
                                             evidence=[evidence_png(f"{action.pk}")])  # fmt: skip
    if state == "closed":
        rectification.action_close(action=action, by=None, reason="经现场核查，整改到位，同意销号。")


def seed_seed_year(stdout, today: dt.date | None = None) -> Mapping[str, int]:
    """2019's incidents and its two case reviews (the ``bozhou-2019`` scenario's part of the corps)."""
    if Incident.objects.filter(title=CASES[0]["title"], called_at__year=SEED_YEAR).exists():
        stdout.write("corps: 2019 年演示警情已存在，未作改动。\n")
        return {}
    stations = _stations()
    if not stations:
        return {}
    rng = random.Random(SEED_YEAR * 10000 + 322)
    counts = Counter(incidents=_year(rng, dt.date(SEED_YEAR, 1, 1), stations, SEED_YEAR_TOTAL))
    counts.update(_cases(CASES, stations, today=today or timezone.localdate(), year=SEED_YEAR))
    stdout.write(
        f"corps: 2019 年警情 {counts['incidents']} 起（含谯城“3.22”、特勤“7.15”），"
        f"战例研讨 {counts['case_reviews']} 次。\n"
    )
    return {f"{key}_2019": value for key, value in counts.items()}


def seed_recent(stdout, today: dt.date | None = None) -> Mapping[str, int]:
    """The recent year's incidents and its two typical cases with corrective actions in every state."""
    if Incident.objects.exclude(called_at__year=SEED_YEAR).exists():
        stdout.write("corps: 演示警情已存在，未作改动。\n")
        return {}
    stations = _stations()
    if not stations:
        return {}
    today = today or timezone.localdate()
    rng = random.Random(20190322)
    counts = Counter(incidents=_year(rng, today - dt.timedelta(days=365), stations))
    counts.update(_cases(RECENT_CASES, stations, today=today))
    stdout.write(
        f"corps: 警情 {counts['incidents']} 起（含两起典型战例），战例研讨 {counts['case_reviews']} 次。\n"
    )
    return dict(counts)


def seed(stdout, today: dt.date | None = None) -> Mapping[str, int]:
    counts = dict(seed_seed_year(stdout, today))
    counts.update(seed_recent(stdout, today))
    return counts
