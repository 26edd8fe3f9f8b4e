"""Staff pages for tips: the scoped list with filters, the detail, and the check moves."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache

from flameblue.hazards.choices import TipStatus
from flameblue.hazards.models import Hazard
from tests.hazards.tips.helpers import at, make_tip

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


def test_list_shows_the_brigades_tips_with_filters(login, people):
    late = make_tip(description="安全出口上锁无法打开", category="blocked_exit", now=at(dt.date(2026, 1, 5)))
    fresh = make_tip(description="灭火器过期很久没有更换")
    make_tip(region="341622101", description="蒙城县的举报内容")
    client = login(people.qiaocheng)
    body = client.get("/hazards/tips/").content.decode()
    assert late.tracking_code in body and fresh.tracking_code in body and "蒙城县的举报内容" not in body
    body = client.get("/hazards/tips/?overdue=yes").content.decode()
    assert late.tracking_code in body and fresh.tracking_code not in body
    body = client.get("/hazards/tips/?category=other").content.decode()
    assert fresh.tracking_code in body and late.tracking_code not in body


def test_detail_masks_the_phone(login, people):
    tip = make_tip(phone="13812345678")
    body = login(people.grid).get(f"/hazards/tips/{tip.pk}/").content.decode()
    assert "138****5678" in body and "13812345678" not in body
    assert "开始核查" not in body  # a grid officer may look, not decide


def test_convert_from_the_page_goes_to_the_new_hazard(login, people, units):
    tip = make_tip()
    client = login(people.qiaocheng)
    assert client.post(f"/hazards/tips/{tip.pk}/start/", {"version": 1}).status_code == 302
    response = client.post(
        f"/hazards/tips/{tip.pk}/convert/", {"version": 2, "unit": units.mall.pk, "grade": "general"}
    )
    hazard = Hazard.objects.get(tip=tip)
    assert response.status_code == 302 and response.url == f"/hazards/{hazard.pk}/"
    tip.refresh_from_db()
    assert tip.status == TipStatus.CONVERTED


def test_dismiss_without_a_reason_keeps_the_input_and_says_why(login, people):
    tip = make_tip()
    response = login(people.qiaocheng).post(
        f"/hazards/tips/{tip.pk}/dismiss/", {"version": 1, "reason": "", "public_reply": "感谢监督"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "请填写经核查不属实的理由" in body and "感谢监督" in body
    tip.refresh_from_db()
    assert tip.status == TipStatus.RECEIVED


def test_a_stale_form_is_refused_with_a_message(login, people):
    tip = make_tip()
    client = login(people.qiaocheng)
    client.post(f"/hazards/tips/{tip.pk}/start/", {"version": 1})
    response = client.post(f"/hazards/tips/{tip.pk}/dismiss/", {"version": 1, "reason": "不属实"})
    assert response.status_code == 409 and "请刷新后再操作" in response.content.decode()
