"""Demo data of the discipline records (called from the integrity demo seed):

- clues in every disposal state (one registered a month ago and now overdue), registered and disposed by
  ``zhidui_discipline``, and the exchange log with the city procuratorate linked to them;
- a registered phone and this year's credit-check record for every officer, and a family pledge for most (a
  few officers have not declared yet, so the compliance page has something to show);
- warning-education sessions with rosters, public 述职述廉 of enforcement staff, the ten service measures with
  their status.

Clues and education go through the services; the declarations of every officer are bulk inserts (the demo
set is seeded once per test session and must stay fast)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from flameblue.integrity.discipline import services
from flameblue.integrity.discipline.models import Clue, CreditCheck, FamilyPledge, PhoneRegistration
from flameblue.integrity.discipline.policy import measures_in_force
from flameblue.integrity.discipline.sweep import sweep_clues
from flameblue.org.choices import FIRE_SERVICE_KINDS, OrgKind
from flameblue.org.models import Organization, Person
from flameblue.org.models import User as UserModel

__all__ = ["seed"]

#: (source, days ago received, the disposal path taken, summary)
CLUES = [
    ("letter", 30, [], "群众来信反映其在消防检查中态度生硬、吃拿卡要"),
    ("inspection", 60, ["preliminary"], "督察发现其经办的检查记录与现场照片不一致"),
    ("sweep", 70, ["talk"], "大起底排查：反映其亲属承揽辖区单位消防维保业务"),
    ("letter", 120, ["shelved"], "匿名反映其接受管理对象宴请，线索笼统"),
    ("procuratorate", 150, ["preliminary", "filed"], "检察院移送：涉嫌在验收中违规收受礼金"),
    ("inspection", 200, ["talk", "closed"], "反映其公车私用，经谈话函询说明属实已纠正"),
    ("audit", 260, ["preliminary", "filed", "concluded"], "审计发现其报销凭证不实，已立案审查并结案"),
]
MODELS = ["华为 Mate 60", "小米 14", "OPPO Reno 11", "vivo X100", "荣耀 Magic6", "iPhone 15"]


def _user(username: str):
    return UserModel.objects.filter(username=username).select_related("person").first()


def _officers() -> list[Person]:
    return list(
        Person.objects.filter(organization__kind__in=FIRE_SERVICE_KINDS, is_active=True)
        .select_related("organization")
        .order_by("organization_id", "id")
    )


def _clues(officers: list[Person], today: dt.date, by, counts: Counter) -> list[Clue]:
    subjects = [p for p in officers if p.organization.kind != OrgKind.DETACHMENT_OFFICE] or officers
    clues = []
    for n, (source, ago, path, summary) in enumerate(CLUES):
        received = today - dt.timedelta(days=ago)
        clue = services.clue_register(
            by=by,
            source=source,
            subject=subjects[(3 * n) % len(subjects)],
            received_on=received,
            summary=summary,
        )
        day = received
        for step in path:
            day = min(day + dt.timedelta(days=10), today)
            clue = services.clue_dispose(clue=clue, by=by, to=step, reason=summary[:20], on=day)
        clues.append(clue)
        counts["clues"] += 1
    counts["overdue_clues"] = sweep_clues(today=today).flagged
    return clues


def _exchanges(clues: list[Clue], today: dt.date, by, counts: Counter) -> None:
    moved = clues[4]
    rows = [
        ("received", "clue", moved.received_on, f"亳检移〔{moved.received_on.year}〕3号", "移送线索一件", moved),
        ("sent", "feedback", moved.received_on + dt.timedelta(days=30), f"亳消纪〔{moved.received_on.year}〕7号",
         "初核情况反馈，已立案审查", moved),
        ("sent", "clue", today - dt.timedelta(days=20), f"亳消纪〔{today.year}〕12号",
         "移送涉嫌职务犯罪线索一件", clues[2]),
        ("received", "notice", today - dt.timedelta(days=5), "", "通报近期职务犯罪典型案例", None),
    ]  # fmt: skip
    for direction, kind, on, number, summary, clue in rows:
        services.exchange_log(
            by=by, direction=direction, kind=kind, exchanged_on=min(on, today), document_number=number,
            summary=summary, clue=clue, organization=None if clue else Organization.objects.filter(
                kind=OrgKind.DETACHMENT).order_by("id").first(),
        )  # fmt: skip
        counts["exchanges"] += 1


def _declarations(officers: list[Person], today: dt.date, counts: Counter) -> None:
    """Every officer registers a phone and this year's credit check; one in five has no pledge yet, one in
    seven no credit check (the compliance page lists them)."""
    phones, credits, pledges = [], [], []
    for n, p in enumerate(officers):
        place = {"person": p, "organization_id": p.organization_id, "region_id": p.organization.region_id}
        phones.append(PhoneRegistration(**place, number=f"139{55000000 + p.pk:08d}"[:11],
                                        model_name=MODELS[n % len(MODELS)],
                                        registered_on=today - dt.timedelta(days=30 + n % 200)))  # fmt: skip
        if n % 7 != 3:
            credits.append(CreditCheck(**place, year=today.year, checked_on=dt.date(today.year, 1, 1)
                                       + dt.timedelta(days=n % max((today - dt.date(today.year, 1, 1)).days, 1)),
                                       result="flag" if n % 23 == 5 else "clean"))  # fmt: skip
        if n % 5 != 2:
            pledges.append(FamilyPledge(**place, year=today.year, signed_on=dt.date(today.year, 1, 1)
                                        + dt.timedelta(days=n % 28), family_signatory=f"{p.name[0]}某（配偶）"))  # fmt: skip
    PhoneRegistration.objects.bulk_create(phones, ignore_conflicts=True)
    CreditCheck.objects.bulk_create(credits, ignore_conflicts=True)
    FamilyPledge.objects.bulk_create(pledges, ignore_conflicts=True)
    counts.update(phones=len(phones), credit_checks=len(credits), pledges=len(pledges))


def _education(officers: list[Person], today: dt.date, by, counts: Counter) -> None:
    organizers = [o for o in Organization.objects.filter(kind__in=["detachment", "brigade"]).order_by("id")]
    if not organizers:
        return
    sessions = [
        ("film", "观看警示教育片《零容忍》", 75), ("talk", "市纪委监委专题警示教育讲座", 40),
        ("film", "观看警示教育片《国家监察》", 10),
    ]  # fmt: skip
    for n, (kind, title, ago) in enumerate(sessions):
        org = organizers[n % len(organizers)]
        roster = [p for p in officers if p.organization.region_id.startswith(org.region_id)][:40] or officers[
            :10
        ]
        services.warning_session_record(
            by=by, kind=kind, title=title, held_on=today - dt.timedelta(days=ago), organization=org,
            attendees=roster, place="会议室",
        )  # fmt: skip
        counts["warning_sessions"] += 1
    enforcers = [p for p in officers if p.organization.kind in ("brigade", "fulltime_brigade")][:4]
    for n, person in enumerate(enforcers):
        services.integrity_report_record(
            by=by, person=person, held_on=today - dt.timedelta(days=20 + 15 * n),
            audience="服务对象、社会单位和街道代表", audience_size=18 + 3 * n,
            rating=["excellent", "good", "excellent", "fair"][n], remarks="执法规范，服务热情",
        )  # fmt: skip
        counts["integrity_reports"] += 1


def _measures(by, counts: Counter) -> None:
    states = ["done", "done", "done", "active", "done", "active", "done", "active", "planned", "active"]
    for measure, status in zip(measures_in_force(), states, strict=False):
        services.measure_update(measure=measure, by=by, status=status,
                                progress="已制定工作方案并组织实施" if status != "planned" else "")  # fmt: skip
        counts["measures"] += 1


def seed(today: dt.date) -> Counter:
    """Seed the discipline records once (nothing when clues exist already)."""
    counts: Counter = Counter()
    officers = _officers()
    if Clue.objects.exists() or not officers:
        return counts
    discipline = _user("zhidui_discipline")
    by = discipline if discipline is not None and discipline.person_id else None
    clues = _clues(officers, today, by, counts)
    _exchanges(clues, today, by, counts)
    _declarations(officers, today, counts)
    _education(officers, today, by, counts)
    _measures(by, counts)
    return counts
