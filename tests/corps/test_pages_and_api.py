"""The assessment team's flow in the browser and over the API: results entered for a station, the ranking
updated, a bad time refused on the form with nothing saved, publishing shown on the public page without
personal data; the roster page masks personal data."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from flameblue.corps.models import AssessmentResult
from tests.corps.conftest import item
from tests.dates import frozen_on

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(dt.date(2026, 11, 12))]


def _enter(client, plan, corps, name, raw, code="run-3000m"):
    return client.post(
        reverse("corps:result-entry", args=[plan.pk]),
        {"station": corps.members[name].station_id, "item": item(code).pk, "member": corps.members[name].pk,
         "raw": raw, "faults": 0},
    )  # fmt: skip


def test_team_enters_results_the_ranking_updates_and_publishing_shows_it_publicly(
    login, people, plan, corps, client
):
    team = login(people.detachment)
    response = _enter(team, plan, corps, "王磊", "12'30\"")
    assert response.status_code == 302 and response["Location"].endswith(f"?station={corps.xincheng.pk}")
    page = team.get(response["Location"]).content.decode()
    assert "12&#x27;30&quot; → <strong>100.0</strong>" in page or "→ <strong>100.0</strong>" in page
    ranking = page.split('id="ranking"')[1]
    assert ranking.index("谯城区新城消防救援站") < ranking.index("特勤站")

    plan.refresh_from_db()
    response = team.post(reverse("corps:plan-publish", args=[plan.pk]), {"version": plan.version})
    assert response.status_code == 302
    client.logout()
    public = client.get(reverse("corps:public-plan-detail", args=[plan.pk])).content.decode()
    assert "谯城区新城消防救援站" in public and "33.33" in public and "2026-11-17" in public
    assert "王磊" not in public and "1385" not in public
    assert plan.title in client.get(reverse("corps:public-plan-list")).content.decode()


def test_a_bad_time_is_refused_on_the_form_and_nothing_is_saved(login, people, plan, corps):
    response = _enter(login(people.detachment), plan, corps, "张伟", "12:75")
    assert response.status_code == 400
    assert "秒数须小于 60" in response.content.decode()
    assert not AssessmentResult.objects.exists()


def test_an_unpublished_month_is_not_on_the_public_page(client, plan):
    assert client.get(reverse("corps:public-plan-detail", args=[plan.pk])).status_code == 404


def test_the_roster_page_masks_personal_data(login, people, corps):
    page = login(people.qiaocheng).get(reverse("corps:roster-detail", args=[corps.members["张伟"].pk]))
    text = page.content.decode()
    assert "张伟" in text and "138****1234" in text and "13855671234" not in text


def test_the_api_records_a_crew_result_and_returns_the_ranking(login, people, plan, corps):
    client = login(people.detachment)
    url = reverse("api:corps-plan-results", args=[plan.pk])
    body = {
        "station": corps.tegin.pk,
        "item": item("suction-drafting").pk,
        "crew": "一班",
        "raw": ["44", "46"],
    }
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 201 and response.json()["score"] == "90.0"  # slowest: 46"
    refused = client.post(url, {**body, "raw": ["12:75"]}, content_type="application/json")
    assert refused.status_code == 400 and "秒数须小于 60" in refused.json()["raw"][0]
    detail = client.get(reverse("api:corps-plan-detail", args=[plan.pk])).json()
    assert detail["ranking"][0]["name"] == "特勤站" and detail["ranking"][0]["total"] == "30.00"


def test_a_correction_shows_on_the_public_page_with_the_original_struck_through(
    login, people, plan, corps, client
):
    from flameblue.corps import services

    original = services.result_record(by=None, plan=plan, station=corps.tegin, item=item("run-3000m"),
                                      member=corps.members["张伟"], raw=["14'10\""])  # fmt: skip
    plan.refresh_from_db()
    services.plan_publish(plan=plan, by=None)
    team = login(people.detachment)
    response = team.post(
        reverse("corps:result-correct", args=[original.pk]), {"raw": "12'40\"", "reason": "计时员读数有误"}
    )
    assert response.status_code == 302
    client.logout()
    public = client.get(reverse("corps:public-plan-detail", args=[plan.pk])).content.decode()
    assert (
        "<del>14&#x27;10&quot;（60.0）</del>" in public
        and "计时员读数有误" in public
        and "张伟" not in public
    )
