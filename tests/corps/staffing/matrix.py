"""Access-matrix cases for part A of the corps (roster history, personal records, rotations, 公示
objections). The world adds, on top of tests/corps/matrix.py's: the HQ office, a Xincheng station commander
(``xincheng_chief``, out of the chain of Tegin's people), a September month published today with one result
per Qiaocheng station, an objection filed on Tegin's result, a nominated rotation of 张伟 (Tegin) and an
approved one of 李强 whose period has ended."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from flameblue.corps.objections import services as objections
from flameblue.corps.staffing import services as staffing
from flameblue.org.choices import OrgKind
from tests.corps.staffing.world import publish_month
from tests.factories import org, persona
from tests.matrix import Case


def world(w) -> None:
    c = w.corps
    w.people.xincheng_chief = persona("xincheng_chief", c.xincheng, "station_commander")
    c.hq_office = org("亳州市消防救援支队司令部", OrgKind.DETACHMENT_OFFICE, "3416", parent=w.orgs.detachment)
    c.september = publish_month(w.orgs, c, month=dt.date(2026, 9, 1))
    c.objection = objections.objection_file(by=None, result=c.september.tegin, text="计时有误，请复核录像")
    c.rotation = staffing.rotation_nominate(by=None, entry=c.members["张伟"], reason="考核成绩连续名列前茅")
    today = timezone.localdate()
    c.ended = staffing.rotation_nominate(by=None, entry=c.members["李强"], reason="骨干培养")
    c.ended = staffing.rotation_approve(
        c.ended, by=None, hq_office=c.hq_office, starts_on=today - dt.timedelta(days=90),
        ends_on=today - dt.timedelta(days=1),
    )  # fmt: skip


def zhang(w):
    return {"pk": w.corps.members["张伟"].pk}


def pk(name: str):
    return lambda w: {"pk": getattr(w.corps, name).pk}


def version(name: str, **extra):
    return lambda w: {"version": getattr(w.corps, name).version, **extra}


def zhang_version(**extra):
    return lambda w: {"version": w.corps.members["张伟"].version, **extra}


def transfer_data(w):
    return {"version": w.corps.members["张伟"].version, "station": w.corps.mengcheng.pk, "on": "2030-01-01",
            "reason": "工作需要"}  # fmt: skip


def approve_data(w):
    return {"version": w.corps.rotation.version, "hq_office": w.corps.hq_office.pk, "starts_on": "2030-01-01",
            "ends_on": "2030-04-01"}  # fmt: skip


EDIT = {"post": "班长", "rank": "sff3", "crew": "一班"}
STATUS = {"status": "leave", "on": "2030-01-01", "reason": "休假"}
# Tegin's person: the brigade may see; Mengcheng's brigade sees nothing; Xincheng's chief is outside the chain.
SEE = {"allowed": "qiaocheng", "no_permission": "auditor", "out_of_scope": "mengcheng"}
CHANGE = {"allowed": "detachment", "no_permission": "qiaocheng", "out_of_scope": "xincheng_chief"}
HQ = {"allowed": "detachment", "no_permission": "qiaocheng"}
POST = {"method": "post", "ok_status": (302,)}
API = {"api": True, "method": "post"}

CASES = [
    Case("corps:roster-edit", kwargs=zhang, **CHANGE),
    Case("corps:roster-edit", kwargs=zhang, data=zhang_version(**EDIT), **CHANGE, **POST),
    Case("corps:roster-status", kwargs=zhang, **CHANGE),
    Case("corps:roster-status", kwargs=zhang, data=zhang_version(**STATUS), **CHANGE, **POST),
    Case("corps:roster-transfer", kwargs=zhang, **HQ),
    Case("corps:roster-transfer", kwargs=zhang, data=transfer_data, **HQ, **POST),
    Case("corps:roster-reveal", kwargs=zhang, **SEE),
    Case(
        "corps:roster-reveal", kwargs=zhang, data=lambda w: {"reason": "核对保险信息"}, method="post", **SEE
    ),
    Case("corps:rotation-list", allowed="qiaocheng", no_permission="auditor"),
    Case("corps:rotation-create", allowed="xincheng_chief", no_permission="auditor"),
    Case(
        "corps:rotation-create",
        data=lambda w: {"entry": w.corps.members["王磊"].pk, "reason": "骨干培养"},
        allowed="xincheng_chief",
        no_permission="auditor",
        **POST,
    ),  # fmt: skip
    Case("corps:rotation-detail", kwargs=pk("rotation"), **SEE),
    Case("corps:rotation-approve", kwargs=pk("rotation"), **HQ),
    Case("corps:rotation-approve", kwargs=pk("rotation"), data=approve_data, **HQ, **POST),
    Case("corps:rotation-refuse", kwargs=pk("rotation"), **HQ),
    Case(
        "corps:rotation-refuse",
        kwargs=pk("rotation"),
        data=version("rotation", note="名额已满"),
        **HQ,
        **POST,
    ),
    Case("corps:rotation-evaluate", kwargs=pk("ended"), **HQ),
    Case(
        "corps:rotation-evaluate",
        kwargs=pk("ended"),
        data=version("ended", rating="good", comment="良好"),
        **HQ,
        **POST,
    ),  # fmt: skip
    Case("corps:objection-list", allowed="qiaocheng", no_permission="auditor"),
    Case(
        "corps:objection-create",
        kwargs=lambda w: {"pk": w.corps.september.xincheng.pk},
        allowed="xincheng_chief",
        no_permission="auditor",
        out_of_scope="mengcheng",
    ),  # fmt: skip
    Case(
        "corps:objection-create",
        kwargs=lambda w: {"pk": w.corps.september.xincheng.pk},
        data=lambda w: {"text": "复核"},
        allowed="xincheng_chief",
        no_permission="auditor",
        **POST,
    ),  # fmt: skip
    Case("corps:objection-detail", kwargs=pk("objection"), **SEE),
    Case("corps:objection-uphold", kwargs=pk("objection"), **HQ),
    Case(
        "corps:objection-uphold",
        kwargs=pk("objection"),
        data=version("objection", raw="12'20\"", answer="属实"),
        **HQ,
        **POST,
    ),  # fmt: skip
    Case("corps:objection-reject", kwargs=pk("objection"), **HQ),
    Case(
        "corps:objection-reject",
        kwargs=pk("objection"),
        data=version("objection", answer="维持"),
        **HQ,
        **POST,
    ),
    # API
    Case("api:corps-roster-edit", kwargs=zhang, data=zhang_version(**EDIT), **CHANGE, **API),
    Case("api:corps-roster-status", kwargs=zhang, data=zhang_version(**STATUS), **CHANGE, **API),
    Case("api:corps-roster-transfer", kwargs=zhang, data=transfer_data, **HQ, **API),
    Case("api:corps-roster-reveal", kwargs=zhang, data=lambda w: {"reason": "核对保险信息"}, **SEE, **API),
    Case("api:corps-roster-history", kwargs=zhang, api=True, **SEE),
    Case("api:corps-rotation-list", api=True, allowed="qiaocheng", no_permission="auditor"),
    Case("api:corps-rotation-detail", kwargs=pk("rotation"), api=True, **SEE),
    Case(
        "api:corps-rotation-nominate",
        data=lambda w: {"entry": w.corps.members["王磊"].pk, "reason": "骨干"},
        allowed="xincheng_chief",
        no_permission="auditor",
        ok_status=(201,),
        **API,
    ),  # fmt: skip
    Case("api:corps-rotation-approve", kwargs=pk("rotation"), data=approve_data, **HQ, **API),
    Case(
        "api:corps-rotation-refuse",
        kwargs=pk("rotation"),
        data=version("rotation", note="名额已满"),
        **HQ,
        **API,
    ),
    Case(
        "api:corps-rotation-evaluate",
        kwargs=pk("ended"),
        data=version("ended", rating="good", comment="良好"),
        **HQ,
        **API,
    ),  # fmt: skip
    Case("api:corps-objection-list", api=True, allowed="qiaocheng", no_permission="auditor"),
    Case("api:corps-objection-detail", kwargs=pk("objection"), api=True, **SEE),
    Case(
        "api:corps-objection-file",
        data=lambda w: {"result": w.corps.september.xincheng.pk, "text": "复核"},
        allowed="xincheng_chief",
        no_permission="auditor",
        ok_status=(201,),
        **API,
    ),  # fmt: skip
    Case(
        "api:corps-objection-uphold",
        kwargs=pk("objection"),
        data=version("objection", raw=["12'20\""], answer="属实"),
        **HQ,
        **API,
    ),  # fmt: skip
    Case(
        "api:corps-objection-reject",
        kwargs=pk("objection"),
        data=version("objection", answer="维持"),
        **HQ,
        **API,
    ),  # fmt: skip
]
