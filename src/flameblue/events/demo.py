"""Event-security demo data for Bozhou (``flameblue seed-demo``): the four kinds of major events the detachment
secured in 2019 — 新中国成立70周年大庆, 2019世界制造业大会 (亳州 activities), “两节”“两会”, and the 药博会
(2019中国（亳州）国际中医药博览会暨第35届全国（亳州）中药材交易会) — each with venues at demo units (and an ad-hoc
exhibition ground with its map point), pre-event inspections tagged to the venues (the demo's
venues pass them, so the hazards demo's 2019 figures stay those of the listed hazards; acceptance of an open
hazard is shown by the tests), duty posts with crews and vehicles, a roster for every day, daily reports,
an incident or two and the close-out summary; plus one upcoming event this year still in preparation (one
venue checked, the roster half done), so the readiness page has something to show. A second run finds the
first event and changes nothing."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import timezone

from flameblue.core.errors import DomainError
from flameblue.core.scoping import in_region
from flameblue.events import services
from flameblue.events.choices import VENUE_CONTEXT, IncidentKind
from flameblue.events.models import DailyReport, DutyPost, Event, RosterShift, Venue
from flameblue.events.selectors import open_hazards
from flameblue.inspections.choices import InspectionKind
from flameblue.inspections.demo import Builder
from flameblue.inspections.services import findings_to_hazards
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization, Person
from flameblue.units.models import Unit

__all__ = ["EVENTS", "seed"]

CITY = "3416"
D = dt.date
NAMESPACE = uuid.UUID("0d6f5a52-7c1e-4a43-9b0e-3f2a8e1c9d77")
#: An ad-hoc venue: (name, township, address, latitude, longitude).
EXPO_GROUND = (
    "中药材交易中心主展区",
    "341602001",
    "亳州市谯城区魏武大道与药都路交叉口",
    "33.863600",
    "115.783600",
)


@dataclass
class Spec:
    name: str
    level: str
    organiser: str
    period: tuple[dt.date, dt.date]
    venues: list[str]
    ad_hoc: bool = False
    incidents: list[tuple[int, str, str, str]] = field(default_factory=list)
    summary: str = ""


EVENTS: list[Spec] = [
    Spec("2019年“两节”“两会”期间消防安保", "city", "亳州市人民政府", (D(2019, 1, 28), D(2019, 2, 24)),
         ["亳州万达广场", "亳州市人民医院"],
         incidents=[(5, IncidentKind.ALARM, "万达广场三层烟感误报警", "现场核查为油烟误报，已复位")],
         summary="“两节”“两会”期间全市未发生较大以上火灾，重点场所执勤到位，累计检查单位 126 家。"),
    Spec("2019中国（亳州）国际中医药博览会暨第35届全国（亳州）中药材交易会消防安保", "province", "亳州市人民政府",
         (D(2019, 9, 9), D(2019, 9, 11)), ["亳州万达广场"], ad_hoc=True,
         incidents=[(1, IncidentKind.HAZARD, "主展区临时用电线路私拉乱接", "责令展商立即整改，已拆除")],
         summary="药博会期间设执勤点 4 个，出动执勤人员 180 人次、车辆 24 车次，未发生火灾事故。"),
    Spec("2019世界制造业大会亳州市系列活动消防安保", "province", "亳州市人民政府", (D(2019, 9, 19), D(2019, 9, 23)),
         ["亳州花戏楼", "亳州万达广场"],
         summary="世界制造业大会亳州系列活动消防安保圆满完成，检查场所 12 处，整改隐患 9 处。"),
    Spec("新中国成立70周年大庆消防安保", "national", "亳州市人民政府", (D(2019, 9, 25), D(2019, 10, 8)),
         ["亳州花戏楼", "亳州万达广场", "亳州市人民医院"],
         incidents=[(6, IncidentKind.FIRE, "花戏楼周边商铺电动车充电起火", "站内力量 5 分钟到场扑灭，无人员伤亡")],
         summary="国庆大庆期间全市火灾形势平稳，重点场所“零火灾”，实现“不发生有影响火灾”目标。"),
]  # fmt: skip

POSTS = [("前置执勤点", "皖S·0119 水罐消防车"), ("巡查岗", "")]


def _at(day: dt.date, hour: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _crew(region: str) -> list[Person]:
    kinds = (OrgKind.BRIGADE, OrgKind.STATION, OrgKind.DETACHMENT)
    people = Person.objects.filter(Q(organization__region_id=CITY) | in_region(region[:6], "organization__region_id"),
                                   organization__kind__in=kinds).order_by("pk")  # fmt: skip
    return list(people[:6])


def _roster(
    posts: list[DutyPost], days: list[dt.date], crew: list[Person], *, upto: int | None = None
) -> int:
    """Day and night shifts for every post and day (only the first ``upto`` days), in bulk."""
    shifts = []
    for post in posts:
        for number, day in enumerate(days):
            if upto is not None and number >= upto:
                break
            shifts.append(RosterShift(post=post, date=day, starts_at=dt.time(8), ends_at=dt.time(20)))
            shifts.append(RosterShift(post=post, date=day, starts_at=dt.time(20), ends_at=dt.time(8)))
    RosterShift.objects.bulk_create(shifts, batch_size=1000)
    through = RosterShift.people.through
    links = [
        through(rostershift_id=s.pk, person_id=crew[(i + k) % len(crew)].pk)
        for i, s in enumerate(shifts)
        for k in range(2)
    ]
    through.objects.bulk_create(links, batch_size=2000, ignore_conflicts=True)
    return len(shifts)


class Seeder:
    def __init__(self, today: dt.date) -> None:
        self.today = today
        self.builder = Builder(today)
        self.inspections: list[tuple[Any, Venue]] = []
        self.counts: Counter = Counter()

    def venue(self, event: Event, name: str) -> Venue | None:
        unit = Unit.objects.filter(in_region(CITY), name=name).first()
        if unit is None:
            return None
        return services.venue_add(event=event, by=None, unit=unit)

    def inspect(self, venue: Venue, day: dt.date, brigade: Organization | None) -> None:
        inspection = self.builder.add(InspectionKind.EVENT_SECURITY, venue.unit, day, org=brigade, fail_rate=0.0,
                                      context_type=VENUE_CONTEXT, context_id=str(venue.pk))  # fmt: skip
        if inspection is not None:
            inspection.client_uuid = uuid.uuid5(NAMESPACE, f"{venue.pk}:{day}")
            self.inspections.append((inspection, venue))

    def posts(self, venue: Venue, crew: list[Person]) -> list[DutyPost]:
        made = []
        for name, vehicles in POSTS:
            made.append(services.post_add(venue=venue, by=None, name=f"{venue.name}{name}", vehicles=vehicles,
                                          duty="值守、巡查、初期火灾处置", crew=crew[:3]))  # fmt: skip
        return made

    def write_inspections(self) -> None:
        """Write the inspections in bulk, then turn their findings into hazards (the inspections service)."""
        self.counts.update(self.builder.write())
        for inspection, _venue in self.inspections:
            findings_to_hazards(inspection, None)


def _brigade(region: str) -> Organization | None:
    return Organization.objects.filter(kind=OrgKind.BRIGADE, region_id=region[:6]).first()


def _past(seeder: Seeder, spec: Spec, organiser: Organization) -> tuple[Event, list[DutyPost]]:
    start, end = spec.period
    event = services.event_create(by=None, organiser=organiser, region=organiser.region, name=spec.name,
                                  level=spec.level, starts_on=start, ends_on=end,
                                  description="落实“四个一律”要求，重点场所驻点执勤，每日报送安保日报。")  # fmt: skip
    venues = [v for v in (seeder.venue(event, name) for name in spec.venues) if v is not None]
    if spec.ad_hoc:
        name, region, address, lat, lng = EXPO_GROUND
        ground = services.venue_add(event=event, by=None, name=name, region=_region(region), address=address,
                                    latitude=lat, longitude=lng)  # fmt: skip
        services.venue_site_check(venue=ground, by=None, checked_on=start - dt.timedelta(days=2),
                                  note="展位间距、疏散通道、临时用电检查合格")  # fmt: skip
        venues.append(ground)
    posts: list[DutyPost] = []
    for venue in venues:
        if venue.unit is not None:
            seeder.inspect(venue, start - dt.timedelta(days=5), _brigade(venue.region_id))
        posts += seeder.posts(venue, _crew(venue.region_id))
    return event, posts


def _region(code: str):
    from flameblue.geo.models import Region

    return Region.objects.get(pk=code)


def _secure(event: Event, spec: Spec) -> None:
    """Accept what was left open (the commander's decision), start, report daily, record incidents, end."""
    start, end = spec.period
    for venue in event.venues.all():
        for hazard in open_hazards(venue):
            services.hazard_accept(
                venue=venue, hazard=hazard, by=None, reason="已落实临时措施并专人值守，活动后整改"
            )
    event = services.event_start(event=event, by=None, at=_at(start - dt.timedelta(days=1), 17))
    DailyReport.objects.bulk_create([
        DailyReport(event=event, date=day, summary="各执勤点人员、车辆到岗到位，重点部位巡查无异常。",
                    staff_on_duty=36 + i % 5, vehicles_on_duty=6, checks=4 + i % 3, hazards_found=i % 2,
                    created_at=_at(day, 21))
        for i, day in enumerate(event.days)
    ])  # fmt: skip
    venue = event.venues.order_by("id").first()
    for offset, kind, description, handling in spec.incidents:
        services.incident_add(event=event, by=None, occurred_at=_at(start + dt.timedelta(days=offset), 15),
                              kind=kind, description=description, venue=venue, handled=True, handling=handling)  # fmt: skip
    services.event_end(event=event, by=None, summary=spec.summary, at=_at(end, 22))


def _upcoming(seeder: Seeder, organiser: Organization) -> tuple[Event | None, list[DutyPost]]:
    """This year's next event, in preparation: the mall checked and staffed for half the days, the hospital not."""
    start = seeder.today + dt.timedelta(days=14)
    event = services.event_create(by=None, organiser=organiser, region=organiser.region, level="city",
                                  name=f"{start.year}年岁末年初重大活动消防安保", starts_on=start,
                                  ends_on=start + dt.timedelta(days=4))  # fmt: skip
    posts: list[DutyPost] = []
    for name in ("亳州万达广场", "亳州市人民医院"):
        venue = seeder.venue(event, name)
        if venue is None:
            continue
        if name == "亳州万达广场":
            seeder.inspect(venue, seeder.today - dt.timedelta(days=1), _brigade(venue.region_id))
        posts += seeder.posts(venue, _crew(venue.region_id))
    return event, posts


def seed(stdout) -> Mapping[str, int]:
    if Event.objects.filter(name=EVENTS[0].name).exists():
        stdout.write("events: 演示消防安保已存在，未作改动。\n")
        return {}
    organiser = Organization.objects.filter(kind=OrgKind.GOVERNMENT, region_id=CITY).first()
    if organiser is None:
        return {}
    seeder = Seeder(timezone.localdate())
    past = [(spec, *_past(seeder, spec, organiser)) for spec in EVENTS]
    upcoming, upcoming_posts = _upcoming(seeder, organiser)
    seeder.write_inspections()
    shifts = 0
    for spec, event, posts in past:
        if not posts:
            continue  # no venue in the registry (a small demo): the event stays in preparation
        crew = _crew(event.region_id)
        if not crew:
            continue
        shifts += _roster(posts, event.days, crew)
        try:
            _secure(event, spec)
        except DomainError:
            continue  # a venue could not be checked (no checklist for its place type): still in preparation
    if upcoming_posts and _crew(upcoming.region_id):
        shifts += _roster(upcoming_posts, upcoming.days, _crew(upcoming.region_id), upto=3)
    stdout.write(f"events: 重大活动消防安保 {len(EVENTS) + 1} 项，排班 {shifts} 班次。\n")
    return {"events": len(EVENTS) + 1, "shifts": shifts}


#: The scenarios this module takes part in (``flameblue seed-demo --scenario``): its whole seed.
SCENARIOS = {"bozhou-2019": seed}
