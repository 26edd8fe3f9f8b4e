"""Case reviews: recorded from the incident's page with a corrective action; the owner reports it done with
evidence (type checked by content), the detachment closes it or sends it back — each move on the timeline."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from flameblue.corps.incidents.models import CaseReview, ReviewAction
from tests.corps.subdomains import evidence

pytestmark = pytest.mark.django_db


def test_the_detachment_records_a_review_with_its_corrective_action(cw, people, login):
    client = login(people.detachment)
    response = client.post(reverse("corps:review-create", args=[cw.incident.pk]), {
        "title": "深井救援复盘", "held_on": "2026-03-12", "participants": [cw.firefighter.pk], "went_well": "快",
        "went_wrong": "器材不足", "lessons": "配齐", "owner": cw.station.pk, "task": "采购井下视频探头",
        "due_on": "2026-04-30",
    })  # fmt: skip
    review = CaseReview.objects.get(title="深井救援复盘")
    assert response.status_code == 302 and response["Location"] == review.get_absolute_url()
    action = review.actions.get()
    assert (action.owner, action.status, str(action.due_on)) == (cw.station, "open", "2026-04-30")
    assert list(action.transitions.values_list("from_status", "to_status")) == [("", "open")]
    page = client.get(review.get_absolute_url()).content.decode()
    assert "采购井下视频探头" in page and "整改中" in page


def test_a_deadline_before_the_review_is_refused_and_nothing_is_saved(cw, people, login):
    response = login(people.detachment).post(reverse("corps:review-create", args=[cw.incident.pk]), {
        "title": "复盘", "held_on": "2026-03-12", "participants": [cw.firefighter.pk], "went_well": "快",
        "went_wrong": "慢", "lessons": "练", "owner": cw.station.pk, "task": "训练", "due_on": "2026-03-01",
    })  # fmt: skip
    assert response.status_code == 400 and "整改期限不能早于研讨日期" in response.content.decode()
    assert not CaseReview.objects.filter(title="复盘").exists()


def test_reporting_needs_evidence_of_an_accepted_type(cw, people, login):
    client = login(people.qiaocheng)
    url = reverse("corps:review-action-report", args=[cw.action.pk])
    fake = SimpleUploadedFile("照片.png", b"not really a picture", content_type="image/png")
    response = client.post(url, {"report": "已完成", "evidence": fake})
    assert response.status_code == 400 and "不是允许的类型" in response.content.decode()
    response = client.post(url, {"report": "已完成"})
    assert response.status_code == 400 and "请上传整改佐证材料" in response.content.decode()
    assert ReviewAction.objects.get(pk=cw.action.pk).status == "open"
    assert client.post(url, {"report": "已完成", "evidence": evidence()}).status_code == 302
    assert ReviewAction.objects.get(pk=cw.action.pk).status == "submitted"


def test_the_brigade_cannot_close_its_own_report_the_detachment_can(cw, people, login):
    close = reverse("corps:review-action-close", args=[cw.action_submitted.pk])
    assert login(people.qiaocheng).post(close, {"reason": "自己验收"}).status_code == 403
    assert login(people.detachment).post(close, {"reason": "合格"}).status_code == 302
    action = ReviewAction.objects.get(pk=cw.action_submitted.pk)
    assert action.status == "closed" and action.closed_at is not None
    assert [t.to_status for t in action.transitions.order_by("at", "id")] == ["open", "submitted", "closed"]


def test_closing_a_stale_page_is_refused_naming_who_moved_it(cw, people, login):
    client = login(people.detachment)
    stale = cw.action_submitted.version
    client.post(reverse("corps:review-action-return", args=[cw.action_submitted.pk]), {"reason": "型号不符"})
    response = client.post(reverse("corps:review-action-close", args=[cw.action_submitted.pk]),
                           {"version": stale})  # fmt: skip
    assert response.status_code == 409 and "zhidui" in response.content.decode()
    assert ReviewAction.objects.get(pk=cw.action_submitted.pk).status == "open"
