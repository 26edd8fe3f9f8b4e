"""Shared records of the corps' sub-domain tests (incidents and case reviews, readiness checks, honours):
a Qiaocheng station and a Mengcheng station of the persona detachment with an HQ office, an incident in
each county, a case review of the Qiaocheng incident with corrective actions (open, reported, reported and
sent back), a readiness check of the Qiaocheng station with findings in the same states, and honours."""

from __future__ import annotations

import datetime as dt
import io
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from flameblue.corps.honours import services as honours
from flameblue.corps.incidents import services as incidents
from flameblue.corps.readiness import services as readiness
from flameblue.corps.readiness.models import ReadinessChecklist
from flameblue.corps.rectification import services as rectification
from flameblue.org.choices import OrgKind
from tests.dates import at_ten
from tests.factories import PersonFactory, org

__all__ = ["evidence", "make_world", "pdf"]

DAY = dt.date(2026, 3, 2)


def evidence(name: str = "整改照片.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), (10, 120, 200)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf(name: str = "表彰决定.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", content_type="application/pdf"
    )


def _incident(station, region: str, title: str, kind: str = "rescue"):
    return incidents.incident_create(by=None, data={
        "title": title, "kind": kind, "called_at": at_ten(DAY), "arrived_at": at_ten(DAY) + dt.timedelta(minutes=8),
        "region_id": region, "address": "人民路 1 号", "stations": [station], "vehicles": 2, "personnel": 10,
        "rescued": 1,
    })  # fmt: skip


def make_world(orgs) -> SimpleNamespace:
    w = SimpleNamespace()
    w.station = org("谯城区薛阁消防救援站", OrgKind.STATION, "341602", parent=orgs.qiaocheng_brigade)
    w.station_m = org("蒙城县漆园消防救援站", OrgKind.STATION, "341622", parent=orgs.mengcheng_brigade)
    w.office = org("支队战训处", OrgKind.DETACHMENT_OFFICE, "3416", parent=orgs.detachment)
    w.firefighter = PersonFactory(organization=w.station, name="周勇")
    w.firefighter_m = PersonFactory(organization=w.station_m, name="吴刚")
    w.incident = _incident(w.station, "341602001", "谯城“3.22”深井救援")
    w.incident_m = _incident(w.station_m, "341622", "蒙城“5.1”车祸救援", kind="rescue")
    w.review = incidents.review_create(
        by=None, incident=w.incident, title="深井救援战例研讨", held_on=DAY + dt.timedelta(days=5),
        participants=[w.firefighter], went_well="到场迅速", went_wrong="器材不足", lessons="配齐器材",
        actions=[{"owner": w.station, "task": "配齐深井救援器材", "due_on": DAY + dt.timedelta(days=30)}] * 3,
    )  # fmt: skip
    w.review_m = incidents.review_create(
        by=None, incident=w.incident_m, title="车祸救援战例研讨", held_on=DAY + dt.timedelta(days=5),
        participants=[w.firefighter_m], went_well="快", went_wrong="慢", lessons="练",
        actions=[{"owner": w.station_m, "task": "破拆训练", "due_on": DAY + dt.timedelta(days=30)}],
    )  # fmt: skip
    w.action, w.action_submitted, w.action_returned = w.review.actions.order_by("id")
    w.action_m = w.review_m.actions.get()
    w.action_submitted = rectification.action_report(action=w.action_submitted, by=None, report="已配齐",
                                                     evidence=[evidence()])  # fmt: skip
    w.action_returned = rectification.action_report(action=w.action_returned, by=None, report="已配齐",
                                                    evidence=[evidence()])  # fmt: skip
    w.action_returned = rectification.action_return(action=w.action_returned, by=None, reason="器材型号不符")
    checklist = ReadinessChecklist.objects.get(code="combat-readiness", is_active=True)
    w.checklist = checklist
    codes = [i["code"] for i in checklist.items]
    answers = {c: "pass" for c in codes} | {codes[0]: "fail", codes[1]: "fail", codes[2]: "fail"}
    w.check = readiness.check_create(
        by=None, checklist=checklist, station=w.station, checked_on=DAY, inspectors="张参谋", answers=answers,
        findings=[{"item_code": c, "problem": "问题", "task": "整改", "owner": w.station,
                   "due_on": DAY + dt.timedelta(days=15)} for c in codes[:3]],
    )  # fmt: skip
    w.finding, w.finding_submitted, w.finding_returned = w.check.findings.order_by("id")
    w.finding_submitted = rectification.action_report(action=w.finding_submitted, by=None, report="已改",
                                                      evidence=[evidence()])  # fmt: skip
    w.finding_returned = rectification.action_report(action=w.finding_returned, by=None, report="已改",
                                                     evidence=[evidence()])  # fmt: skip
    w.finding_returned = rectification.action_return(action=w.finding_returned, by=None, reason="未改到位")
    w.check_m = readiness.check_create(
        by=None, checklist=checklist, station=w.station_m, checked_on=DAY, inspectors="张参谋",
        answers={c: "pass" for c in codes},
    )  # fmt: skip
    w.honour = honours.honour_create(by=None, data={
        "category": "individual", "grade": "merit_3", "title": "个人三等功", "level": "corps",
        "issuer": "安徽省消防救援总队", "awarded_on": dt.date(2019, 12, 20), "person": w.firefighter,
    })  # fmt: skip
    w.honour_m = honours.honour_create(by=None, data={
        "category": "collective", "grade": "model_station", "title": "标兵站", "level": "corps",
        "issuer": "安徽省消防救援总队", "awarded_on": dt.date(2019, 12, 28), "unit": w.station_m,
    })  # fmt: skip
    return w
