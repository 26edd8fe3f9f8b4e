"""Integrity demo data for Bozhou (``flameblue seed-demo``):

- liaison points: three detachment officers (administrators, political and discipline officers stand in for
  the party committee's members) takes two brigades or stations, and a year of visits (蹲点) is logged — one member skips the
  current quarter, so the due list has something to show;
- declarations of relatives' businesses: ``qiaocheng_fire`` declares a relative's business that is a 谯城区
  unit of the registry (a conflict the 双随机 draw then respects), another officer a fire-technical-service
  firm, two more ordinary businesses;
- drinking reports, pending, approved and refused by ``zhidui_discipline``.

Everything goes through the services. A second run finds the liaison points and changes nothing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from flameblue.core.scoping import in_region
from flameblue.integrity import services
from flameblue.integrity.discipline import demo as discipline_demo
from flameblue.integrity.models import LiaisonPoint
from flameblue.integrity.policy import period_of
from flameblue.integrity.supervision import demo as supervision_demo
from flameblue.org.choices import FIRE_SERVICE_KINDS, OrgKind
from flameblue.org.models import Organization, Person
from flameblue.org.models import User as UserModel
from flameblue.units.models import Unit

__all__ = ["seed"]

WORK = [
    "检查执勤备战和灭火救援装备",
    "讲专题党课，听取干部职工意见",
    "参加班组操法训练，检查训练记录",
    "检查营区安全和内务秩序",
]


#: The roles whose holders at the detachment stand in for the party committee's members.
COMMITTEE_ROLES = ("detachment_admin", "political_officer", "discipline_officer")


def _members() -> list[Person]:
    return list(
        Person.objects.filter(
            organization__kind__in=[OrgKind.DETACHMENT, OrgKind.DETACHMENT_OFFICE],
            is_active=True,
            memberships__role__code__in=COMMITTEE_ROLES,
            memberships__is_active=True,
        )
        .distinct()
        .order_by("organization_id", "id")[:3]
    )


def _quarters(since: dt.date, today: dt.date) -> list[dt.date]:
    """The first day of every quarter from the one containing ``since`` to the one containing ``today``."""
    starts, day = [], period_of("quarter", since)[0]
    while day <= today:
        starts.append(day)
        day = period_of("quarter", day)[1] + dt.timedelta(days=1)
    return starts


def _points(members: list[Person], today: dt.date, counts: Counter) -> None:
    places = list(
        Organization.objects.filter(kind__in=["brigade", "station"]).order_by("region_id", "kind", "id")
    )
    if not places:
        return
    since = dt.date(today.year - 1, today.month, 1)
    for n, member in enumerate(members):
        # Two places each, wrapping round when the org tree is small (the places are shared then).
        for org in {places[(2 * n + k) % len(places)] for k in range(min(2, len(places)))}:
            point = services.liaison_point_create(by=None, member=member, organization=org, since=since)
            counts["points"] += 1
            current = period_of("quarter", today)[0]
            for quarter in _quarters(since, today):
                # The last member has not been out this quarter yet: the due list shows it.
                if n == len(members) - 1 and quarter == current:
                    continue
                day = max(min(quarter + dt.timedelta(days=14 + 3 * n), today), since)
                services.liaison_visit_log(
                    by=None, point=point, visited_on=day, work=WORK[counts["visits"] % len(WORK)],
                    problems="个别车辆器材保养记录不全" if counts["visits"] % 3 == 0 else "",
                    follow_up="站长负责，一周内补齐" if counts["visits"] % 3 == 0 else "",
                )  # fmt: skip
                counts["visits"] += 1


def _user(username: str):
    return UserModel.objects.filter(username=username).select_related("person").first()


def _declarations(today: dt.date, counts: Counter) -> None:
    qiaocheng = _user("qiaocheng_fire")
    unit = Unit.objects.filter(in_region("341602")).order_by("id").first()
    if qiaocheng is not None and unit is not None:
        services.relative_business_declare(
            by=qiaocheng, year=today.year, relative_name="王某", relation="sibling", enterprise_name=unit.name,
            uscc=unit.credit_code, township=unit.region, business_scope="经营管理",
        )  # fmt: skip
        counts["declarations"] += 1
    others = [
        (
            "mengcheng_fire",
            "张某",
            "spouse",
            "蒙城县安达消防技术服务有限公司",
            "消防设施维护保养、检测；消防安全评估",
        ),
        ("woyang_fire", "赵某", "child", "涡阳县惠民超市", "日用百货零售"),
        ("teqin_station", "刘某", "parent", "亳州市谯城区刘记药材行", "中药材购销"),
    ]
    for username, relative, relation, name, scope in others:
        user = _user(username)
        if user is None or user.person is None:
            continue
        services.relative_business_declare(
            by=user, year=today.year, relative_name=relative, relation=relation, enterprise_name=name,
            business_scope=scope,
        )  # fmt: skip
        counts["declarations"] += 1


def _drinking(today: dt.date, counts: Counter) -> None:
    discipline = _user("zhidui_discipline")
    stories = [
        ("qiaocheng_fire", 3, "亳州市谯城区家中", "侄子婚宴", True),
        ("lixin_fire", 5, "利辛县城关镇酒店", "父亲七十寿宴", True),
        ("mengcheng_fire", 2, "蒙城县某饭店", "同学聚会", False),
        ("teqin_station", 6, "家中", "春节家宴", None),
    ]
    for username, days, place, reason, approve in stories:
        user = _user(username)
        if user is None or user.person is None:
            continue
        report = services.drinking_report(
            by=user,
            occasion_on=today + dt.timedelta(days=days),
            place=place,
            reason=reason,
            companions="亲属",
        )
        counts["drinking_reports"] += 1
        if approve is not None and discipline is not None:
            note = "" if approve else "执勤周期内，不同意"
            services.drinking_decide(report=report, by=discipline, approve=approve, note=note)


@transaction.atomic
def seed(stdout) -> Mapping[str, int]:
    counts = Counter(_seed_party_and_declarations(stdout))
    counts.update(supervision_demo.seed(stdout))  # supervision of the corps, after the liaison points
    return dict(counts)


def _seed_party_and_declarations(stdout) -> Mapping[str, int]:
    if LiaisonPoint.objects.exists():
        stdout.write("integrity: 演示联系点和廉政申报已存在，未作改动。\n")
        return {}
    members = [m for m in _members() if m.organization.kind in FIRE_SERVICE_KINDS]
    if not members:
        return {}
    today = timezone.localdate()
    counts: Counter = Counter()
    _points(members, today, counts)
    _declarations(today, counts)
    _drinking(today, counts)
    counts.update(discipline_demo.seed(today))  # 廉政监督 (clues, declarations, education, measures)
    stdout.write(
        f"integrity: 联系点 {counts['points']} 个，蹲点 {counts['visits']} 次，近亲属经商办企业申报 "
        f"{counts['declarations']} 项，饮酒报备 {counts['drinking_reports']} 件。\n"
    )
    return dict(counts)


#: The scenarios this module takes part in (``flameblue seed-demo --scenario``): its whole seed.
SCENARIOS = {"bozhou-2019": seed}
