"""The integrity pages and API end to end: declaring on the page shows the conflict, the discipline officer
decides a drinking report on its page, the due list renders the obligation version, and a visit is logged
through the API."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from flameblue.integrity import services
from flameblue.integrity.models import DrinkingReport, RelativeBusiness
from flameblue.integrity.policy import obligation_policy
from tests.dates import frozen_on

pytestmark = [pytest.mark.date_sensitive, frozen_on(dt.date(2026, 5, 20))]


def test_an_officer_declares_on_the_page_and_sees_the_conflict(login, people, integrity_world):
    client = login(people.qiaocheng)
    assert client.get(reverse("integrity:declaration-create")).status_code == 200
    response = client.post(
        reverse("integrity:declaration-create"),
        {"year": 2026, "relative_name": "李某", "relation": "spouse", "enterprise_name": "某商行",
         "uscc": integrity_world.shop.credit_code},
    )  # fmt: skip
    declaration = RelativeBusiness.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/declarations/{declaration.pk}/")
    assert "利益冲突" in client.get(response["Location"]).content.decode()


def test_the_discipline_officer_refuses_a_report_on_its_page_with_a_reason(login, people, integrity_world):
    report = services.drinking_report(
        by=people.qiaocheng, occasion_on=dt.date(2026, 5, 22), place="家", reason="宴"
    )
    client = login(integrity_world.discipline)
    url = reverse("integrity:drinking-decide", args=[report.pk])
    missing_reason = client.post(url, {"version": report.version, "approve": "0", "note": ""})
    assert missing_reason.status_code == 400 and "不同意时应说明理由" in missing_reason.content.decode()
    assert client.post(url, {"version": report.version, "approve": "0", "note": "值班"}).status_code == 302
    assert DrinkingReport.objects.get().status == "refused"


def test_the_owner_sees_no_decision_form_on_their_report(login, people, integrity_world):
    report = services.drinking_report(
        by=people.qiaocheng, occasion_on=dt.date(2026, 5, 22), place="家", reason="宴"
    )
    page = (
        login(people.qiaocheng).get(reverse("integrity:drinking-detail", args=[report.pk])).content.decode()
    )
    assert reverse("integrity:drinking-decide", args=[report.pk]) not in page


def test_the_due_list_shows_members_and_the_rule_version(login, integrity_world):
    page = login(integrity_world.political).get(reverse("integrity:liaison-due")).content.decode()
    assert obligation_policy().version in page and integrity_world.political.person.name in page


def test_a_visit_is_logged_through_the_api_and_refused_in_the_future(login, integrity_world):
    client = login(integrity_world.political)
    data = {"point": integrity_world.point.pk, "visited_on": "2026-05-19", "work": "检查执勤"}
    assert client.post("/api/v1/liaison-visits/", data, content_type="application/json").status_code == 201
    future = {**data, "visited_on": "2026-06-01"}
    response = client.post("/api/v1/liaison-visits/", future, content_type="application/json")
    assert response.status_code == 400 and "visited_on" in response.json()


def test_the_corps_home_counts_pending_reports_conflicts_and_unmet_obligations(
    login, people, integrity_world
):
    from flameblue.integrity.dashboard import integrity_panel

    services.drinking_report(by=people.qiaocheng, occasion_on=dt.date(2026, 5, 22), place="家", reason="宴")
    services.relative_business_declare(
        by=people.qiaocheng, year=2026, relative_name="李某", relation="spouse", enterprise_name="某商行",
        uscc=integrity_world.shop.credit_code,
    )  # fmt: skip
    panel = integrity_panel(integrity_world.discipline, dt.date(2026, 5, 20))
    assert (panel["pending"], panel["conflicts"], panel["unmet"]) == (1, 1, 2)
    assert integrity_panel(people.sysadmin, dt.date(2026, 5, 20)) is None
    assert login(integrity_world.discipline).get("/").status_code == 200
