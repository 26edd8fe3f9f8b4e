"""Enforcement demo data for Bozhou (``flameblue seed-demo``): the leader of each county brigade (the person
titled 大队长, else the brigade's first officer) gets the 消防救援机构负责人 role; the first two brigades get
realistic cases dated back from today in working days, all through the services —

- 临时查封: a KTV whose exits were locked (sealed and lifted after rectification), a warehouse whose sprinkler
  system is out of order (sealed, the unit applied yesterday to lift it: the on-site check is due), and a
  三合一 shop storing LPG (proposed two working days ago: the collective review and service are due);
- 营业前消防安全检查: a restaurant on the 告知承诺 path (licensed, verification running), a cinema on the standard
  path (accepted, the 10-working-day check nearly due) and a hotel checked and passed;
- the leaders of 谯城区 and 蒙城县 get demo log-ins ``qiaocheng_chief`` and ``mengcheng_chief`` (demo password)
  when they have none, so the collective decision can be tried;
- 大型群众性活动: the medicine fair (中药材交易会) in three weeks (accepted, check due the day before) and a
  lantern festival checked and held last month.

A second run finds the cases and changes nothing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils import timezone

from flameblue.core.scoping import in_region
from flameblue.enforcement import services
from flameblue.enforcement.models import PreOpeningCheck, Sealing
from flameblue.hazards.choices import HazardSource
from flameblue.hazards.models import Hazard
from flameblue.hazards.services import hazard_report
from flameblue.org.choices import OrgKind
from flameblue.org.models import Membership, Organization, Role, User
from flameblue.units.choices import OperatingStatus
from flameblue.units.models import Unit
from flameblue.workdays.services import add_working_days

__all__ = ["seed"]

PARTICIPANTS = ["大队长", "分管副大队长", "防火监督员", "法制员"]

SEALINGS = [
    {"premises": "二层KTV包间区域", "ground": "exits", "facts": "营业期间两处安全出口上锁，疏散走道堆放酒水货物，已不具备安全疏散条件",
     "state": "lifted"},
    {"premises": "一号仓库", "ground": "systems", "facts": "自动喷水灭火系统管网拆除、报警阀组损坏，不再具备灭火功能",
     "state": "lift_requested"},
    {"premises": "一层门面及二层住人区域", "ground": "dangerous_goods", "facts": "三合一场所内存放液化石油气钢瓶5只",
     "state": "proposed"},
]  # fmt: skip


def _wd(today: dt.date, n: int) -> dt.date:
    return add_working_days(today, n).date


def _leaders(counts: Counter) -> dict[int, User | None]:
    """brigade id → the account of its leader, who is given the fire_leader role once."""
    role = Role.objects.filter(code="fire_leader").first()
    leaders: dict[int, User | None] = {}
    for brigade in Organization.objects.filter(in_region("3416"), kind=OrgKind.BRIGADE).order_by("region_id"):
        staff = Membership.objects.filter(organization=brigade, is_active=True).select_related("person")
        chief = staff.filter(title__contains="大队长").exclude(title__contains="副").order_by("pk").first()
        chief = chief or staff.order_by("pk").first()
        if chief is None or role is None:
            leaders[brigade.pk] = None
            continue
        _m, created = Membership.objects.get_or_create(
            person=chief.person, organization=brigade, role=role, defaults={"title": chief.title or "大队长"}
        )
        counts["leader_roles"] += created
        leaders[brigade.pk] = _account(chief.person, brigade, counts)
    return leaders


#: Demo log-ins for the brigade leaders who decide sealings (password: settings.DEMO_PASSWORD).
LEADER_ACCOUNTS = {"341602": "qiaocheng_chief", "341622": "mengcheng_chief"}


def _account(person: Any, brigade: Organization, counts: Counter) -> User | None:
    user = User.objects.filter(person=person, is_active=True).first()
    username = LEADER_ACCOUNTS.get(brigade.region_id)
    if user is None and username and not User.objects.filter(username=username).exists():
        user = User(username=username, person=person, password_changed_at=timezone.now())
        user.set_password(settings.DEMO_PASSWORD)
        user.save()
        counts["leader_accounts"] += 1
    return user


def _hazard(unit: Unit, facts: str) -> Hazard:
    found = Hazard.objects.filter(unit=unit).order_by("pk").first()
    return found or hazard_report(by=None, unit=unit, description=facts, source=HazardSource.SUPERVISION)


def _sealing(case: dict[str, Any], unit: Unit, leader: User | None, today: dt.date) -> Sealing:
    state = case["state"]
    start = {"lifted": -30, "lift_requested": -12, "proposed": -2}[state]
    inspected = _wd(today, start)
    sealing = services.sealing_propose(by=None, hazard=_hazard(unit, case["facts"]), ground=case["ground"],
                                       premises=case["premises"], facts=case["facts"], inspected_on=inspected,
                                       method="张贴临时查封决定书，在出入口加贴封条")  # fmt: skip
    if state == "proposed":
        return sealing
    sealing = services.sealing_decide(sealing, by=leader, seal=True, participants=PARTICIPANTS, held_on=_wd(inspected, 1),
                                      opinion="经集体研究，该情形符合《消防监督检查规定》第二十二条，决定临时查封")  # fmt: skip
    sealing = services.sealing_serve(sealing, by=None, served_on=_wd(inspected, 2))
    sealing = services.sealing_execute(sealing, by=None, executed_on=_wd(inspected, 3))
    requested = _wd(today, -1) if state == "lift_requested" else _wd(inspected, 13)
    sealing = services.sealing_request_lift(sealing, by=None, requested_on=requested,
                                            statement="隐患已整改完毕，申请解除临时查封")  # fmt: skip
    if state == "lift_requested":
        return sealing
    sealing = services.sealing_check_lift(sealing, by=None, checked_on=_wd(requested, 2), passed=True,
                                          notes="现场检查，安全出口已开启，疏散走道畅通")  # fmt: skip
    return services.sealing_lift(sealing, by=leader, lifted_on=_wd(requested, 3))


def _preopening(units: list[Unit], today: dt.date, counts: Counter) -> None:
    rows = [("蜀香源火锅店", "commitment", -6, None), ("横店电影城亳州店", "standard", -9, None),
            ("亳州君澜大酒店", "standard", -25, -16)]  # fmt: skip
    for n, (name, path, applied, checked) in enumerate(rows):
        unit = units[n % len(units)]
        check = services.preopening_apply(
            by=None, unit=unit, place_name=name, address=unit.address or unit.name, area_m2=Decimal(600 + 400 * n),
            applicant=f"{name}经营者", path=path, applied_on=_wd(today, applied),
        )  # fmt: skip
        check = services.preopening_accept(check, by=None, accepted_on=_wd(today, applied + 1))
        if checked is not None:
            services.preopening_decide(check, by=None, checked_on=_wd(today, checked), passed=True,
                                       findings="消防设施完好有效，疏散通道畅通，员工经岗前消防培训")  # fmt: skip
        counts["preopening"] += 1


def _events(unit: Unit, today: dt.date, counts: Counter) -> None:
    fair = services.event_apply(by=None, unit=unit, event_name="全国（亳州）中药材交易会", venue="亳州国际会展中心",
                                starts_on=today + dt.timedelta(days=21), ends_on=today + dt.timedelta(days=24),
                                expected_attendance=30000, applied_on=_wd(today, -3))  # fmt: skip
    services.event_accept(fair, by=None, accepted_on=_wd(today, -2))
    lantern = services.event_apply(by=None, unit=unit, event_name="亳州古城元宵灯会", venue="亳州古城北关历史街区",
                                   starts_on=today - dt.timedelta(days=30), ends_on=today - dt.timedelta(days=28),
                                   expected_attendance=12000, applied_on=today - dt.timedelta(days=45))  # fmt: skip
    lantern = services.event_accept(lantern, by=None, accepted_on=today - dt.timedelta(days=44))
    services.event_decide(lantern, by=None, checked_on=today - dt.timedelta(days=31), passed=True,
                          findings="灯组电气线路敷设规范，疏散通道和消防车通道畅通，消防力量前置到位")  # fmt: skip
    counts["events"] += 2


def seed(stdout=None) -> Mapping[str, int]:
    if Sealing.objects.exists() or PreOpeningCheck.objects.exists():
        return {}
    today = timezone.localdate()
    counts: Counter = Counter()
    leaders = _leaders(counts)
    brigades = Organization.objects.filter(pk__in=list(leaders)).order_by("region_id")[:2]
    for n, brigade in enumerate(brigades):
        units = list(
            Unit.objects.filter(in_region(brigade.region_id))
            .exclude(status=OperatingStatus.CLOSED)
            .order_by("pk")[:6]
        )
        if not units:
            continue
        for k, case in enumerate(SEALINGS if n == 0 else SEALINGS[1:2]):
            _sealing(case, units[k % len(units)], leaders[brigade.pk], today)
            counts["sealings"] += 1
        _preopening(units, today, counts)
        _events(units[0], today, counts)
    if stdout is not None and counts:
        stdout.write("执法程序演示数据：" + "，".join(f"{k} {v}" for k, v in sorted(counts.items())) + "\n")
    return +counts
