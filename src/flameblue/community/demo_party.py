"""双拥 demo data beyond partners and teams, for 2019 and the current year (called by ``demo.seed``): the
leading group and its office as memberships (some of 2019's members since replaced), party-committee
meetings each quarter with agenda items tagged by the "四不忘" aspects — with a realistic gap (a brigade that
never analyses, a quarter without a meeting) —, holiday visits to governments, partners and residents with
opinions in every state (open, overdue and flagged by the sweep, answered, closed, sent back), and the two
education programmes with sessions and attendance that leaves some people uncovered. Through the services,
so everything is audited."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from flameblue.community import organization
from flameblue.community.agenda import services as agenda
from flameblue.community.agenda.choices import MeetingKind
from flameblue.community.agenda.models import AgendaTag
from flameblue.community.education import services as education
from flameblue.community.education.models import SessionType
from flameblue.community.models import Partner
from flameblue.community.visits import services as visits
from flameblue.community.visits.choices import VisiteeKind
from flameblue.community.visits.models import Holiday
from flameblue.community.visits.sweep import sweep_opinions
from flameblue.core.scoping import in_region
from flameblue.org import services as org_services
from flameblue.org.choices import OrgKind
from flameblue.org.demo.people import fake_person
from flameblue.org.models import Membership, Organization, Person

__all__ = ["seed_party"]


def _people(org: Organization, n: int, label: str) -> list[Person]:
    """``n`` people of ``org`` who hold no administrator duty (created when the org has too few)."""
    duty = Membership.objects.exclude(role__duty_group="").values("person_id")
    people = list(
        Person.objects.filter(organization=org, is_active=True).exclude(pk__in=duty).order_by("pk")[:n]
    )
    for i in range(len(people), n):
        fake = fake_person(f"community:{org.pk}:{label}:{i}", region=org.region_id)
        people.append(
            org_services.person_create(
                by=None,
                data={
                    "name": fake.name,
                    "organization": org,
                    "gender": fake.gender,
                    "phone": fake.phone,
                    "id_number": fake.id_number,
                    "title": label,
                },
            )  # fmt: skip
        )
    return people


def _leading_group(
    detachment: Organization,
    office: Organization,
    brigades: list,
    stations: list,
    this_year: int,
    counts: Counter,
) -> None:
    chiefs = _people(detachment, 5, "支队领导")
    staff = _people(office, 3, "政治处干部")
    appoint = organization.group_appoint
    group = [(chiefs[0], "组长", 2019, None), (chiefs[1], "副组长", 2019, 2021), (chiefs[4], "副组长", 2022, None),
             (chiefs[2], "成员", 2019, None), (chiefs[3], "成员", 2019, None)]  # fmt: skip
    for person, title, start, end in group:
        appoint(by=None, person=person, organization=detachment, role_code="community_leading_group", title=title,
                year_from=start, year_to=end)  # fmt: skip
    for person, title in ((staff[0], "办公室主任"), (staff[1], "办公室成员"), (staff[2], "联络员")):
        appoint(
            by=None,
            person=person,
            organization=office,
            role_code="community_office",
            title=title,
            year_from=2019,
        )
    for org in brigades:
        appoint(by=None, person=_people(org, 1, "大队教导员")[0], organization=org,
                role_code="community_leading_group", title="组长", year_from=2019)  # fmt: skip
    for org in stations:
        appoint(by=None, person=_people(org, 1, "站指导员")[0], organization=org, role_code="community_office",
                title="联络员", year_from=max(2019, this_year - 2))  # fmt: skip
    counts["group"] += len(group) + 3 + len(brigades) + len(stations)


ITEMS = [
    ("研究部署本季度双拥共建工作", ("topic", "planning")),
    ("分析驻地双拥形势和共建单位意见", ("analysis",)),
    ("听取各大队双拥共建计划落实情况汇报", ("inspection",)),
    ("研究年度教育训练和营区建设", ()),
]


def _meetings(committees: list[Organization], years: list[int], today: dt.date, counts: Counter) -> None:
    tags = {t.code: t for t in AgendaTag.objects.filter(vocabulary="shuangyong", active=True)}
    for year in years:
        for ci, committee in enumerate(committees):
            presenter = _people(committee, 1, "党委委员")[0]
            for quarter in range(1, 5):
                held_on = dt.date(year, quarter * 3 - 1, 10 + ci)
                if held_on > today or (ci == 2 and quarter == 2 and year == today.year):
                    continue  # the third committee held no meeting this second quarter: a gap
                kind = MeetingKind.ENLARGED if quarter == 1 else MeetingKind.COMMITTEE
                meeting = agenda.meeting_create(
                    by=None, committee=committee, kind=kind, held_on=held_on, attendees=[presenter],
                    title=f"{committee.name}党委{'扩大' if quarter == 1 else ''}会议（{year}年第{quarter}季度）",
                )  # fmt: skip
                counts["meetings"] += 1
                for title, codes in ITEMS:
                    if ci == 1 and "analysis" in codes:
                        continue  # the second committee never analyses the 双拥 situation: a gap each quarter
                    if "inspection" in codes and quarter % 2:
                        continue  # inspected twice a year
                    agenda.agenda_item_add(by=None, meeting=meeting, title=title, presenter=presenter,
                                           decision="会议同意，由政治处牵头落实。", tags=[tags[c] for c in codes if c in tags])  # fmt: skip
                    counts["items"] += 1


OPINIONS = [
    "希望消防救援站定期到学校开展消防安全教育和应急疏散演练",
    "建议在社区增设微型消防站并培训志愿消防员",
    "希望节假日加强对老旧小区的消防巡查",
    "建议共建单位职工参加消防救援站开放日活动",
    "希望协调解决消防救援站营区周边道路停车占用消防车通道问题",
]


def _answering(owner: Organization) -> Organization:
    """The owner itself when someone there may answer opinions, else the nearest parent where someone may
    (a station without accounts hands its opinions to its brigade), so the sweep's reminders reach a person."""
    from flameblue.community.visits.sweep import answerers

    org: Organization | None = owner
    while org is not None:
        if answerers(org.pk):
            return org
        org = org.parent
    return owner


def _visit_opinions(visit, owner: Organization, today: dt.date, i: int, counts: Counter) -> None:
    owner = _answering(owner)
    for k in range(1 + i % 2):
        due = visit.visited_on + dt.timedelta(days=30)
        opinion = visits.opinion_add(
            by=None, visit=visit, content=OPINIONS[(i + k) % len(OPINIONS)], owner=owner, due_on=due
        )
        counts["opinions"] += 1
        state = (i + k) % 5
        if due >= today or state == 0:
            continue  # open: not yet due, or overdue (the sweep flags it below)
        opinion = visits.opinion_answer(opinion, by=None, answer="已研究落实，并向对方反馈。")
        if state == 2:
            visits.opinion_close(opinion, by=None, reason="对方表示满意。")
        elif state == 3:
            visits.opinion_return(opinion, by=None, reason="答复过于笼统，请写明具体措施和时限。")


HOLIDAYS = [("spring_festival", 1, 20), ("army_day", 7, 30), ("national_day", 9, 28)]


def _visits(
    brigades: list, partners: list[Partner], years: list[int], today: dt.date, counts: Counter
) -> None:
    holidays = {h.code: h for h in Holiday.objects.filter(active=True)}
    i = 0
    for year in years:
        for code, month, day in HOLIDAYS:
            visited_on = dt.date(year, month, day)
            if visited_on > today or code not in holidays:
                continue
            for brigade in brigades:
                government = Organization.objects.filter(
                    kind=OrgKind.GOVERNMENT, region_id=brigade.region_id
                ).first()
                visit = visits.visit_record(
                    by=None, organization=brigade, holiday=holidays[code], visited_on=visited_on,
                    visitee_kind=VisiteeKind.GOVERNMENT, visitee=government.name if government else f"{brigade.region.name}人民政府",
                    reported="通报本年度消防救援工作和双拥共建情况，感谢地方党委政府的关心支持。",
                    visitors=_people(brigade, 1, "大队教导员"),
                )  # fmt: skip
                counts["visits"] += 1
                _visit_opinions(visit, brigade, today, i, counts)
                i += 1
            for partner in partners[i % 3 :: 6]:
                visit = visits.visit_record(
                    by=None, organization=partner.station, holiday=holidays[code], visited_on=visited_on,
                    visitee_kind=VisiteeKind.PARTNER, partner=partner, reported="走访慰问共建单位，通报共建计划执行情况。",
                )  # fmt: skip
                counts["visits"] += 1
                _visit_opinions(visit, partner.station, today, i, counts)
                i += 1
            station = partners[i % len(partners)].station if partners else None
            if station is not None:
                visit = visits.visit_record(
                    by=None, organization=station, holiday=holidays[code], visited_on=visited_on,
                    visitee_kind=VisiteeKind.RESIDENT, visitee="驻地困难群众和烈军属",
                    reported="送去慰问品，宣传冬季防火和家庭用火用电安全。",
                )  # fmt: skip
                counts["visits"] += 1
                i += 1


PROGRAMMES = [
    ("“不忘初心、牢记使命”主题教育", dt.date(2019, 6, 1), dt.date(2019, 12, 31)),
    ("三查三改三树专题教育", dt.date(2019, 3, 1), dt.date(2019, 6, 30)),
]
SESSIONS = [("lecture", "邀请市委党校教授讲授党史"), ("forum", "青年干部座谈交流"), ("documentary", "观看专题片"),
            ("base_visit", "参观爱国主义教育基地")]  # fmt: skip


def _education(
    detachment: Organization, brigades: list, this_year: int, today: dt.date, counts: Counter
) -> None:
    types = {t.code: t for t in SessionType.objects.filter(active=True)}
    current = (
        "“学训词、铸忠诚、创新业、立新功”专题教育",
        dt.date(this_year, 1, 1),
        dt.date(this_year, 12, 31),
    )
    for p_index, (title, starts, ends) in enumerate([*PROGRAMMES, current]):
        programme = education.programme_create(by=None, title=title, organization=detachment, starts_on=starts,
                                               ends_on=ends, aims="全员参加，确保教育覆盖面。")  # fmt: skip
        counts["programmes"] += 1
        for s_index, (code, name) in enumerate(SESSIONS):
            held_on = min(starts + dt.timedelta(days=20 + 30 * s_index), ends)
            if held_on > today or code not in types:
                continue
            org = detachment if s_index == 0 else brigades[(s_index + p_index) % len(brigades)]
            people = list(Person.objects.filter(in_region(org.region_id, "organization__region_id"), is_active=True,
                                                organization__kind__in=[OrgKind.DETACHMENT, OrgKind.DETACHMENT_OFFICE,
                                                                        OrgKind.BRIGADE, OrgKind.STATION]).order_by("pk"))  # fmt: skip
            attendees = [p for k, p in enumerate(people) if (k + s_index) % 4]  # about a quarter absent
            education.session_record(
                by=None, programme=programme, session_type=types[code], organization=org, title=f"{title}：{name}",
                held_on=held_on, place=org.name, teacher="市委党校王教授" if code == "lecture" else "", attendees=attendees,
            )  # fmt: skip
            counts["sessions"] += 1


def seed_party(
    stations: list[Organization], partners: list[Partner], today: dt.date, counts: Counter
) -> None:
    detachment = Organization.objects.filter(kind=OrgKind.DETACHMENT).order_by("pk").first()
    if detachment is None:
        return
    office = (
        Organization.objects.filter(
            kind=OrgKind.DETACHMENT_OFFICE, parent=detachment, name__contains="政治"
        ).first()
        or detachment
    )
    brigades = list(
        Organization.objects.filter(kind=OrgKind.BRIGADE, parent=detachment).order_by("region_id", "name")
    )
    if not brigades:
        return
    years = sorted({2019, today.year})
    _leading_group(detachment, office, brigades, stations, today.year, counts)
    _meetings([detachment, *brigades], years, today, counts)
    _visits(brigades, partners, years, today, counts)
    counts["flagged"] += sweep_opinions(today=today).flagged
    _education(detachment, brigades, today.year, today, counts)
