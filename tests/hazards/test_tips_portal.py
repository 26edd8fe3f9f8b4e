"""The public tip page, as a member of the public uses it: no login, a tracking code, rate limits, spam
checks and refused fake photos."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from flameblue.core.notify_models import StoredFile
from flameblue.hazards.models import Tip
from flameblue.hazards.tip_guard import form_token
from tests.hazards.conftest import png
from tests.hazards_tips.helpers import form_data

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

URL = "/portal/tips/"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


def post(client, ip="203.0.113.7", **kw):
    return client.post(URL, form_data(**kw), REMOTE_ADDR=ip)


def test_the_form_opens_without_login_and_offers_bozhou_townships_only(client):
    response = client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "堵塞、锁闭安全出口或疏散通道" in body and "消防设施损坏、停用" in body
    assert "花戏楼街道" in body and "古井镇" in body
    assert "蜀山区" not in body  # Hefei is not offered
    assert 'name="website"' in body and 'name="token"' in body


def test_submitting_a_tip_shows_the_tracking_code_and_photos_are_stored(client):
    response = client.post(
        URL, {**form_data(phone="13812345678"), "photos": [png("a.png")]}, REMOTE_ADDR="203.0.113.7"
    )
    assert response.status_code == 302 and response.url == reverse("portal_tips:done")
    tip = Tip.objects.get()
    assert tip.phone == "13812345678" and tip.ip == "203.0.113.7" and tip.place_name == "万达广场"
    done = client.get(response.url)
    assert tip.tracking_code in done.content.decode()
    stored = StoredFile.objects.get(owner_type="hazards.tip", owner_id=str(tip.pk))
    assert stored.content_type == "image/png"


def test_an_html_file_named_jpg_is_refused_with_a_clear_message(client):
    fake = SimpleUploadedFile(
        "现场.jpg", b"<html><script>alert(1)</script></html>", content_type="image/jpeg"
    )
    response = client.post(URL, {**form_data(), "photos": [fake]}, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 400
    body = response.content.decode()
    assert "现场.jpg" in body and "不是允许的类型" in body
    assert not Tip.objects.exists() and not StoredFile.objects.exists()
    assert "万达广场二楼东侧安全出口被铁链锁住" in body  # what was typed is kept


def test_the_honeypot_refuses_robots(client):
    response = post(client, website="http://spam.example")
    assert response.status_code == 400
    assert "未通过校验" in response.content.decode()
    assert not Tip.objects.exists()


def test_a_form_sent_too_fast_is_refused(client):
    response = post(client, token=form_token())
    assert response.status_code == 400
    assert "提交过快" in response.content.decode()
    assert not Tip.objects.exists()


def test_a_forged_token_is_refused(client):
    response = post(client, token="forged")
    assert response.status_code == 400 and "表单已失效" in response.content.decode()


def test_missing_fields_are_named_in_chinese(client):
    response = post(client, address="", region="")
    assert response.status_code == 400
    assert "这个字段是必填项" in response.content.decode() or "必填" in response.content.decode()
    assert not Tip.objects.exists()


def test_five_tips_an_hour_per_address_then_429(client):
    for _ in range(5):
        assert post(client).status_code == 302
    response = post(client)
    assert response.status_code == 429
    assert "同一网络每小时最多提交 5 件举报" in response.content.decode()
    assert Tip.objects.count() == 5
    assert post(client, ip="198.51.100.9").status_code == 302  # another address is not affected


def test_three_tips_a_day_per_phone_then_429(client):
    for n in range(3):
        assert post(client, ip=f"198.51.100.{n}", phone="13900001111").status_code == 302
    response = post(client, ip="198.51.100.50", phone="139 0000 1111")
    assert response.status_code == 429
    assert "同一手机号每天最多提交 3 件举报" in response.content.decode()
    assert Tip.objects.count() == 3


def test_refused_attempts_count_too(client, settings):
    for _ in range(30):
        post(client, website="x")
    response = post(client)
    assert response.status_code == 429 and "提交过于频繁" in response.content.decode()


def test_tracking_page_shows_status_and_reply_without_the_phone(client, people):
    post(client, phone="13812345678")
    tip = Tip.objects.get()
    response = client.post("/portal/tips/track/", {"code": tip.tracking_code.lower()})
    body = response.content.decode()
    assert response.status_code == 200
    assert "已受理" in body and "花戏楼街道" in body
    assert "13812345678" not in body and "5678" not in body and tip.address not in body


def test_tracking_an_unknown_code_says_so(client):
    response = client.post("/portal/tips/track/", {"code": "ABCDEFGHJK"})
    assert response.status_code == 404 and "未找到该查询码" in response.content.decode()


def test_done_page_without_a_tip_goes_back_to_the_form(client):
    response = client.get("/portal/tips/done/")
    assert response.status_code == 302 and response.url == URL
