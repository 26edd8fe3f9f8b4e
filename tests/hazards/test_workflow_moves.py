"""Tips, listed-supervision cases and determinations move through the one workflow kernel: each move leaves a
transition row, and a page or client that saw an older version is refused with who changed it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.urls import reverse

from flameblue.core.errors import ConcurrencyError
from flameblue.core.workflow import IllegalTransition
from flameblue.hazards.choices import DeterminationStage, SupervisionStatus, TipStatus
from flameblue.hazards.supervision import determination_services as dets
from flameblue.hazards.supervision import services as sup
from flameblue.hazards.tips import services as tips
from tests.hazards.lifecycle_helpers import DAY, confirm, report
from tests.hazards.supervision.helpers import PARTICIPANTS, filed_case, requested_case
from tests.hazards.tips.helpers import make_tip

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


def _moves(obj) -> list[tuple[str, str]]:
    return list(obj.transitions.order_by("at", "id").values_list("from_status", "to_status"))


def test_tip_moves_write_transition_rows_with_who_and_why(people):
    tip = make_tip()
    tip = tips.tip_start_check(tip=tip, by=people.qiaocheng, expected_version=tip.version)
    tip = tips.tip_dismiss(tip=tip, by=people.qiaocheng, reason="现场无杂物", expected_version=tip.version)
    assert _moves(tip) == [
        (TipStatus.RECEIVED, TipStatus.CHECKING), (TipStatus.CHECKING, TipStatus.DISMISSED),
    ]  # fmt: skip
    last = tip.transitions.order_by("at", "id").last()
    assert last.by == people.qiaocheng and last.reason == "现场无杂物"


def test_a_stale_tip_move_names_who_took_it_up(people):
    tip = make_tip()
    tips.tip_start_check(tip=tip, by=people.detachment, expected_version=1)
    with pytest.raises(ConcurrencyError, match="zhidui"):
        tips.tip_dismiss(tip=tip, by=people.qiaocheng, reason="不属实", expected_version=1)


def test_supervision_case_rejects_a_stale_version(units, people, orgs):
    case = filed_case(units.mall, people.qiaocheng)
    seen = case.version
    sup.case_set_public(case=case, public=True, by=people.qiaocheng, expected_version=seen)
    with pytest.raises(ConcurrencyError, match="请刷新"):
        sup.case_request_listing(
            case=case, government=orgs.city_gov, by=people.qiaocheng, expected_version=seen, today=DAY
        )
    case.refresh_from_db()
    assert case.status == SupervisionStatus.FILED and case.government is None


def test_supervision_case_moves_write_transition_rows(units, people, orgs):
    case = requested_case(units.mall, people.qiaocheng, orgs.city_gov)
    assert _moves(case) == [
        ("", SupervisionStatus.FILED),
        (SupervisionStatus.FILED, SupervisionStatus.REQUESTED),
    ]
    with pytest.raises(IllegalTransition, match="已提请挂牌"):
        sup.case_request_listing(case=case, government=orgs.city_gov, by=people.qiaocheng, today=DAY)


def test_determination_steps_write_transition_rows_and_a_concluded_record_is_closed(units, people):
    hazard = confirm(report(units.mall, people.qiaocheng), people.qiaocheng)
    det = dets.determination_create(
        hazard=hazard, by=people.qiaocheng, standard="GB35181-2017", categories=["crowded"], elements=["6.6"],
        found_on=dt.date(2025, 6, 1),
    )  # fmt: skip
    seen = det.version
    det = dets.determination_record_discussion(
        det=det, by=people.qiaocheng, participants=PARTICIPANTS, minutes="纪要", expected_version=seen
    )
    with pytest.raises(ConcurrencyError):
        dets.determination_conclude(
            det=det, by=people.qiaocheng, is_major=True, conclusion="构成", expected_version=seen
        )
    det = dets.determination_conclude(det=det, by=people.qiaocheng, is_major=True, conclusion="构成")
    open_, done = DeterminationStage.OPEN, DeterminationStage.CONCLUDED
    assert _moves(det) == [("", open_), (open_, open_), (open_, done)]
    with pytest.raises(IllegalTransition, match="已作出结论"):
        dets.determination_record_panel(
            det=det, by=people.qiaocheng, members=[], votes_for=0, votes_against=0
        )


def test_a_stale_write_through_the_api_is_409_stale_and_an_illegal_move_409_state(login, people, orgs, units):
    case = filed_case(units.mall, people.qiaocheng)
    client = login(people.qiaocheng)
    url = f"/api/v1/supervision-cases/{case.pk}/"
    seen = client.get(url).json()["version"]
    ok = client.post(url + "public/", {"is_public": True, "version": seen}, content_type="application/json")
    assert ok.status_code == 200 and ok.json()["version"] == seen + 1
    stale = client.post(
        url + "public/", {"is_public": False, "version": seen}, content_type="application/json"
    )
    assert (
        stale.status_code == 409 and stale.json()["code"] == "stale" and "qiaocheng" in stale.json()["detail"]
    )
    body = {"government": orgs.city_gov.pk, "version": seen + 1}
    assert client.post(url + "request/", body, content_type="application/json").status_code == 200
    again = client.post(url + "request/", {**body, "version": seen + 2}, content_type="application/json")
    assert (
        again.status_code == 409
        and again.json()["code"] == "state"
        and "不能提请挂牌" in again.json()["detail"]
    )


def test_a_stale_supervision_page_answers_409_and_keeps_the_message(login, people, units):
    case = filed_case(units.mall, people.qiaocheng)
    seen = case.version
    sup.case_set_public(case=case, public=True, by=people.detachment)
    client = login(people.qiaocheng)
    response = client.post(
        reverse("hazards:supervision-public", args=[case.pk]), {"is_public": "no", "version": seen}
    )
    assert response.status_code == 409 and "zhidui" in response.content.decode()
    case.refresh_from_db()
    assert case.is_public is True
