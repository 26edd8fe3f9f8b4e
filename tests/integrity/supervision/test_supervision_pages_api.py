"""The supervision pages and API end to end: the discipline officer creates an activity and a finding, the
station reports it with evidence through the page, the discipline officer closes it through the API; the
cross-review page shows the computed answer beside the reviewer's; reads are audited."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from flameblue.core.models import AuditEvent
from flameblue.integrity.supervision import services
from flameblue.integrity.supervision.models import SupervisionActivity, SupervisionFinding
from tests.dates import frozen_on
from tests.integrity.supervision.conftest import make_hazard, png

pytestmark = [pytest.mark.date_sensitive, frozen_on(dt.date(2026, 3, 5))]


def test_the_discipline_officer_creates_an_activity_and_a_finding_on_the_pages(sv, orgs, login):
    client = login(sv.discipline)
    response = client.post(reverse("integrity:activity-create"), {
        "kind": "discipline_patrol", "title": "2026年纪检巡察", "units": [sv.station.pk], "team": [sv.discipline.person.pk],
        "starts_on": "2026-03-02", "ends_on": "2026-03-06",
    })  # fmt: skip
    activity = SupervisionActivity.objects.get(title="2026年纪检巡察")
    assert response.status_code == 302 and response["Location"].endswith(f"/supervision/{activity.pk}/")

    response = client.post(reverse("integrity:finding-add", args=[activity.pk]), {
        "responsible": sv.station.pk, "description": "廉政谈话记录缺失", "deadline": "2026-03-01",
    })  # fmt: skip
    assert response.status_code == 400 and "不能早于今天" in response.content.decode()
    client.post(reverse("integrity:finding-add", args=[activity.pk]), {
        "responsible": sv.station.pk, "description": "廉政谈话记录缺失", "deadline": "2026-03-31"})  # fmt: skip
    page = client.get(reverse("integrity:activity-detail", args=[activity.pk])).content.decode()
    assert "廉政谈话记录缺失" in page and "待整改" in page
    assert AuditEvent.objects.filter(action="reveal", object_type="integrity.supervisionactivity").exists()


def test_the_station_reports_with_evidence_and_the_discipline_officer_closes_through_the_api(sv, login):
    finding = services.finding_add(by=sv.discipline, activity=sv.activity, responsible=sv.station,
                                   description="执勤车辆器材登记不全", deadline=dt.date(2026, 3, 20))  # fmt: skip
    client = login(sv.station_cmd)
    page = client.get(reverse("integrity:finding-detail", args=[finding.pk])).content.decode()
    assert "报告整改完成" in page and "销号" not in page
    response = client.post(reverse("integrity:finding-report", args=[finding.pk]),
                           {"text": "已逐车核对", "evidence": png(), "version": finding.version})  # fmt: skip
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.status == "reported"

    client = login(sv.discipline)
    response = client.post(reverse("api:integrity-supervisionfinding-close", args=[finding.pk]),
                           {"text": "整改到位", "version": finding.version}, content_type="application/json")  # fmt: skip
    assert response.status_code == 200 and response.json()["status"] == "closed"
    stale = client.post(reverse("api:integrity-supervisionfinding-send-back", args=[finding.pk]),
                        {"text": "再看看"}, content_type="application/json")  # fmt: skip
    assert stale.status_code == 409


def test_the_api_lists_only_what_the_user_may_see_and_creates_through_the_services(sv, people, login, orgs):
    services.finding_add(by=sv.discipline, activity=sv.activity, responsible=sv.station,
                         description="执勤车辆器材登记不全", deadline=dt.date(2026, 3, 20))  # fmt: skip
    assert (
        len(login(people.qiaocheng).get(reverse("api:integrity-supervisionfinding-list")).json()["results"])
        == 1
    )
    assert (
        login(people.mengcheng).get(reverse("api:integrity-supervisionfinding-list")).json()["results"] == []
    )
    client = login(sv.discipline)
    response = client.post(reverse("api:integrity-supervisionactivity-list"), {
        "kind": "audit", "title": "经费审计", "units": [orgs.qiaocheng_brigade.pk], "team": [sv.discipline.person.pk],
        "starts_on": "2026-03-01", "ends_on": "2026-03-03"}, content_type="application/json")  # fmt: skip
    assert response.status_code == 201, response.content
    response = client.post(reverse("api:integrity-supervisionfinding-list"), {
        "activity": response.json()["id"], "responsible": orgs.qiaocheng_brigade.pk, "description": "票据不规范",
        "deadline": "2026-03-31"}, content_type="application/json")  # fmt: skip
    assert (
        response.status_code == 201 and SupervisionFinding.objects.filter(description="票据不规范").exists()
    )


def test_the_cross_review_pages_show_the_computed_answer_beside_the_reviewers(sv, orgs, people, login):
    make_hazard(sv.school, orgs.qiaocheng_brigade, dt.date(2026, 2, 1), deadline=dt.date(2026, 2, 20),
                status="rectifying")  # fmt: skip
    activity = services.activity_create(by=None, organizer=orgs.detachment, kind="cross_review", title="交叉巡查",
                                        units=[], team=[people.mengcheng.person], starts_on=dt.date(2026, 3, 1),
                                        ends_on=dt.date(2026, 3, 31))  # fmt: skip
    client = login(sv.discipline)
    response = client.post(reverse("integrity:cross-review-draw", args=[activity.pk]), {
        "brigade": orgs.qiaocheng_brigade.pk, "period_start": "2026-02-01", "period_end": "2026-02-28",
        "sample_size": 5, "seed": 42})  # fmt: skip
    review = activity.cross_review
    assert response.status_code == 302 and review.seed == 42 and review.items.count() == 1
    item = review.items.get()

    client = login(people.mengcheng)
    data = {"p_deadline_met": "1", "p_notice_in_time": "1", "p_recheck_done": "1", "p_evidence": "1",
            "p_grade_proper": "1", "note": "", "version": item.version}  # fmt: skip
    assert client.post(reverse("integrity:cross-review-answer", args=[item.pk]), data).status_code == 302
    page = client.get(reverse("integrity:cross-review-item", args=[item.pk])).content.decode()
    assert "table-warning" in page  # the reviewer said met, the records say the deadline passed
    api = client.get(reverse("api:integrity-crossreviewitem-detail", args=[item.pk])).json()
    assert api["computed"]["deadline_met"] is False and api["answers"]["deadline_met"] is True
    assert "42" in client.get(reverse("integrity:cross-review-detail", args=[review.pk])).content.decode()
