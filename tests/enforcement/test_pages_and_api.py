"""The enforcement pages and API as users meet them: the inspector proposes a sealing on a page and sees no
decide form, the leader decides through the form, a stale form answers 409 with who changed it, the API
refuses an inspector's decision (403) and a stale step (409 ``stale``), lists are scoped, the home page shows
the clocks, and the Word document downloads."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from flameblue.enforcement.choices import SealingStatus
from flameblue.enforcement.models import Sealing
from tests.dates import frozen_on
from tests.enforcement.conftest import TODAY, decide, propose

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(TODAY)]


def _detail(sealing):
    return reverse("enforcement:sealing-detail", kwargs={"pk": sealing.pk})


def _step(sealing, step):
    return reverse("enforcement:sealing-step", kwargs={"pk": sealing.pk, "step": step})


def test_an_inspector_proposes_on_the_page_and_is_not_offered_the_decision(login, hazard, people):
    client = login(people.qiaocheng)
    response = client.post(reverse("enforcement:sealing-create"), {
        "hazard": hazard.pk, "ground": "exits", "premises": "负一层超市", "facts": "安全出口锁闭",
        "period_days": 30, "inspected_on": "2026-03-02",
    })  # fmt: skip
    sealing = Sealing.objects.get()
    assert response.status_code == 302 and response["Location"] == _detail(sealing)
    page = client.get(_detail(sealing)).content.decode()
    assert "拟查封待研究" in page and "2026-03-05" in page
    assert 'data-step="decide"' not in page


def test_a_proposal_without_a_source_is_refused_with_a_message(login, people):
    response = login(people.qiaocheng).post(reverse("enforcement:sealing-create"), {
        "ground": "exits", "premises": "一层", "facts": "锁闭", "period_days": 30,
    })  # fmt: skip
    assert response.status_code == 200
    assert "请选择据以提出查封的隐患或检查记录" in response.content.decode()


def test_the_leader_decides_through_the_form(login, hazard, people, chiefs):
    sealing = propose(hazard, people.qiaocheng)
    client = login(chiefs.qiaocheng)
    assert 'data-step="decide"' in client.get(_detail(sealing)).content.decode()
    response = client.post(_step(sealing, "decide"), {
        "decide-version": sealing.version, "decide-held_on": "2026-03-03", "decide-seal": "yes",
        "decide-participants": "张队长、王磊、李法制员", "decide-opinion": "符合第二十二条第一项",
    })  # fmt: skip
    assert response.status_code == 302
    sealing.refresh_from_db()
    assert sealing.status == SealingStatus.DECIDED and sealing.review.participants == [
        "张队长",
        "王磊",
        "李法制员",
    ]


def test_a_stale_step_form_answers_409_naming_who_changed_it(login, hazard, people, chiefs):
    sealing = propose(hazard, people.qiaocheng)
    seen = sealing.version
    decide(sealing, chiefs.qiaocheng)
    response = login(people.qiaocheng).post(_step(sealing, "serve"), {
        "serve-version": seen, "serve-served_on": "2026-03-03",
    })  # fmt: skip
    assert response.status_code == 409
    assert "qiaocheng_chief" in response.content.decode()


def test_an_unknown_step_is_not_found(login, hazard, people):
    sealing = propose(hazard, people.qiaocheng)
    assert login(people.qiaocheng).post(_step(sealing, "demolish"), {}).status_code == 404


def test_lists_are_scoped_to_the_county(login, hazard, people):
    propose(hazard, people.qiaocheng)
    url = reverse("enforcement:sealing-list")
    assert "亳州万达广场" in login(people.qiaocheng).get(url).content.decode()
    assert "亳州万达广场" not in login(people.mengcheng).get(url).content.decode()
    assert "亳州万达广场" in login(people.detachment).get(url).content.decode()


def test_the_due_list_and_the_home_panel_show_the_running_clock(login, hazard, people):
    propose(hazard, people.qiaocheng, inspected_on=dt.date(2026, 3, 26))  # due Tuesday 31 March = today
    client = login(people.qiaocheng)
    page = client.get(reverse("enforcement:due-list")).content.decode()
    assert "集体研究并送达决定书" in page and "2026-03-31" in page
    home = client.get(reverse("core:dashboard")).content.decode()
    assert "执法时限" in home and "三个工作日内到期 1" in home


def test_the_decision_downloads_as_word(login, hazard, people, chiefs):
    sealing = decide(propose(hazard, people.qiaocheng), chiefs.qiaocheng)
    url = reverse("enforcement:sealing-writ", kwargs={"pk": sealing.pk, "code": "sealing_decision"})
    response = login(people.qiaocheng).get(url)
    assert response.status_code == 200 and response.content[:2] == b"PK"
    missing = reverse("enforcement:sealing-writ", kwargs={"pk": sealing.pk, "code": "sealing_lift"})
    assert login(people.qiaocheng).get(missing).status_code == 404


def test_the_api_proposes_refuses_an_inspectors_decision_and_a_stale_step(client, hazard, people, chiefs):
    client.force_login(people.qiaocheng)
    created = client.post("/api/v1/sealings/", {
        "hazard": hazard.pk, "ground": "systems", "premises": "二层", "facts": "喷淋系统瘫痪",
        "inspected_on": "2026-03-02",
    }, content_type="application/json")  # fmt: skip
    assert created.status_code == 201 and created.json()["due_on"] == "2026-03-05"
    pk = created.json()["id"]
    decision = {"seal": True, "participants": ["甲", "乙", "丙"], "opinion": "查封", "held_on": "2026-03-03"}
    assert (
        client.post(f"/api/v1/sealings/{pk}/decide/", decision, content_type="application/json").status_code
        == 403
    )
    client.force_login(chiefs.qiaocheng)
    decided = client.post(f"/api/v1/sealings/{pk}/decide/", {**decision, "version": 1},
                          content_type="application/json")  # fmt: skip
    assert decided.status_code == 200 and decided.json()["status"] == "decided"
    stale = client.post(f"/api/v1/sealings/{pk}/serve/", {"served_on": "2026-03-03", "version": 1},
                        content_type="application/json")  # fmt: skip
    assert stale.status_code == 409 and stale.json()["code"] == "stale"
    client.force_login(people.mengcheng)
    assert client.get(f"/api/v1/sealings/{pk}/").status_code == 404


def test_the_api_due_list_and_bad_input(client, hazard, people):
    propose(hazard, people.qiaocheng)
    client.force_login(people.qiaocheng)
    rows = client.get("/api/v1/enforcement-due/").json()
    assert [(r["kind"], r["due_on"], r["overdue"]) for r in rows] == [("sealing", "2026-03-05", True)]
    bad = client.post("/api/v1/sealings/", {"hazard": hazard.pk, "ground": "systems", "premises": "二层",
                                            "facts": "x", "period_days": 45}, content_type="application/json")  # fmt: skip
    assert bad.status_code == 400 and "period_days" in bad.json()


def test_a_unit_manager_applies_for_their_own_place_with_the_unit_filled_in(login, orgs, units):
    from flameblue.enforcement.models import PreOpeningCheck
    from tests.factories import persona

    client = login(persona("mall_manager", orgs.mall, "unit_manager"))
    form = client.get(reverse("enforcement:preopening-create")).content.decode()
    assert f'value="{units.mall.pk}"' in form
    response = client.post(reverse("enforcement:preopening-create"), {
        "unit": units.mall.pk, "place_name": "万达影城", "address": "万达广场四层", "area_m2": "1800",
        "applicant": "万达影城亳州店", "path": "commitment", "applied_on": "2026-03-30",
    })  # fmt: skip
    check = PreOpeningCheck.objects.get()
    assert response.status_code == 302 and check.status == "applied"
    page = client.get(reverse("enforcement:preopening-detail", kwargs={"pk": check.pk})).content.decode()
    assert "已申请待受理" in page and 'data-step="accept"' not in page
