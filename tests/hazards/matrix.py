"""Access-matrix cases for the hazard and notice pages and API (see tests/matrix.py). Hazards are built
lazily through the real services once every app's world hook has run (the units come from the units hook).
Other hazards areas (supervision, tips) append their cases to CASES at the end of this file."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from django.utils import timezone

from flameblue.hazards.models import MajorHazardDetermination
from flameblue.hazards.procedure import major_notice_issue, procedure_sync
from flameblue.org.choices import OrgKind
from tests.factories import org, persona
from tests.hazards.conftest import png
from tests.hazards.lifecycle_helpers import completion_reported, confirm, rectifying, report
from tests.matrix import Case


def world(w) -> None:
    w.hazards = SimpleNamespace()
    station = org("花戏楼派出所", OrgKind.POLICE_STATION, "341602001")
    w.people.police = persona("police", station, "police_officer")


def _hazards(w) -> SimpleNamespace:
    """Build once per world: the mall's found / confirmed / reported hazards, a tip, the school's open one."""
    h = w.hazards
    if not hasattr(h, "found"):
        p = w.people
        h.found = report(w.units.mall, p.qiaocheng)
        h.confirmed = confirm(report(w.units.mall, p.qiaocheng), p.qiaocheng)
        h.reported = completion_reported(w.units.mall, p.qiaocheng, p.detachment)
        h.tip = report(w.units.mall, p.qiaocheng, source="public_tip")
        h.grid = report(w.units.mall, p.qiaocheng, source="township_grid")
        h.police = report(w.units.school, p.police, source="police_station")
        h.major = report(w.units.mall, p.qiaocheng, grade="major")
        MajorHazardDetermination.objects.create(
            hazard=h.major,
            standard="GB35181-2017",
            ruleset_version="matrix",
            decided_at=timezone.now(),
            is_major=True,
        )
        procedure_sync()
        h.issued = report(w.units.mall, p.qiaocheng, grade="major")
        MajorHazardDetermination.objects.create(
            hazard=h.issued,
            standard="GB35181-2017",
            ruleset_version="matrix",
            decided_at=timezone.now(),
            is_major=True,
        )
        procedure_sync()
        major_notice_issue(
            proc=h.issued.major_procedure, by=None, deadline=timezone.localdate() + dt.timedelta(days=60)
        )
        h.school = rectifying(w.units.school, p.qiaocheng)
    return h


def pk(name: str):
    return lambda w: {"pk": getattr(_hazards(w), name).pk}


def notice_pk(w):
    return {"pk": _hazards(w).confirmed.notice_id}


def version(name: str, **extra):
    return lambda w: {"version": getattr(_hazards(w), name).version, **extra}


def with_photo(name: str, **extra):
    return lambda w: {"version": getattr(_hazards(w), name).version, "photos": png(), **extra}


INSPECTOR = {"allowed": "qiaocheng", "out_of_scope": "mengcheng"}
POST = {"method": "post", "ok_status": (302,)}

CASES = [
    # Pages
    Case("hazards:hazard-list", allowed="qiaocheng", no_permission="auditor"),
    Case("hazards:hazard-list", allowed="unit_manager", query="overdue=yes&status=rectifying"),
    Case("hazards:hazard-export", allowed="qiaocheng", no_permission="auditor", query="grade=general"),
    Case("hazards:hazard-map", allowed="grid", no_permission="auditor"),
    Case("hazards:hazard-map-points", allowed="edu", no_permission="sysadmin"),
    Case("hazards:hazard-create", allowed="grid", no_permission="unit_manager"),
    Case("hazards:my-unit-hazards", allowed="unit_manager", no_permission="qiaocheng"),
    Case("hazards:hazard-detail", kwargs=pk("found"), no_permission="auditor", **INSPECTOR),
    Case("hazards:hazard-detail", kwargs=pk("school"), allowed="unit_manager", out_of_scope="mengcheng"),
    Case(
        "hazards:hazard-detail", kwargs=pk("found"), out_of_scope="unit_manager", note="another unit's hazard"
    ),
    Case(
        "hazards:hazard-confirm",
        kwargs=pk("found"),
        no_permission="grid",
        **INSPECTOR,
        **POST,
        data=version("found", grade="general", responsible_party="万达", start="on"),
    ),
    Case(
        "hazards:procedure-opinion",
        kwargs=pk("major"),
        no_permission="grid",
        **INSPECTOR,
        **POST,
        data=lambda w: {"opinion": "提请政府挂牌督办"},
    ),
    Case(
        "hazards:procedure-major-notice",
        kwargs=pk("major"),
        no_permission="grid",
        **INSPECTOR,
        **POST,
        data=lambda w: {"deadline": (timezone.localdate() + dt.timedelta(days=90)).isoformat()},
    ),
    Case("hazards:procedure-major-notice-docx", kwargs=pk("issued"), no_permission="auditor", **INSPECTOR),
    Case(
        "hazards:hazard-hand-over",
        kwargs=pk("police"),
        allowed="police",
        no_permission="qiaocheng",
        **POST,
        data=version("police", reason="建筑未经消防验收擅自投入使用"),
    ),
    Case(
        "hazards:hazard-verify",
        kwargs=pk("grid"),
        no_permission="grid",
        **INSPECTOR,
        **POST,
        data=version("grid", note="已到场核实"),
    ),
    Case(
        "hazards:hazard-start",
        kwargs=pk("confirmed"),
        no_permission="edu",
        **INSPECTOR,
        **POST,
        data=version("confirmed"),
    ),
    Case(
        "hazards:hazard-report-completion",
        kwargs=pk("school"),
        allowed="unit_manager",
        no_permission="qiaocheng",
        **POST,
        data=with_photo("school", next="/hazards/mine/"),
    ),
    Case(
        "hazards:hazard-recheck",
        kwargs=pk("reported"),
        no_permission="grid",
        **INSPECTOR,
        **POST,
        data=version("reported", result="passed"),
    ),
    Case(
        "hazards:hazard-withdraw",
        kwargs=pk("found"),
        no_permission="grid",
        **INSPECTOR,
        **POST,
        data=version("found", reason="重复登记"),
    ),
    Case(
        "hazards:hazard-dismiss",
        kwargs=pk("tip"),
        no_permission="edu",
        **INSPECTOR,
        **POST,
        data=version("tip", reason="不属实"),
    ),
    Case(
        "hazards:hazard-fix-on-spot",
        kwargs=pk("found"),
        no_permission="unit_manager",
        **INSPECTOR,
        **POST,
        data=with_photo("found"),
    ),
    Case("hazards:notice-list", allowed="qiaocheng", no_permission="grid"),
    Case("hazards:notice-detail", kwargs=notice_pk, no_permission="grid", **INSPECTOR),
    Case("hazards:notice-docx", kwargs=notice_pk, no_permission="grid", **INSPECTOR),
    Case("hazards:notice-template", allowed="detachment", no_permission="qiaocheng"),
    # API
    Case("api:hazard-list", api=True, allowed="qiaocheng", no_permission="auditor"),
    Case(
        "api:hazard-list",
        api=True,
        method="post",
        allowed="grid",
        no_permission="unit_manager",
        ok_status=(201,),
        data=lambda w: {"unit": w.units.mall.pk, "description": "消火栓被遮挡", "source": "township_grid"},
    ),
    Case("api:hazard-detail", kwargs=pk("found"), api=True, no_permission="auditor", **INSPECTOR),
    Case(
        "api:hazard-verify",
        kwargs=pk("grid"),
        api=True,
        method="post",
        no_permission="grid",
        **INSPECTOR,
        data=version("grid", note="已到场核实"),
    ),  # fmt: skip
    Case(
        "api:hazard-hand-over",
        kwargs=pk("police"),
        api=True,
        method="post",
        allowed="police",
        no_permission="qiaocheng",
        data=version("police", reason="建筑未经消防验收擅自投入使用"),
    ),  # fmt: skip
    Case("api:hazard-major-procedure", kwargs=pk("major"), api=True, no_permission="auditor", **INSPECTOR),
    Case(
        "api:hazard-major-procedure-opinion",
        kwargs=pk("major"),
        api=True,
        method="post",
        no_permission="grid",
        **INSPECTOR,
        data=lambda w: {"opinion": "提请政府挂牌督办"},
    ),  # fmt: skip
    Case(
        "api:hazard-major-notice",
        kwargs=pk("major"),
        api=True,
        method="post",
        no_permission="grid",
        **INSPECTOR,
        data=lambda w: {"deadline": (timezone.localdate() + dt.timedelta(days=90)).isoformat()},
    ),  # fmt: skip
    Case("api:hazard-major-notice-docx", kwargs=pk("issued"), api=True, no_permission="auditor", **INSPECTOR),
    Case(
        "api:hazard-confirm",
        kwargs=pk("found"),
        api=True,
        method="post",
        no_permission="grid",
        **INSPECTOR,
        data=version("found", grade="prominent", responsible_party="万达"),
    ),
    Case(
        "api:hazard-start",
        kwargs=pk("confirmed"),
        api=True,
        method="post",
        no_permission="grid",
        **INSPECTOR,
        data=version("confirmed"),
    ),
    Case(
        "api:hazard-report-completion",
        kwargs=pk("school"),
        api=True,
        method="post",
        no_permission="qiaocheng",
        note="multipart upload: allowed path tested in test_lifecycle_api",
    ),
    Case(
        "api:hazard-recheck",
        kwargs=pk("reported"),
        api=True,
        method="post",
        no_permission="grid",
        **INSPECTOR,
        data=version("reported", passed=True),
    ),
    Case(
        "api:hazard-withdraw",
        kwargs=pk("found"),
        api=True,
        method="post",
        no_permission="grid",
        **INSPECTOR,
        data=version("found", reason="误报"),
    ),
    Case(
        "api:hazard-dismiss",
        kwargs=pk("tip"),
        api=True,
        method="post",
        no_permission="edu",
        **INSPECTOR,
        data=version("tip", reason="不属实"),
    ),
    Case("api:notice-list", api=True, allowed="qiaocheng", no_permission="grid"),
    Case("api:notice-detail", kwargs=notice_pk, api=True, no_permission="grid", **INSPECTOR),
    Case("api:notice-docx", kwargs=notice_pk, api=True, no_permission="grid", **INSPECTOR),
]
