"""Governance demo data for Bozhou (``flameblue seed-demo``), for 2019 and the current year:

- the committees' composition for each year (director, deputy, member units with liaisons, the office
  hosted by the fire service);
- meetings of every mechanism (全体会议、研判、协调、会商、督导) of the city committee and the four county
  committees (the committee organizations of the org tree), each with decisions whose action items go to the
  county governments and city departments (city) or to the county's departments and townships (counties) —
  in every state: closed, answered on time and late, sent back, open, and open past the feedback date (the
  sweep flags and escalates those at the end);
- target-responsibility letters: 2019's between the city and the four county governments and the city's
  departments, all signed with a scanned copy; this year's prepared in one batch by the city (the county
  governments and part of the departments signed) and by 利辛县 for its departments and townships;
- the city's 2018 assessment of the county governments, self-assessed, reviewed and published
  (``assessment/demo.py``);
- government records (政府研究部署): the city party committee's and government's standing meetings that
  studied fire safety, the policy document on township fire-safety work, leaders' inspection visits with
  what they found — their decisions go to the county governments as action items — and each county
  government's executive meeting;
- the situation-analysis due list of every committee for this year (the sweep makes and flags it).

Everything goes through the services with the dates of the story, so timelines read as they happened. A
second run finds the first meeting of 2019 and changes nothing."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from collections.abc import Mapping

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models.functions import Length
from django.utils import timezone
from PIL import Image

from flameblue.core.scoping import in_region
from flameblue.governance import letters, services
from flameblue.governance.analysis import sweep_situation_analyses
from flameblue.governance.assessment.demo import seed_assessment
from flameblue.governance.choices import ActionItemStatus, MeetingKind, RecordKind
from flameblue.governance.models import ActionItem, Committee, Meeting, ResponsibilityLetter
from flameblue.governance.sweep import sweep_action_items
from flameblue.org.choices import OrgKind
from flameblue.org.models import Membership, Organization

__all__ = ["MARKER", "seed"]

CITY = "3416"
MARKER = "2019年亳州市消防安全委员会全体会议"

K = MeetingKind
#: (month, day, kind, title, topics, decisions) of each committee's year.
SCHEDULE: list[tuple[int, int, str, str, str, list[str]]] = [
    (1, 18, K.PLENARY, "{year}年{name}全体会议", "总结上年度消防工作，部署本年度消防工作任务，调整委员会成员",
     ["层层签订年度消防工作目标管理责任书", "开展冬春火灾防控和春节期间消防安全检查"]),
    (3, 25, K.ANALYSIS, "{year}年一季度消防安全形势研判会", "分析一季度火灾形势和重大火灾隐患整改进展",
     ["对一季度发现的突出隐患逐一落实整改责任"]),
    (5, 20, K.SUPERVISION, "{year}年消防安全责任制落实情况督导", "督导成员单位落实行业消防安全监管责任",
     ["针对督导发现的问题，于限期内完成整改并书面报告"]),
    (6, 28, K.ANALYSIS, "{year}年二季度消防安全形势研判会", "研判夏季高温和“九小场所”火灾风险",
     ["开展“九小场所”消防安全专项检查"]),
    (7, 15, K.COORDINATION, "老旧小区消防车通道治理协调会", "协调住建、公安、城管等部门清理占用消防车通道",
     ["住建、公安等部门联合清理占用、堵塞消防车通道问题"]),
    (9, 22, K.ANALYSIS, "{year}年三季度消防安全形势研判会", "分析三季度火灾形势，部署国庆期间消防安保",
     ["落实国庆期间人员密集场所消防安全检查"]),
    (10, 20, K.CONSULTATION, "电动自行车火灾防控会商会", "会商电动自行车集中充电设施建设和进楼入户治理",
     ["推进住宅小区电动自行车集中充电设施建设"]),
    (11, 26, K.SUPERVISION, "{year}年冬季火灾防控工作督导", "督导冬季火灾防控和重大火灾隐患挂牌督办进展",
     ["对挂牌督办的重大火灾隐患逐项核销"]),
]  # fmt: skip


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _scan(name: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 80), (250, 250, 245)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def _owners(committee: Organization) -> list[Organization]:
    """Who a committee gives action items to: the county governments and the city's departments of
    education, health and housing (city); the county's departments of education, health and housing and its
    first two townships (county)."""
    government = committee.parent
    if government is None:
        return []
    depts = list(
        Organization.objects.filter(
            parent=government,
            kind=OrgKind.DEPARTMENT,
            industry_id__in=("education", "health", "housing"),
        ).order_by("name")
    )
    lower = list(
        Organization.objects.filter(parent=government, kind=OrgKind.GOVERNMENT).order_by("region_id")
    )
    return (lower if len(committee.region_id) == 4 else lower[:2]) + depts


def _settle(item: ActionItem, index: int, today: dt.date, counts: Counter) -> None:
    """Move one item along its story: answered on time (or, every fifth, late), then closed — except the
    recent ones, which stay answered, sent back, or open."""
    due = item.feedback_due_on
    if due >= today:  # not yet due: some answered early, the rest open
        if index % 3 == 0 and due - dt.timedelta(days=10) <= today:
            services.action_item_answer(item=item, by=None, answer="已按要求部署落实。", at=_at(today, 9))
        return
    if today - due <= dt.timedelta(days=60) and index % 2 == 0:
        return  # open past its feedback date: the sweep flags and escalates it
    late = index % 5 == 4
    answered_on = due + dt.timedelta(days=3) if late else due - dt.timedelta(days=2)
    answered_on = min(answered_on, today)
    item = services.action_item_answer(
        item=item, by=None, at=_at(answered_on), answer="已召开专题会议部署，组织检查并完成整改，附检查清单。"
    )
    counts["answered_late" if late else "answered"] += 1
    closing = answered_on + dt.timedelta(days=4)
    if closing > today or (today - due <= dt.timedelta(days=45) and index % 3 == 1):
        return  # answered, awaiting the committee office
    if index % 7 == 3 and due.year == today.year and closing + dt.timedelta(days=10) < today:
        services.action_item_return(item=item, by=None, reason="反馈材料不全，请补充检查清单和整改照片。",
                                    feedback_due_on=today + dt.timedelta(days=10))  # fmt: skip
        counts["returned"] += 1
        return
    services.action_item_close(item=item, by=None, reason="落实到位，予以办结。", at=_at(closing, 16))


def _meetings(committee: Committee, year: int, today: dt.date, counts: Counter) -> None:
    owners = _owners(committee)
    short = committee.name.removesuffix("消防安全委员会")
    for month, day, kind, title, topics, decisions in SCHEDULE:
        held_on = dt.date(year, month, day)
        if held_on > today:
            continue
        meeting = services.meeting_create(
            by=None, committee=committee, kind=kind, title=title.format(year=year, name=committee.name),
            held_on=held_on, chair=f"{short}分管消防工作负责同志", topics=topics,
            attendees=f"{committee.name}成员单位负责同志、办公室工作人员",
            minutes="会议听取了消防救援机构和有关成员单位的汇报，研究议定事项如下。", at=_at(held_on, 17),
        )  # fmt: skip
        counts["meetings"] += 1
        for text in decisions:
            if not owners:
                break
            decision = services.decision_add(
                by=None, meeting=meeting, text=text, owners=owners, due_on=held_on + dt.timedelta(days=45),
                at=_at(held_on, 18),
            )  # fmt: skip
            for index, item in enumerate(decision.action_items.order_by("owner__region_id", "owner__name")):
                counts["action_items"] += 1
                _settle(item, index + month, today, counts)


def _staff(org: Organization) -> list[tuple[str, str]]:
    """(name, title) of an organization's people, in membership order."""
    rows = Membership.objects.filter(organization=org).select_related("person").order_by("pk")
    return [(m.person.name, m.title) for m in rows]


def _roster(committee: Committee, year: int, today: dt.date, counts: Counter) -> None:
    """The year's composition (调整消防安全委员会组成人员): the government's head as director, its deputy in
    charge of fire safety as deputy, the fire service hosting the office, and every department and lower
    government as a member unit with its staff as liaison."""
    government = committee.parent
    adjusted_on = min(dt.date(year, 1, 10), today)
    host = (
        Organization.objects.filter(kind=OrgKind.BRIGADE, region_id=committee.region_id).first()
        or Organization.objects.filter(kind=OrgKind.DETACHMENT, region_id=committee.region_id).first()
    )
    if government is None or host is None:
        return
    leaders, host_staff = _staff(government), _staff(host)
    seats = [{"position": "director", "organization": government, "person_name": leaders[0][0] if leaders else "—",
              "title": leaders[0][1] if leaders else ""}]  # fmt: skip
    seats += [
        {"position": "deputy", "organization": government, "person_name": n, "title": t}
        for n, t in leaders[1:2]
    ]
    if host_staff:
        seats.append({"position": "office_director", "organization": host, "person_name": host_staff[0][0],
                      "title": host_staff[0][1]})  # fmt: skip
    members = Organization.objects.filter(
        parent=government, kind__in=(OrgKind.DEPARTMENT, OrgKind.GOVERNMENT), is_active=True
    ).order_by("kind", "region_id", "name")
    if not members:
        return
    for member in members:
        staff = _staff(member)
        name, title = staff[0] if staff else ("—", "")
        seats.append({"position": "member", "organization": member, "person_name": name, "title": title,
                      "liaison_name": name})  # fmt: skip
    short = committee.name.removesuffix("消防安全委员会")[:2]
    services.roster_adjust(
        by=None, committee=committee, year=year, adjusted_on=adjusted_on, office_host=host, seats=seats,
        document_no=f"{short}消委〔{year}〕1号", reason="因人事变动调整委员会组成人员",
    )  # fmt: skip
    counts["rosters"] += 1


def _sign(letter: ResponsibilityLetter, signed_on: dt.date) -> None:
    letters.letter_sign(
        letter=letter, by=None, signed_on=signed_on, issuer_signer=f"{letter.issuer.name}主要负责同志",
        signatory_signer=f"{letter.signatory.name}主要负责同志", scan=_scan(f"责任书-{letter.signatory.name}.png"),
        at=_at(signed_on, 15),
    )  # fmt: skip


def _letters(city: Organization, today: dt.date, counts: Counter) -> None:
    first = letters.letters_prepare_batch(by=None, issuer=city, year=2019)
    for index, letter in enumerate(first.created):
        _sign(letter, dt.date(2019, 1, 18) + dt.timedelta(days=index % 10))
    counts["letters"] += len(first.created)
    current = letters.letters_prepare_batch(by=None, issuer=city, year=today.year)
    counts["letters"] += len(current.created)
    signed_on = min(dt.date(today.year, 1, 20), today)
    for index, letter in enumerate(current.created):
        if letter.signatory.kind == OrgKind.GOVERNMENT or index % 3 == 0:
            _sign(letter, signed_on)
    lixin = Organization.objects.filter(kind=OrgKind.GOVERNMENT, region_id="341623").first()
    if lixin is not None:
        county = letters.letters_prepare_batch(by=None, issuer=lixin, year=today.year)
        counts["letters"] += len(county.created)
        for letter in county.created:
            if letter.signatory.kind == OrgKind.DEPARTMENT:
                _sign(letter, signed_on)


RK = RecordKind
#: (month, day, kind, title, document number, leaders, summary, findings, decision) of the city's year.
CITY_RECORDS = [
    (
        1,
        8,
        RK.PARTY_STANDING,
        "{year}年市委常委会议研究消防工作",
        "",
        "市委书记",
        "听取全市消防工作情况汇报，研究部署冬春火灾防控和消防安全责任制落实",
        "",
        "",
    ),
    (
        2,
        20,
        RK.EXECUTIVE,
        "市政府第{n}次常务会议",
        "亳政纪〔{year}〕{n}号",
        "市长",
        "研究消防工作目标管理责任书和年度消防工作要点",
        "",
        "各县区政府组织签订本级消防工作目标管理责任书",
    ),
    (
        3,
        15,
        RK.POLICY,
        "关于进一步加强和改进乡镇（街道）消防安全工作的实施意见",
        "亳政办〔{year}〕{n}号",
        "",
        "明确乡镇（街道）消防安全职责、消防安全管理站和专职消防队建设要求",
        "",
        "各县区政府制定乡镇（街道）消防安全管理站建设方案并报送市消安委办公室",
    ),
    (
        1,
        25,
        RK.VISIT,
        "市领导检查春节期间消防安全工作",
        "",
        "分管副市长",
        "检查商场、医院、养老机构和烟花爆竹经营点",
        "个别商场安全出口锁闭、疏散通道堆放杂物；养老机构夜间值班人员不足",
        "各县区政府组织对人员密集场所安全出口和疏散通道开展排查整治",
    ),
]


def _records(city: Organization, year: int, today: dt.date, counts: Counter) -> None:
    counties = list(Organization.objects.filter(
        kind=OrgKind.GOVERNMENT, parent=city, is_active=True
    ).order_by("region_id")) or list(Organization.objects.annotate(n=Length("region_id")).filter(
        kind=OrgKind.GOVERNMENT, region_id__startswith=CITY, n=6, is_active=True).order_by("region_id"))  # fmt: skip
    for index, (month, day, kind, title, number, leaders, summary, findings, decision) in enumerate(
        CITY_RECORDS
    ):
        held_on = dt.date(year, month, day)
        if held_on > today:
            continue
        record = services.record_create(
            by=None, government=city, kind=kind, title=title.format(year=year, n=index + 3), held_on=held_on,
            document_no=number.format(year=year, n=index + 3), leaders=leaders, summary=summary,
            findings=findings, at=_at(held_on, 17),
        )  # fmt: skip
        counts["records"] += 1
        if decision and counties:
            made = services.decision_add(
                by=None, record=record, text=decision, owners=counties, due_on=held_on + dt.timedelta(days=30),
                at=_at(held_on, 18),
            )  # fmt: skip
            for position, item in enumerate(made.action_items.order_by("owner__region_id")):
                counts["action_items"] += 1
                _settle(item, position + month, today, counts)
    for county in counties:
        held_on = dt.date(year, 2, 26)
        if held_on <= today:
            services.record_create(
                by=None, government=county, kind=RK.EXECUTIVE, title=f"{county.name}常务会议研究消防工作",
                held_on=held_on, document_no=f"纪要〔{year}〕2号", leaders="县（区）长",
                summary="传达全市消防工作会议精神，部署本县（区）年度消防工作", at=_at(held_on, 17),
            )  # fmt: skip
            counts["records"] += 1


@transaction.atomic
def seed(stdout) -> Mapping[str, int]:
    if Meeting.objects.filter(title=MARKER).exists():
        stdout.write("governance: 演示委员会会议和责任书已存在，未作改动。\n")
        return {}
    city = Organization.objects.filter(kind=OrgKind.GOVERNMENT, region_id=CITY).first()
    committees = list(
        Committee.objects.annotate(code_length=Length("region_id"))
        .filter(in_region(CITY), code_length__lte=6)
        .select_related("parent")
        .order_by("region_id")
    )
    if city is None or not committees:
        return {}
    today = timezone.localdate()
    counts: Counter = Counter()
    for year in sorted({2019, today.year}):
        for committee in committees:
            _roster(committee, year, today, counts)
            _meetings(committee, year, today, counts)
        _records(city, year, today, counts)
    _letters(city, today, counts)
    seed_assessment(city, _scan, counts)
    counts["overdue_flagged"] = sweep_action_items(today=today).flagged
    counts["analyses_overdue"] = sweep_situation_analyses(today=today).flagged
    open_items = ActionItem.objects.filter(status=ActionItemStatus.OPEN).count()
    stdout.write(
        f"governance: 委员会会议 {counts['meetings']} 次，督办事项 {counts['action_items']} 项（待落实 {open_items}，"
        f"逾期 {counts['overdue_flagged']}），政府研究部署 {counts['records']} 项，目标管理责任书 {counts['letters']} 份，"
        f"形势研判逾期 {counts['analyses_overdue']} 期，"
        f"年度考核 {counts['assessments']} 项（2018年度县区考核已公布）。\n"
    )
    return {
        k: v
        for k, v in counts.items()
        if k in ("rosters", "meetings", "action_items", "letters", "assessments", "records")
    }


#: The scenarios this module takes part in (``flameblue seed-demo --scenario``): its whole seed.
SCENARIOS = {"bozhou-2019": seed}
