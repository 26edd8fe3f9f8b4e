"""Access-matrix cases for the governance pages and API (see tests/matrix.py). The world gets the committee
organizations, a county committee office, a Mengcheng leader and department (out of jurisdiction for
Qiaocheng's records), and — built lazily through the services — a meeting of the Qiaocheng committee with a
decision whose action items are open (education bureau) and answered (health bureau), and the year's letter
between the city and the Qiaocheng government."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from django.utils import timezone

from flameblue.governance import letters, services
from flameblue.org.choices import OrgKind
from tests.factories import org, persona
from tests.governance.conftest import scan
from tests.matrix import Case


def world(w) -> None:
    o = w.orgs
    w.gov = SimpleNamespace()
    w.gov.committee = org("谯城区消防安全委员会", OrgKind.COMMITTEE, "341602", parent=o.qiaocheng_gov)
    o.qiaocheng_gov.parent = o.city_gov
    o.qiaocheng_gov.save()
    w.people.office = persona("qiaocheng_office", w.gov.committee, "government_leader")
    w.people.mengcheng_leader = persona("mengcheng_leader", o.mengcheng_gov, "government_leader")
    w.people.mengcheng_edu = persona("mengcheng_edu", o.mengcheng_edu, "department_supervisor")


def _gov(w) -> SimpleNamespace:
    g = w.gov
    if not hasattr(g, "meeting"):
        today = timezone.localdate()
        g.meeting = services.meeting_create(
            by=None, committee=g.committee, kind="coordination", title="协调会", held_on=today - dt.timedelta(days=3),
            chair="区长", topics="协调学校消防问题",
        )  # fmt: skip
        decision = services.decision_add(
            by=None, meeting=g.meeting, text="专项检查", owners=[w.orgs.qiaocheng_edu, w.orgs.qiaocheng_health],
            due_on=today + dt.timedelta(days=30),
        )  # fmt: skip
        g.open = decision.action_items.get(owner=w.orgs.qiaocheng_edu)
        g.answered = services.action_item_answer(
            item=decision.action_items.get(owner=w.orgs.qiaocheng_health), by=None, answer="已完成"
        )
        g.record = services.record_create(
            by=None, government=w.orgs.qiaocheng_gov, kind="visit", title="区长检查调研", summary="检查商场",
            held_on=today - dt.timedelta(days=2),
        )  # fmt: skip
        g.letter = letters.letter_prepare(
            by=None, issuer=w.orgs.city_gov, signatory=w.orgs.qiaocheng_gov, year=today.year
        )
    return g


def pk(name: str):
    return lambda w: {"pk": getattr(_gov(w), name).pk}


def analysis_pk(w):
    from flameblue.governance.analysis import refresh_dues
    from flameblue.governance.models import AnalysisDue

    refresh_dues(timezone.localdate())
    return {"pk": AnalysisDue.objects.filter(committee=w.gov.committee).first().pk}


def committee_pk(w):
    return {"pk": w.gov.committee.pk}


def roster_pk(w):
    from flameblue.governance.models import CommitteeRoster

    o = w.orgs
    if not CommitteeRoster.objects.exists():
        services.roster_adjust(
            by=None, committee=w.gov.committee, year=timezone.localdate().year, adjusted_on=timezone.localdate(),
            office_host=o.qiaocheng_brigade, seats=[
                {"position": "director", "organization": o.qiaocheng_gov, "person_name": "区长"},
                {"position": "member", "organization": o.qiaocheng_edu, "person_name": "局长"},
            ],
        )  # fmt: skip
    return {"pk": CommitteeRoster.objects.get().pk}


def scheme_pk(w):
    from flameblue.governance.models import AssessmentScheme

    return {"pk": AssessmentScheme.objects.get(code="county-government").pk}


def version(name: str, **extra):
    return lambda w: {"version": getattr(_gov(w), name).version, **extra}


def decision_data(w):
    return {"text": "冬季防火", "owners": [w.orgs.qiaocheng_edu.pk], "due_on": str(timezone.localdate())}


def sign_data(w):
    return {"version": _gov(w).letter.version, "signed_on": str(timezone.localdate()), "issuer_signer": "甲",
            "signatory_signer": "乙", "scan": scan()}  # fmt: skip


def return_data(w):
    return {"version": _gov(w).answered.version, "reason": "补充材料",
            "feedback_due_on": str(timezone.localdate() + dt.timedelta(days=7))}  # fmt: skip


def _assessment(w, stage: str = "open"):
    """The Qiaocheng government's 2025 assessment of its education bureau on the department scheme, taken
    (through the services) as far as ``stage``: open, submitted, reviewing or reviewed."""
    from flameblue.governance.assessment import services as a
    from flameblue.governance.models import AssessmentScheme

    g = w.gov
    if not hasattr(g, "assessment"):
        g.assessment = a.assessment_open(
            by=None, organizer=w.orgs.qiaocheng_gov, scheme=AssessmentScheme.objects.get(code="department"),
            year=2025, assessed=[w.orgs.qiaocheng_edu],
        )  # fmt: skip
        g.entry = g.assessment.entries.get()
        g.stage = "open"
    order = ["open", "ready", "submitted", "reviewing", "reviewed"]
    while order.index(g.stage) < order.index(stage):
        g.stage = order[order.index(g.stage) + 1]
        if g.stage == "ready":
            for score in g.entry.scores.filter(a.HAND_SCORED):
                a.item_self_assess(by=None, score=score, self_score=score.item.weight, evidence=[scan()])
        elif g.stage == "submitted":
            a.entry_submit(by=None, entry=g.entry)
        elif g.stage == "reviewing":
            a.assessment_start_review(by=None, assessment=g.assessment)
        else:
            a.entry_review_complete(by=None, entry=g.entry)
    return g


def assessment_pk(stage: str = "open"):
    return lambda w: {"pk": _assessment(w, stage).assessment.pk}


def entry_pk(stage: str = "open"):
    return lambda w: {"pk": _assessment(w, stage).entry.pk}


def score_pk(w, stage: str = "open", code: str = "A04"):
    return {"pk": _assessment(w, stage).entry.scores.get(item__code=code).pk}


POST = {"method": "post", "ok_status": (302,)}
VIEW = {"allowed": "qiaocheng", "out_of_scope": "mengcheng", "no_permission": "auditor"}
OFFICE = {"allowed": "office", "out_of_scope": "mengcheng_leader", "no_permission": "edu"}
OFFICE_ASSESSMENT = {"allowed": "office", "out_of_scope": "mengcheng_leader", "no_permission": "auditor"}
OWNER = {"allowed": "edu", "out_of_scope": "mengcheng_edu", "no_permission": "qiaocheng"}

CASES = [
    # Pages
    Case("governance:committee-list", allowed="edu", no_permission="auditor"),
    Case("governance:committee-detail", kwargs=committee_pk, **VIEW),
    Case("governance:roster-adjust", kwargs=committee_pk, **OFFICE),
    Case("governance:meeting-list", allowed="grid", no_permission="auditor", query="kind=analysis&year=2026"),
    Case("governance:analysis-list", allowed="qiaocheng", no_permission="auditor", query="state=overdue"),
    Case("governance:record-list", allowed="edu", no_permission="auditor", query="kind=visit"),
    Case("governance:record-create", allowed="office", no_permission="qiaocheng"),
    Case("governance:record-detail", kwargs=pk("record"), **VIEW),
    Case("governance:record-decision-add", kwargs=pk("record"), data=decision_data, **OFFICE, **POST),
    Case("governance:meeting-export", allowed="qiaocheng", no_permission="auditor"),
    Case("governance:meeting-create", allowed="office", no_permission="qiaocheng"),
    Case("governance:meeting-detail", kwargs=pk("meeting"), **VIEW),
    Case("governance:decision-add", kwargs=pk("meeting"), data=decision_data, **OFFICE, **POST),
    Case("governance:actionitem-list", allowed="edu", no_permission="auditor", query="overdue=yes"),
    Case("governance:actionitem-export", allowed="edu", no_permission="auditor"),
    Case("governance:actionitem-detail", kwargs=pk("open"), **VIEW),
    Case(
        "governance:actionitem-answer",
        kwargs=pk("open"),
        data=version("open", answer="已落实"),
        **OWNER,
        **POST,
    ),
    Case("governance:actionitem-close", kwargs=pk("answered"), data=version("answered"), **OFFICE, **POST),
    Case("governance:actionitem-return", kwargs=pk("answered"), data=return_data, **OFFICE, **POST),
    Case("governance:letter-list", allowed="city_leader", no_permission="auditor", query="year=2026"),
    Case("governance:letter-export", allowed="edu", no_permission="auditor"),
    Case("governance:letter-create", allowed="city_leader", no_permission="edu"),
    Case("governance:letter-batch", allowed="city_leader", no_permission="edu"),
    Case("governance:letter-detail", kwargs=pk("letter"), **VIEW),
    Case("governance:letter-docx", kwargs=pk("letter"), **VIEW),
    Case(
        "governance:letter-sign",
        kwargs=pk("letter"),
        data=sign_data,
        allowed="city_leader",
        out_of_scope="mengcheng_leader",
        no_permission="qiaocheng",
        **POST,
    ),  # fmt: skip
    Case("governance:scheme-list", allowed="edu", no_permission="auditor"),
    Case("governance:scheme-detail", kwargs=scheme_pk, allowed="qiaocheng", no_permission="auditor"),
    Case("governance:assessment-list", allowed="edu", no_permission="auditor"),
    Case("governance:assessment-create", allowed="city_leader", no_permission="edu"),
    Case("governance:assessment-detail", kwargs=assessment_pk(), **OFFICE_ASSESSMENT),
    Case("governance:assessment-export", kwargs=assessment_pk(), **OFFICE_ASSESSMENT),
    Case("governance:assessment-docx", kwargs=assessment_pk("reviewed"), **OFFICE_ASSESSMENT),
    Case("governance:assessment-review", kwargs=assessment_pk("submitted"), **OFFICE_ASSESSMENT, **POST),
    Case("governance:assessment-publish", kwargs=assessment_pk("reviewed"), **OFFICE_ASSESSMENT, **POST),
    Case(
        "governance:entry-detail",
        kwargs=entry_pk(),
        allowed="edu",
        out_of_scope="mengcheng_edu",
        no_permission="auditor",
    ),
    Case("governance:entry-submit", kwargs=entry_pk("ready"), **OWNER, **POST),
    Case(
        "governance:entry-complete",
        kwargs=entry_pk("reviewing"),
        allowed="office",
        out_of_scope="mengcheng_edu",
        no_permission="auditor",
        **POST,
    ),
    Case(
        "governance:entry-return",
        kwargs=entry_pk("reviewing"),
        data=lambda w: {"reason": "佐证材料不全"},
        allowed="office",
        out_of_scope="mengcheng_edu",
        no_permission="auditor",
        **POST,
    ),  # fmt: skip
    Case(
        "governance:itemscore-detail",
        kwargs=score_pk,
        allowed="edu",
        out_of_scope="mengcheng_edu",
        no_permission="auditor",
    ),
    # API
    Case("api:governance-committee-list", api=True, allowed="grid", no_permission="auditor"),
    Case("api:governance-committee-detail", kwargs=committee_pk, api=True, **VIEW),
    Case("api:governance-meeting-list", api=True, allowed="edu", no_permission="auditor"),
    Case("api:governance-analysis-list", api=True, allowed="edu", no_permission="auditor"),
    Case("api:governance-record-list", api=True, allowed="edu", no_permission="auditor"),
    Case("api:governance-record-detail", kwargs=pk("record"), api=True, **VIEW),
    Case(
        "api:governance-record-decisions",
        kwargs=pk("record"),
        data=decision_data,
        api=True,
        method="post",
        ok_status=(201,),
        **OFFICE,
    ),  # fmt: skip
    Case("api:governance-analysis-detail", kwargs=analysis_pk, api=True, **VIEW),
    Case("api:governance-meeting-detail", kwargs=pk("meeting"), api=True, **VIEW),
    Case(
        "api:governance-meeting-decisions",
        kwargs=pk("meeting"),
        api=True,
        method="post",
        data=decision_data,
        ok_status=(201,),
        **OFFICE,
    ),  # fmt: skip
    Case("api:governance-actionitem-list", api=True, allowed="edu", no_permission="auditor"),
    Case("api:governance-actionitem-detail", kwargs=pk("open"), api=True, **VIEW),
    Case(
        "api:governance-actionitem-answer",
        kwargs=pk("open"),
        api=True,
        method="post",
        data=version("open", answer="已落实"),
        **OWNER,
    ),  # fmt: skip
    Case(
        "api:governance-actionitem-close",
        kwargs=pk("answered"),
        api=True,
        method="post",
        data=version("answered"),
        **OFFICE,
    ),  # fmt: skip
    Case(
        "api:governance-actionitem-send-back",
        kwargs=pk("answered"),
        api=True,
        method="post",
        data=return_data,
        **OFFICE,
    ),  # fmt: skip
    Case("api:governance-letter-list", api=True, allowed="qiaocheng", no_permission="auditor"),
    Case("api:governance-letter-progress", api=True, allowed="city_leader", no_permission="auditor"),
    Case("api:governance-letter-detail", kwargs=pk("letter"), api=True, **VIEW),
    Case("api:governance-letter-docx", kwargs=pk("letter"), api=True, **VIEW),
    Case(
        "api:governance-letter-batch",
        api=True,
        method="post",
        ok_status=(201,),
        allowed="city_leader",
        no_permission="edu",
        data=lambda w: {"issuer": w.orgs.city_gov.pk, "year": timezone.localdate().year},
    ),  # fmt: skip
    Case(
        "api:governance-letter-sign",
        kwargs=pk("letter"),
        api=True,
        method="post",
        ok_status=(400,),
        data=version("letter"),
        allowed="city_leader",
        out_of_scope="mengcheng_leader",
        no_permission="qiaocheng",
        note="JSON without the scan is refused (400); the multipart path is tested in test_pages_and_api",
    ),  # fmt: skip
    Case("api:governance-scheme-list", api=True, allowed="city_leader", no_permission="auditor"),
    Case("api:governance-scheme-detail", kwargs=scheme_pk, api=True, allowed="edu", no_permission="auditor"),
    Case("api:governance-roster-list", api=True, allowed="qiaocheng", no_permission="auditor"),
    Case("api:governance-roster-detail", kwargs=roster_pk, api=True, **VIEW),
    Case("api:governance-assessment-list", api=True, allowed="office", no_permission="auditor"),
    Case("api:governance-assessment-detail", kwargs=assessment_pk(), api=True, **OFFICE_ASSESSMENT),
    Case(
        "api:governance-assessment-list",
        api=True,
        method="post",
        ok_status=(201,),
        allowed="city_leader",
        no_permission="edu",
        data=lambda w: {
            "year": 2025,
            "organizer": w.orgs.city_gov.pk,
            "scheme": __import__("flameblue.governance.models", fromlist=["x"])
            .AssessmentScheme.objects.get(code="county-government")
            .pk,
            "assessed": [w.orgs.qiaocheng_gov.pk],
        },
    ),  # fmt: skip
    Case(
        "api:governance-assessment-start-review",
        kwargs=assessment_pk("submitted"),
        api=True,
        method="post",
        **OFFICE_ASSESSMENT,
    ),
    Case(
        "api:governance-assessment-publish",
        kwargs=assessment_pk("reviewed"),
        api=True,
        method="post",
        **OFFICE_ASSESSMENT,
    ),
    Case("api:governance-assessmententry-list", api=True, allowed="edu", no_permission="auditor"),
    Case(
        "api:governance-assessmententry-detail",
        kwargs=entry_pk(),
        api=True,
        allowed="edu",
        out_of_scope="mengcheng_edu",
        no_permission="auditor",
    ),
    Case("api:governance-assessmententry-submit", kwargs=entry_pk("ready"), api=True, method="post", **OWNER),
    Case(
        "api:governance-assessmententry-complete-review",
        kwargs=entry_pk("reviewing"),
        api=True,
        method="post",
        allowed="office",
        out_of_scope="mengcheng_edu",
        no_permission="auditor",
    ),
    Case(
        "api:governance-assessmententry-send-back",
        kwargs=entry_pk("reviewing"),
        api=True,
        method="post",
        data=lambda w: {"reason": "佐证材料不全"},
        allowed="office",
        out_of_scope="mengcheng_edu",
        no_permission="auditor",
    ),  # fmt: skip
    Case("api:governance-itemscore-list", api=True, allowed="edu", no_permission="auditor"),
    Case(
        "api:governance-itemscore-detail",
        kwargs=score_pk,
        api=True,
        allowed="edu",
        out_of_scope="mengcheng_edu",
        no_permission="auditor",
    ),
    Case(
        "api:governance-itemscore-self-assess",
        kwargs=lambda w: score_pk(w, code="A06"),  # events counted from records: a note only
        api=True,
        method="post",
        data=lambda w: {"note": "逾期隐患已整改，见台账"},
        **OWNER,
    ),
    Case(
        "api:governance-itemscore-review",
        kwargs=lambda w: score_pk(w, "reviewing"),
        api=True,
        method="post",
        data=lambda w: {"final_score": "6", "reason": "检查记录不全"},
        allowed="office",
        out_of_scope="mengcheng_edu",
        no_permission="auditor",
    ),
]
