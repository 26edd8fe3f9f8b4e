"""Access-matrix cases for the discipline records (clues, the procuratorate exchange, declarations, warning
education, 述职述廉, the service measures). Clues and the exchange log answer 404 to the detachment
administrator (no grant at all: the register is not revealed); an officer's declarations are the officer's
and the discipline officers'."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from django.utils import timezone

from flameblue.integrity.discipline import services
from flameblue.integrity.discipline.policy import measures_in_force
from tests.factories import persona
from tests.matrix import Case


def world(w) -> None:
    o, p = w.orgs, w.people
    p.dc_discipline = persona("m_dc_discipline", o.detachment, "discipline_officer")
    p.dc_political = persona("m_dc_political", o.detachment, "political_officer")
    p.dc_mc_political = persona("m_dc_mc_political", o.mengcheng_brigade, "political_officer")
    today = timezone.localdate()
    clue = services.clue_register(
        by=None, source="letter", subject=p.qiaocheng.person, received_on=today, summary="反映收受宴请"
    )
    w.discipline = SimpleNamespace(
        clue=clue,
        exchange=services.exchange_log(
            by=None, direction="sent", kind="clue", exchanged_on=today, summary="移送线索", clue=clue
        ),
        phone=services.phone_register(
            by=p.qiaocheng, number="13812345678", model_name="华为 Mate 60", registered_on=today
        ),
        credit=services.credit_check_record(
            by=p.qiaocheng, year=today.year, checked_on=today, result="clean"
        ),
        pledge=services.pledge_file(
            by=p.qiaocheng, year=today.year, signed_on=today, family_signatory="李某"
        ),
        session=services.warning_session_record(
            by=None,
            kind="film",
            title="警示教育片《镜鉴》",
            held_on=today - dt.timedelta(days=3),
            organization=o.qiaocheng_brigade,
            attendees=[p.qiaocheng.person],
        ),  # fmt: skip
        report=services.integrity_report_record(
            by=None,
            person=p.qiaocheng.person,
            held_on=today,
            audience="服务对象代表",
            audience_size=20,
            rating="good",
        ),  # fmt: skip
        measure=measures_in_force().first(),
    )


def pk(name: str):
    return lambda w: {"pk": getattr(w.discipline, name).pk}


def dispose_data(w):
    return {"to": "preliminary", "reason": "转初核", "version": w.discipline.clue.version}


def measure_data(w):
    return {"status": "active", "progress": "已推行", "version": w.discipline.measure.version}


HIDDEN = {"allowed": "dc_discipline", "out_of_scope": "detachment"}
OWN = {"allowed": "dc_discipline", "out_of_scope": "detachment", "no_permission": "sysadmin"}
EDUCATION = {"allowed": "dc_political", "out_of_scope": "dc_mc_political", "no_permission": "qiaocheng"}
POST = {"method": "post", "ok_status": (302,)}

CASES = [
    # Pages
    Case("integrity:clue-list", **HIDDEN),
    Case("integrity:clue-create", **HIDDEN),
    Case("integrity:clue-export", **HIDDEN),
    Case("integrity:clue-detail", kwargs=pk("clue"), **HIDDEN),
    Case("integrity:clue-dispose", kwargs=pk("clue"), data=dispose_data, **HIDDEN, **POST),
    Case("integrity:exchange-list", **HIDDEN),
    Case("integrity:exchange-create", **HIDDEN),
    Case("integrity:phone-list", allowed="qiaocheng", no_permission="sysadmin"),
    Case("integrity:phone-create", allowed="qiaocheng", no_permission="auditor"),
    Case("integrity:credit-list", allowed="dc_discipline", no_permission="sysadmin"),
    Case("integrity:credit-create", allowed="qiaocheng", no_permission="auditor"),
    Case("integrity:pledge-list", allowed="qiaocheng", no_permission="sysadmin"),
    Case("integrity:pledge-create", allowed="qiaocheng", no_permission="sysadmin"),
    Case("integrity:declaration-compliance", allowed="dc_discipline", out_of_scope="detachment"),
    Case("integrity:session-list", allowed="dc_political", no_permission="qiaocheng"),
    Case("integrity:session-create", allowed="dc_political", no_permission="qiaocheng"),
    Case("integrity:session-detail", kwargs=pk("session"), **EDUCATION),
    Case("integrity:report-list", allowed="dc_discipline", no_permission="qiaocheng"),
    Case("integrity:report-create", allowed="dc_political", no_permission="detachment"),
    Case("integrity:measure-list", allowed="detachment", no_permission="qiaocheng"),
    Case("integrity:measure-update", kwargs=pk("measure"), allowed="dc_political", no_permission="qiaocheng"),
    # API
    Case("api:integrity-clue-list", api=True, **HIDDEN),
    Case("api:integrity-clue-detail", kwargs=pk("clue"), api=True, **HIDDEN),
    Case(
        "api:integrity-clue-dispose", kwargs=pk("clue"), api=True, method="post", data=dispose_data, **HIDDEN
    ),
    Case("api:integrity-procuratorateexchange-list", api=True, **HIDDEN),
    Case("api:integrity-procuratorateexchange-detail", kwargs=pk("exchange"), api=True, **HIDDEN),
    Case("api:integrity-phoneregistration-list", api=True, allowed="qiaocheng", no_permission="sysadmin"),
    Case("api:integrity-phoneregistration-detail", kwargs=pk("phone"), api=True, **OWN),
    Case("api:integrity-creditcheck-list", api=True, allowed="qiaocheng", no_permission="sysadmin"),
    Case("api:integrity-creditcheck-detail", kwargs=pk("credit"), api=True, **OWN),
    Case("api:integrity-familypledge-list", api=True, allowed="qiaocheng", no_permission="sysadmin"),
    Case("api:integrity-familypledge-detail", kwargs=pk("pledge"), api=True, **OWN),
    Case("api:integrity-warningsession-list", api=True, allowed="dc_political", no_permission="qiaocheng"),
    Case("api:integrity-warningsession-detail", kwargs=pk("session"), api=True, **EDUCATION),
    Case("api:integrity-integrityreport-list", api=True, allowed="dc_political", no_permission="qiaocheng"),
    Case("api:integrity-integrityreport-detail", kwargs=pk("report"), api=True, **EDUCATION),
    Case("api:integrity-servicemeasure-list", api=True, allowed="detachment", no_permission="qiaocheng"),
    Case(
        "api:integrity-servicemeasure-detail",
        kwargs=pk("measure"),
        api=True,
        allowed="detachment",
        no_permission="qiaocheng",
    ),  # fmt: skip
    Case(
        "api:integrity-servicemeasure-set-status",
        kwargs=pk("measure"),
        api=True,
        method="post",
        data=measure_data,
        allowed="dc_political",
        no_permission="qiaocheng",
    ),  # fmt: skip
]
