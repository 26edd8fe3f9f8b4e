"""Access-matrix cases for the determination record, listed supervision and the public list (see
tests/matrix.py). Objects are built lazily through the real services once every world hook has run."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from flameblue.hazards.supervision import determination_services as dets
from flameblue.hazards.supervision import services as sup
from tests.factories import persona
from tests.hazards.lifecycle_helpers import confirm, report
from tests.hazards.supervision.helpers import (
    PARTICIPANTS,
    close_by_recheck,
    filed_case,
    listed_case,
    major_hazard,
    panel,
    requested_case,
)
from tests.matrix import Case

TODAY = dt.date.today()
FUTURE = (TODAY + dt.timedelta(days=120)).isoformat()


def world(w) -> None:
    w.supervision = SimpleNamespace()
    w.people.qc_leader = persona("sup_qc_leader", w.orgs.qiaocheng_gov, "government_leader")
    w.people.mc_leader = persona("sup_mc_leader", w.orgs.mengcheng_gov, "government_leader")


def _det(w):
    p = w.people
    hazard = _get(w, "hazard")
    return dets.determination_create(
        hazard=hazard, by=p.qiaocheng, standard="GB35181-2017", categories=["crowded"], elements=["6.6"]
    )


def _closed(w):
    case = listed_case(w.units.mall, w.people.qiaocheng, w.orgs.city_gov, w.people.city_leader, today=TODAY)
    close_by_recheck(case.hazard, w.people.qiaocheng)
    return case


def _listed(w):
    case = listed_case(w.units.mall, w.people.qiaocheng, w.orgs.city_gov, w.people.city_leader, today=TODAY)
    return sup.case_set_public(case=case, public=True, by=w.people.qiaocheng)


BUILDERS = {
    "hazard": lambda w: confirm(report(w.units.mall, w.people.qiaocheng), w.people.qiaocheng),
    "det": _det,
    "discussed": lambda w: dets.determination_record_discussion(
        det=_det(w), by=w.people.qiaocheng, participants=PARTICIPANTS, minutes="纪要"
    ),
    "major": lambda w: major_hazard(w.units.mall, w.people.qiaocheng),
    "filed": lambda w: filed_case(w.units.mall, w.people.qiaocheng),
    "requested": lambda w: requested_case(
        w.units.mall, w.people.qiaocheng, w.orgs.qiaocheng_gov, today=TODAY
    ),
    "listed": _listed,
    "closed": _closed,
}


def _get(w, name: str):
    """Build one object through the real services, once per world."""
    if not hasattr(w.supervision, name):
        setattr(w.supervision, name, BUILDERS[name](w))
    return getattr(w.supervision, name)


def pk(name: str):
    return lambda w: {"pk": _get(w, name).pk}


def hazard_pk(name: str):
    return lambda w: {"hazard_pk": _get(w, name).pk}


def _hazard_data(w):
    return {"hazard": _get(w, "major").pk}


INSPECTOR = {"allowed": "qiaocheng", "out_of_scope": "mengcheng"}
POST = {"method": "post", "ok_status": (302,)}
API = {"api": True}
API_POST = {"api": True, "method": "post", "ok_status": (200, 201)}
DECIDE = {
    "listed": "yes",
    "document_number": "谯政督〔2026〕1号",
    "deadline": FUTURE,
    "report_interval_days": 30,
}
MEMBERS = "\n".join(f"专家{i}，单位{i}，否" for i in range(1, 8))

CASES = [
    # Determination pages
    Case(
        "hazards:determination-create", kwargs=hazard_pk("hazard"), no_permission="city_leader", **INSPECTOR
    ),
    Case(
        "hazards:determination-create",
        kwargs=hazard_pk("hazard"),
        no_permission="city_leader",
        **INSPECTOR,
        **POST,
        data=lambda w: {"standard": "GB35181-2017", "categories": ["crowded"], "elements": ["6.6"]},
    ),  # fmt: skip
    Case(
        "hazards:determination-suggest",
        allowed="qiaocheng",
        no_permission="city_leader",
        query="standard=GB35181-2017&categories=crowded&elements=6.6",
    ),  # fmt: skip
    Case("hazards:determination-detail", kwargs=pk("det"), no_permission="auditor", **INSPECTOR),
    Case("hazards:determination-detail", kwargs=pk("det"), allowed="city_leader", note="government reads"),
    Case(
        "hazards:determination-discussion",
        kwargs=pk("det"),
        no_permission="city_leader",
        **INSPECTOR,
        **POST,
        data=lambda w: {"participants": "张三，大队长\n李四，监督员\n王五，法制员", "minutes": "纪要"},
    ),  # fmt: skip
    Case(
        "hazards:determination-panel",
        kwargs=pk("det"),
        no_permission="city_leader",
        **INSPECTOR,
        **POST,
        data=lambda w: {"members": MEMBERS, "votes_for": 5, "votes_against": 2},
    ),  # fmt: skip
    Case(
        "hazards:determination-conclude",
        kwargs=pk("discussed"),
        no_permission="city_leader",
        **INSPECTOR,
        **POST,
        data=lambda w: {"is_major": "yes", "conclusion": "构成"},
    ),  # fmt: skip
    # Supervision pages
    Case("hazards:supervision-list", allowed="qiaocheng", no_permission="auditor"),
    Case("hazards:supervision-list", allowed="city_leader", query="overdue=decision&status=requested"),
    Case("hazards:government-supervision", allowed="city_leader", no_permission="auditor"),
    Case("hazards:government-supervision", allowed="qc_leader", note="a county government's page"),
    Case("hazards:supervision-detail", kwargs=pk("listed"), no_permission="auditor", **INSPECTOR),
    Case("hazards:supervision-detail", kwargs=pk("requested"), allowed="qc_leader", out_of_scope="mc_leader"),
    Case(
        "hazards:supervision-docx",
        kwargs=pk("listed"),
        allowed="city_leader",
        no_permission="auditor",
        out_of_scope="mengcheng",
    ),  # fmt: skip
    Case(
        "hazards:supervision-file",
        kwargs=hazard_pk("major"),
        no_permission="city_leader",
        **INSPECTOR,
        **POST,
    ),
    Case(
        "hazards:supervision-request",
        kwargs=pk("filed"),
        no_permission="city_leader",
        **INSPECTOR,
        **POST,
        data=lambda w: {"government": w.orgs.qiaocheng_gov.pk},
    ),  # fmt: skip
    Case(
        "hazards:supervision-decide",
        kwargs=pk("requested"),
        allowed="qc_leader",
        no_permission="qiaocheng",
        out_of_scope="mc_leader",
        **POST,
        data=lambda w: DECIDE,
    ),  # fmt: skip
    Case(
        "hazards:supervision-report",
        kwargs=pk("listed"),
        no_permission="city_leader",
        **INSPECTOR,
        **POST,
        data=lambda w: {"content": "已制定方案"},
    ),  # fmt: skip
    Case(
        "hazards:supervision-delist",
        kwargs=pk("closed"),
        no_permission="auditor",
        **INSPECTOR,
        **POST,
        data=lambda w: {"confirm": "on"},
    ),  # fmt: skip
    Case(
        "hazards:supervision-public",
        kwargs=pk("filed"),
        no_permission="city_leader",
        **INSPECTOR,
        **POST,
        data=lambda w: {"is_public": "yes"},
    ),  # fmt: skip
    # Public list
    Case("portal-supervision:supervision-list", public=True, allowed="outsider"),
    # API
    Case("api:supervision-case-list", allowed="qiaocheng", no_permission="auditor", **API),
    Case(
        "api:supervision-case-list", no_permission="city_leader", data=_hazard_data, **INSPECTOR, **API_POST
    ),
    Case("api:supervision-case-detail", kwargs=pk("listed"), no_permission="auditor", **INSPECTOR, **API),
    Case(
        "api:supervision-case-request-listing",
        kwargs=pk("filed"),
        no_permission="city_leader",
        **INSPECTOR,
        **API_POST,
        data=lambda w: {"government": w.orgs.city_gov.pk},
    ),  # fmt: skip
    Case(
        "api:supervision-case-decide",
        kwargs=pk("requested"),
        allowed="qc_leader",
        no_permission="qiaocheng",
        out_of_scope="mc_leader",
        **API_POST,
        data=lambda w: {"listed": True, "document_number": "谯政督〔2026〕2号", "deadline": FUTURE},
    ),  # fmt: skip
    Case(
        "api:supervision-case-report",
        kwargs=pk("listed"),
        no_permission="auditor",
        **INSPECTOR,
        **API_POST,
        data=lambda w: {"content": "进展"},
    ),  # fmt: skip
    Case(
        "api:supervision-case-delist", kwargs=pk("closed"), no_permission="auditor", **INSPECTOR, **API_POST
    ),
    Case(
        "api:supervision-case-public",
        kwargs=pk("filed"),
        no_permission="city_leader",
        **INSPECTOR,
        **API_POST,
        data=lambda w: {"is_public": True},
    ),  # fmt: skip
    Case(
        "api:determination-list",
        no_permission="city_leader",
        **INSPECTOR,
        **API_POST,
        data=lambda w: {
            "hazard": _get(w, "hazard").pk,
            "standard": "GB35181-2017",
            "categories": ["crowded"],
            "elements": ["6.6"],
        },  # fmt: skip
    ),  # fmt: skip
    Case("api:determination-detail", kwargs=pk("det"), no_permission="auditor", **INSPECTOR, **API),
    Case(
        "api:determination-discussion",
        kwargs=pk("det"),
        no_permission="city_leader",
        **INSPECTOR,
        **API_POST,
        data=lambda w: {"participants": PARTICIPANTS, "minutes": "纪要"},
    ),  # fmt: skip
    Case(
        "api:determination-panel",
        kwargs=pk("det"),
        no_permission="city_leader",
        **INSPECTOR,
        **API_POST,
        data=lambda w: {"members": panel(9), "votes_for": 6, "votes_against": 3},
    ),  # fmt: skip
    Case(
        "api:determination-conclude",
        kwargs=pk("discussed"),
        no_permission="city_leader",
        **INSPECTOR,
        **API_POST,
        data=lambda w: {"is_major": True, "conclusion": "构成"},
    ),  # fmt: skip
]
