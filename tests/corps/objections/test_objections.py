"""公示 objections: a station's officer files one against the station's published result within the
objection period (not after it, not against another station's); the assessment team upholds it — the result
is corrected and the original stays on the public page as superseded — or rejects it with the reason."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from flameblue.core.errors import ConcurrencyError, DomainError, OutOfScope
from flameblue.core.models import AuditEvent
from flameblue.core.workflow import IllegalTransition
from flameblue.corps.objections import services
from flameblue.corps.objections.models import Objection
from flameblue.corps.selectors import ranking
from tests.dates import at_ten, frozen_on

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(dt.date(2026, 11, 3))]


def _file(corps, published, text="计时员漏按，录像显示用时 12分28秒"):
    return services.objection_file(by=corps.commander, result=published.tegin, text=text)


def test_a_station_files_an_objection_within_the_period(corps, published):
    objection = _file(corps, published)
    assert objection.status == "filed" and objection.station == corps.tegin
    assert [t.to_status for t in objection.transitions.all()] == ["filed"]
    assert AuditEvent.objects.filter(object_type="corps.objection", object_id=str(objection.pk)).exists()


def test_after_the_period_no_objection_is_taken(corps, published):
    late = time_machine.travel(at_ten(dt.date(2026, 11, 9)), tick=False)
    with late, pytest.raises(DomainError, match="公示异议期已于 2026-11-08 截止"):
        _file(corps, published)
    assert not Objection.objects.exists()


def test_a_station_cannot_object_to_another_stations_result(corps, chain, published):
    with pytest.raises(OutOfScope):
        services.objection_file(by=chain.xincheng_commander, result=published.tegin, text="特勤站成绩偏高")
    assert not Objection.objects.exists()


def test_one_open_objection_per_result(corps, published):
    _file(corps, published)
    with pytest.raises(DomainError, match="已有待答复的异议"):
        _file(corps, published, text="再次提出")


def test_upheld_the_result_is_corrected_and_the_original_stays_superseded(corps, people, published, client):
    objection = _file(corps, published)
    before = {s.name: s.total for s in ranking(published.plan)[1]}
    objection = services.objection_uphold(
        objection, by=people.detachment, answer="经核对录像，计时有误，予以更正", raw=["12'28\""],
        expected_version=objection.version,
    )  # fmt: skip
    assert objection.status == "upheld" and objection.correction.score == 100
    published.tegin.refresh_from_db()
    assert published.tegin.superseded_by == objection.correction
    after = {s.name: s.total for s in ranking(published.plan)[1]}
    assert after["特勤站"] > before["特勤站"]
    page = client.get(reverse("corps:public-plan-detail", args=[published.plan.pk])).content.decode()
    assert "<del>13&#x27;10&quot;（80.0）</del>" in page and "公示异议成立" in page
    assert "张伟" not in page


def test_upheld_after_the_period_when_filed_in_time(corps, people, published):
    objection = _file(corps, published)
    with time_machine.travel(at_ten(dt.date(2026, 11, 12)), tick=False):
        objection = services.objection_uphold(objection, by=people.detachment, answer="予以更正", raw=["770"])
    assert objection.correction.value == 770


def test_rejected_needs_a_reason_and_the_result_stands(corps, people, published):
    objection = _file(corps, published)
    with pytest.raises(DomainError, match="不成立的理由"):
        services.objection_reject(objection, by=people.detachment, answer=" ")
    objection = services.objection_reject(
        objection, by=people.detachment, answer="录像显示计时无误，维持原成绩"
    )
    assert objection.status == "rejected" and objection.correction is None
    published.tegin.refresh_from_db()
    assert published.tegin.superseded_by is None
    with pytest.raises(IllegalTransition, match="异议不成立"):
        services.objection_reject(objection, by=people.detachment, answer="再次答复")


def test_a_stale_answer_names_who_answered(corps, people, published):
    objection = _file(corps, published)
    seen = objection.version
    services.objection_reject(objection, by=people.detachment, answer="维持原成绩", expected_version=seen)
    with pytest.raises(ConcurrencyError, match="zhidui"):
        services.objection_uphold(
            objection, by=people.detachment, answer="更正", raw=["700"], expected_version=seen
        )


def test_a_station_cannot_answer(corps, published):
    objection = _file(corps, published)
    with pytest.raises(Exception) as caught:
        services.objection_reject(objection, by=corps.commander, answer="自己答复")
    assert "权限" in str(caught.value)


def test_the_station_files_and_the_team_answers_on_the_pages(login, corps, people, published, client):
    station = login(corps.commander)
    listing = station.get(reverse("corps:objection-list")).content.decode()
    assert reverse("corps:objection-create", args=[published.tegin.pk]) in listing
    assert reverse("corps:objection-create", args=[published.xincheng.pk]) not in listing
    response = station.post(
        reverse("corps:objection-create", args=[published.tegin.pk]), {"text": "计时有误，请复核录像"}
    )
    objection = Objection.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "corps:objection-detail", args=[objection.pk]
    )
    team = login(people.detachment)
    response = team.post(
        reverse("corps:objection-uphold", args=[objection.pk]),
        {"version": objection.version, "raw": "12:75", "answer": "复核属实"},
    )
    assert response.status_code == 400 and "秒数须小于 60" in response.content.decode()
    objection.refresh_from_db()
    assert objection.status == "filed"
    response = team.post(
        reverse("corps:objection-uphold", args=[objection.pk]),
        {"version": objection.version, "raw": "12:25", "answer": "复核属实"},
    )
    assert response.status_code == 302
    objection.refresh_from_db()
    assert objection.status == "upheld" and objection.correction.value == 745


def test_the_api_files_and_rejects(login, corps, people, published):
    station = login(corps.commander)
    body = {"result": published.tegin.pk, "text": "复核"}
    response = station.post(reverse("api:corps-objection-file"), body, content_type="application/json")
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    team = login(people.detachment)
    url = reverse("api:corps-objection-reject", args=[pk])
    response = team.post(url, {"answer": "维持"}, content_type="application/json")
    assert response.status_code == 200 and response.json()["status"] == "rejected"
    response = team.post(url, {"answer": "再"}, content_type="application/json")
    assert response.status_code == 409
