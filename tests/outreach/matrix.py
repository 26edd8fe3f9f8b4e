"""Access-matrix cases for the outreach pages and API (see tests/matrix.py). Built lazily once every app's
world hook has run: a 宣贯会 of the 谯城区 government with one attendee, a 七进 drive in 花戏楼街道, a handbook
of the 谯城区 brigade with 100 copies printed, and a community fire experience room in 花戏楼街道."""

from __future__ import annotations

import datetime as dt
import io
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from flameblue.outreach import services
from flameblue.outreach.choices import TermKind
from tests.matrix import Case
from tests.outreach.conftest import (
    DAY,
    audience,
    make_base,
    make_material,
    make_session,
    sheet_bytes,
    term,
    upload,
)


def world(w) -> None:
    w.outreach = SimpleNamespace()


def _o(w) -> SimpleNamespace:
    o = w.outreach
    if not hasattr(o, "session"):
        from flameblue.geo.models import Region
        from tests.factories import PersonFactory

        o.session = make_session(w.orgs.qiaocheng_gov)
        o.person = PersonFactory(name="钱进", organization=w.orgs.qiaocheng_edu)
        o.attendee = services.attendee_add(session=o.session, person=o.person, audience=audience("department_head"),
                                           by=None)  # fmt: skip
        o.other = PersonFactory(name="孙立", organization=w.orgs.qiaocheng_health)
        o.drive = services.drive_create(by=None, data={
            "title": "消防安全进校园", "drive_type": term(TermKind.DRIVE_TYPE, "seven_in"),
            "target": term(TermKind.DRIVE_TARGET, "schools"), "held_on": DAY,
            "township": Region.objects.get(code="341602001"), "organiser": w.orgs.qiaocheng_brigade, "present": 300,
        })  # fmt: skip
        o.material = make_material(w.orgs.qiaocheng_brigade)
        services.print_run_add(material=o.material, printed_on=DAY, copies=100, by=None)
        o.base = make_base()
    return o


def pk(name: str):
    return lambda w: {"pk": getattr(_o(w), name).pk}


def version(name: str):
    return lambda w: {"version": getattr(_o(w), name).version}


def session_form(w):
    return {"title": "专题培训", "session_type": term(TermKind.TRAINING_TYPE, "special").pk,
            "rules_taught": [term(TermKind.RULE_TAUGHT, "state_87").pk], "organiser": w.orgs.qiaocheng_gov.pk,
            "held_on": "2026-06-01", "place": "区委党校", "audiences": [audience("leader").pk], "head_count": 40,
            "note": ""}  # fmt: skip


def session_edit(w):
    return {**session_form(w), "version": _o(w).session.version}


def drive_form(w):
    return {"title": "119宣传周启动仪式", "drive_type": term(TermKind.DRIVE_TYPE, "week_119").pk,
            "held_on": "2026-11-09", "township": "341602001", "organiser": w.orgs.qiaocheng_brigade.pk,
            "present": 500, "online_views": 12000, "account": ""}  # fmt: skip


def drive_edit(w):
    data = drive_form(w)
    data.update(
        drive_type=term(TermKind.DRIVE_TYPE, "seven_in").pk, target=term(TermKind.DRIVE_TARGET, "schools").pk
    )
    return {**data, "version": _o(w).drive.version}


def material_form(w):
    return {"title": "《亳州市11类场所火灾隐患排查整治标准手册》", "kind": "handbook",
            "organiser": w.orgs.qiaocheng_brigade.pk, "note": ""}  # fmt: skip


def material_edit(w):
    return {**material_form(w), "version": _o(w).material.version}


def base_form(w):
    return {"name": "古井镇消防科普教育基地", "kind": term(TermKind.BASE_KIND, "science").pk, "region": "341602100",
            "place": "古井镇文化站", "opened_on": "2026-03-01", "note": ""}  # fmt: skip


def base_edit(w):
    return {**base_form(w), "region": "341602001", "version": _o(w).base.version}


def attendee(w):
    return {"person": _o(w).other.pk, "audience": audience("department_head").pk}


def signin(w):
    _o(w)
    return {"file": upload(sheet_bytes([("王建国", "谯城区人民政府", "副区长", "", "党政领导")]))}


def photo(w):
    _o(w)
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "blue").save(buffer, "JPEG")
    return {"photo": SimpleUploadedFile("现场.jpg", buffer.getvalue(), content_type="image/jpeg")}


def print_run(w):
    _o(w)
    return {"printed_on": "2026-05-20", "copies": 500, "printer": "亳州市印刷厂"}


def distribution(w):
    _o(w)
    return {"distributed_on": "2026-05-21", "township": "341602001", "copies": 60}


def visit(w):
    _o(w)
    return {"visited_on": str(DAY + dt.timedelta(days=2)), "group_name": "亳州市第一中学", "visitors": 40}


def api_drive(w):
    data = drive_form(w)
    del data["account"]
    return data


POST = {"method": "post", "ok_status": (302,)}
API_POST = {"method": "post", "api": True, "ok_status": (201,)}
API_PATCH = {"method": "patch", "api": True, "ok_status": (200,)}
#: Multipart uploads cannot go as JSON: the matrix checks access (a missing file answers 400 past it); the
#: uploads themselves are tested in test_pages_and_api and test_publicity.
API_UPLOAD = {"method": "post", "api": True, "ok_status": (400,)}
VIEW = {"allowed": "qiaocheng", "out_of_scope": "mengcheng", "no_permission": "auditor"}
ACT = {"allowed": "qiaocheng", "out_of_scope": "mengcheng", "no_permission": "edu"}
LIST = {"allowed": "grid", "no_permission": "auditor"}

CASES = [
    # Training pages
    Case("outreach:session-list", **LIST, query="year=2026"),
    Case("outreach:session-export", allowed="qiaocheng", no_permission="auditor"),
    Case("outreach:session-create", allowed="qiaocheng", no_permission="edu"),
    Case("outreach:session-create", data=session_form, allowed="qiaocheng", no_permission="edu", **POST),
    Case("outreach:signin-template", allowed="qiaocheng", no_permission="auditor"),
    Case("outreach:coverage", allowed="edu", no_permission="auditor", query="year=2026"),
    Case("outreach:session-detail", kwargs=pk("session"), **VIEW),
    Case(
        "outreach:session-detail", kwargs=pk("session"), allowed="edu", note="a department sees its county's"
    ),
    Case("outreach:session-edit", kwargs=pk("session"), **ACT),
    Case("outreach:session-edit", kwargs=pk("session"), data=session_edit, **ACT, **POST),
    Case("outreach:attendee-add", kwargs=pk("session"), data=attendee, **ACT, **POST),
    Case("outreach:signin-import", kwargs=pk("session"), **ACT),
    Case("outreach:signin-import", kwargs=pk("session"), data=signin, **ACT, **POST),
    # Publicity pages
    Case("outreach:drive-list", **LIST),
    Case("outreach:drive-export", allowed="qiaocheng", no_permission="auditor"),
    Case("outreach:drive-create", allowed="grid", no_permission="edu"),
    Case("outreach:drive-create", data=drive_form, allowed="qiaocheng", no_permission="edu", **POST),
    Case("outreach:reach", allowed="edu", no_permission="auditor", query="year=2026"),
    Case("outreach:drive-detail", kwargs=pk("drive"), **VIEW),
    Case("outreach:drive-detail", kwargs=pk("drive"), allowed="grid", note="a township sees its own"),
    Case("outreach:drive-edit", kwargs=pk("drive"), **ACT),
    Case("outreach:drive-edit", kwargs=pk("drive"), data=drive_edit, **ACT, **POST),
    Case("outreach:drive-photo", kwargs=pk("drive"), data=photo, **ACT, **POST),
    # Materials pages
    Case("outreach:material-list", allowed="qiaocheng", no_permission="edu"),
    Case("outreach:material-export", allowed="qiaocheng", no_permission="edu"),
    Case("outreach:material-create", allowed="qiaocheng", no_permission="grid"),
    Case("outreach:material-create", data=material_form, allowed="qiaocheng", no_permission="grid", **POST),
    Case(
        "outreach:material-detail",
        kwargs=pk("material"),
        allowed="qiaocheng",
        out_of_scope="mengcheng",
        no_permission="edu",
    ),
    Case(
        "outreach:material-edit",
        kwargs=pk("material"),
        allowed="qiaocheng",
        out_of_scope="mengcheng",
        no_permission="grid",
    ),
    Case(
        "outreach:material-edit",
        kwargs=pk("material"),
        data=material_edit,
        allowed="qiaocheng",
        out_of_scope="mengcheng",
        no_permission="grid",
        **POST,
    ),
    Case(
        "outreach:print-run-add",
        kwargs=pk("material"),
        data=print_run,
        allowed="qiaocheng",
        out_of_scope="mengcheng",
        no_permission="grid",
        **POST,
    ),
    Case(
        "outreach:distribution-add",
        kwargs=pk("material"),
        data=distribution,
        allowed="qiaocheng",
        out_of_scope="mengcheng",
        no_permission="grid",
        **POST,
    ),
    # Education bases pages
    Case("outreach:base-list", **LIST),
    Case("outreach:base-export", allowed="qiaocheng", no_permission="auditor"),
    Case("outreach:base-create", allowed="qiaocheng", no_permission="grid"),
    Case("outreach:base-create", data=base_form, allowed="qiaocheng", no_permission="grid", **POST),
    Case("outreach:base-detail", kwargs=pk("base"), **VIEW),
    Case("outreach:base-edit", kwargs=pk("base"), **ACT),
    Case("outreach:base-edit", kwargs=pk("base"), data=base_edit, **ACT, **POST),
    Case("outreach:visit-add", kwargs=pk("base"), data=visit, **ACT, **POST),
    Case(
        "outreach:visit-add",
        kwargs=pk("base"),
        data=visit,
        allowed="grid",
        note="a township logs visits",
        **POST,
    ),
    # API
    Case("api:outreach-session-list", api=True, allowed="edu", no_permission="auditor"),
    Case(
        "api:outreach-session-list", data=session_form, allowed="qiaocheng", no_permission="edu", **API_POST
    ),
    Case("api:outreach-session-detail", kwargs=pk("session"), api=True, **VIEW),
    Case("api:outreach-session-detail", kwargs=pk("session"), data=version("session"), **ACT, **API_PATCH),
    Case("api:outreach-session-attendees", kwargs=pk("session"), data=attendee, **ACT, **API_POST),
    Case("api:outreach-session-signin", kwargs=pk("session"), data=version("session"), **ACT, **API_UPLOAD),
    Case("api:outreach-session-coverage", api=True, allowed="edu", no_permission="auditor"),
    Case("api:outreach-attendee-list", api=True, allowed="edu", no_permission="auditor"),
    Case("api:outreach-attendee-detail", kwargs=pk("attendee"), api=True, **VIEW),
    Case("api:outreach-drive-list", api=True, allowed="grid", no_permission="auditor"),
    Case("api:outreach-drive-list", data=api_drive, allowed="qiaocheng", no_permission="edu", **API_POST),
    Case("api:outreach-drive-detail", kwargs=pk("drive"), api=True, **VIEW),
    Case(
        "api:outreach-drive-detail", kwargs=pk("drive"), data=lambda w: {"present": 320}, **ACT, **API_PATCH
    ),
    Case("api:outreach-drive-photos", kwargs=pk("drive"), data=version("drive"), **ACT, **API_UPLOAD),
    Case("api:outreach-drive-reach", api=True, allowed="edu", no_permission="auditor", query="year=2026"),
    Case("api:outreach-material-list", api=True, allowed="qiaocheng", no_permission="edu"),
    Case(
        "api:outreach-material-list",
        data=material_form,
        allowed="qiaocheng",
        no_permission="grid",
        **API_POST,
    ),
    Case(
        "api:outreach-material-detail",
        kwargs=pk("material"),
        api=True,
        allowed="qiaocheng",
        out_of_scope="mengcheng",
        no_permission="edu",
    ),
    Case(
        "api:outreach-material-detail",
        kwargs=pk("material"),
        data=lambda w: {"note": "第二版"},
        allowed="qiaocheng",
        out_of_scope="mengcheng",
        no_permission="grid",
        **API_PATCH,
    ),
    Case(
        "api:outreach-material-print-runs",
        kwargs=pk("material"),
        data=print_run,
        allowed="qiaocheng",
        out_of_scope="mengcheng",
        no_permission="grid",
        **API_POST,
    ),
    Case(
        "api:outreach-material-distributions",
        kwargs=pk("material"),
        data=distribution,
        allowed="qiaocheng",
        out_of_scope="mengcheng",
        no_permission="grid",
        **API_POST,
    ),
    Case("api:outreach-base-list", api=True, allowed="grid", no_permission="auditor"),
    Case("api:outreach-base-list", data=base_form, allowed="qiaocheng", no_permission="grid", **API_POST),
    Case("api:outreach-base-detail", kwargs=pk("base"), api=True, **VIEW),
    Case(
        "api:outreach-base-detail",
        kwargs=pk("base"),
        data=lambda w: {"place": "社区服务中心二楼"},
        **ACT,
        **API_PATCH,
    ),
    Case("api:outreach-base-visits", kwargs=pk("base"), data=visit, **ACT, **API_POST),
]
