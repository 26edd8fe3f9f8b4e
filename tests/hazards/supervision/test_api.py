"""The listed-supervision and determination API: same services, same guards, same scoping as the pages."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import persona
from tests.hazards.lifecycle_helpers import confirm, report
from tests.hazards.supervision.helpers import PARTICIPANTS, filed_case, listed_case, panel, requested_case

pytestmark = pytest.mark.date_sensitive

TODAY = dt.date.today()


def _post(client, url, data):
    return client.post(url, data, content_type="application/json")


def test_a_determination_through_the_api_keeps_suggestion_panel_and_conclusion(login, people, units):
    hazard = confirm(report(units.mall, people.qiaocheng), people.qiaocheng)
    client = login(people.qiaocheng)
    created = _post(client, "/api/v1/determinations/", {
        "hazard": hazard.pk, "categories": ["crowded"], "elements": ["6.3.1", "6.3.2", "6.5"], "found_on": "2025-12-01",
    })  # fmt: skip
    assert created.status_code == 201, created.content
    det = created.json()
    # no standard given: a finding of 2025-12-01 is judged by GB 35181-2025, recorded on the determination
    assert det["engine_result"]["major"] is True and det["ruleset_version"].startswith("GB35181-2025@")
    assert det["standard"] == "GB35181-2025"
    assert any("verify" in w for w in det["engine_warnings"])
    url = f"/api/v1/determinations/{det['id']}/"
    assert _post(client, url + "panel/", {"members": panel(9), "votes_for": 6, "votes_against": 3}).json()[
        "expert_passed"
    ]
    refused = _post(client, url + "conclude/", {"is_major": True, "conclusion": "构成"})
    assert refused.status_code == 400 and "集体讨论" in refused.content.decode()
    _post(client, url + "discussion/", {"participants": PARTICIPANTS, "minutes": "纪要"})
    concluded = _post(client, url + "conclude/", {"is_major": False, "conclusion": "不构成"})
    assert concluded.status_code == 400 and "reason" in concluded.json()
    concluded = _post(client, url + "conclude/", {"is_major": True, "conclusion": "构成"})
    assert concluded.status_code == 200 and concluded.json()["is_major"] is True


def test_only_the_requested_government_decides_through_the_api(login, people, orgs, units):
    case = requested_case(units.mall, people.qiaocheng, orgs.qiaocheng_gov, today=TODAY)
    body = {
        "listed": True,
        "document_number": "谯政督〔2026〕5号",
        "deadline": (TODAY + dt.timedelta(days=30)).isoformat(),
    }
    url = f"/api/v1/supervision-cases/{case.pk}/decide/"
    assert _post(login(people.city_leader), url, body).status_code == 403
    leader = persona("qc_leader_api", orgs.qiaocheng_gov, "government_leader")
    answer = _post(login(leader), url, body)
    assert answer.status_code == 200 and answer.json()["status"] == "listed"


def test_delisting_through_the_api_before_recheck_is_refused(login, people, orgs, units):
    case = listed_case(units.mall, people.qiaocheng, orgs.city_gov, people.city_leader, today=TODAY)
    answer = _post(login(people.qiaocheng), f"/api/v1/supervision-cases/{case.pk}/delist/", {})
    assert answer.status_code == 400 and "尚未经复查合格" in answer.content.decode()


def test_the_case_list_is_scoped(login, people, orgs, units):
    listed_case(units.mall, people.qiaocheng, orgs.city_gov, people.city_leader, today=TODAY)
    assert login(people.qiaocheng).get("/api/v1/supervision-cases/").json()["count"] == 1
    assert login(people.mengcheng).get("/api/v1/supervision-cases/").json()["count"] == 0


def test_deciding_a_case_twice_is_a_409_state_conflict(login, people, orgs, units):
    case = listed_case(units.mall, people.qiaocheng, orgs.city_gov, people.city_leader, today=TODAY)
    body = {
        "listed": True,
        "document_number": "亳政督〔2026〕2号",
        "deadline": (TODAY + dt.timedelta(days=30)).isoformat(),
    }
    answer = _post(login(people.city_leader), f"/api/v1/supervision-cases/{case.pk}/decide/", body)
    assert answer.status_code == 409 and answer.json()["code"] == "state"
    case.refresh_from_db()
    assert case.listing_document_number == "亳政督〔2026〕1号"


def test_requesting_listing_from_an_out_of_scope_government_answers_like_any_invalid_choice(
    login, people, orgs, units
):
    case = filed_case(units.mall, people.qiaocheng)
    client = login(people.qiaocheng)
    url = f"/api/v1/supervision-cases/{case.pk}/request/"
    foreign = _post(client, url, {"government": orgs.mengcheng_gov.pk})
    missing = _post(client, url, {"government": 987654321})
    assert foreign.status_code == missing.status_code == 400
    assert orgs.mengcheng_gov.name not in foreign.content.decode()
    assert foreign.json() == missing.json()
