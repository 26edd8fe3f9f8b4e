"""/api/v1/tips/: public create and track expose nothing but the tipster's own progress; staff endpoints are
scoped like the pages."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from flameblue.hazards.choices import TipStatus
from flameblue.hazards.models import Tip
from tests.hazards.tips.helpers import form_data, make_tip

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


@pytest.fixture
def api():
    return APIClient(REMOTE_ADDR="203.0.113.8")


def test_public_create_returns_only_the_tracking_code(api):
    response = api.post("/api/v1/tips/", form_data(phone="13812345678"), format="json")
    assert response.status_code == 201, response.content
    assert set(response.json()) == {"tracking_code", "status", "check_due_at"}
    tip = Tip.objects.get()
    assert response.json()["tracking_code"] == tip.tracking_code and tip.phone == "13812345678"


def test_public_create_applies_the_spam_checks(api):
    token = api.get("/api/v1/tips/token/").json()
    assert token["min_seconds"] == 5
    response = api.post("/api/v1/tips/", form_data(token=token["token"]), format="json")
    assert response.status_code == 400 and "提交过快" in str(response.json())
    response = api.post("/api/v1/tips/", form_data(website="x"), format="json")
    assert response.status_code == 400
    assert not Tip.objects.exists()


def test_public_create_is_rate_limited_per_address(api):
    for _ in range(5):
        assert api.post("/api/v1/tips/", form_data(), format="json").status_code == 201
    response = api.post("/api/v1/tips/", form_data(), format="json")
    assert response.status_code == 429 and "每小时最多提交 5 件" in response.json()["detail"]


def test_public_create_refuses_an_html_file_named_jpg(api):
    fake = SimpleUploadedFile("a.jpg", b"<html></html>", content_type="image/jpeg")
    response = api.post("/api/v1/tips/", {**form_data(), "photos": [fake]}, format="multipart")
    assert response.status_code == 400 and "不是允许的类型" in str(response.json())
    assert not Tip.objects.exists()


def test_track_by_code_shows_no_personal_data(api):
    tip = make_tip(phone="13812345678")
    response = api.get(f"/api/v1/tips/track/{tip.tracking_code}/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == TipStatus.RECEIVED and "phone" not in body and "address" not in body
    assert "13812345678" not in response.content.decode()
    assert api.get("/api/v1/tips/track/ABCDEFGHJK/").status_code == 404


def test_anonymous_cannot_list_or_read_tips(api):
    tip = make_tip()
    assert api.get("/api/v1/tips/").status_code in (401, 403)
    assert api.get(f"/api/v1/tips/{tip.pk}/").status_code in (401, 403)


def test_staff_list_is_scoped_and_masks_the_phone(api, people):
    here = make_tip(phone="13812345678")
    make_tip(region="341622101")  # 蒙城县
    api.force_authenticate(people.qiaocheng)
    rows = api.get("/api/v1/tips/").json()["results"]
    assert [r["id"] for r in rows] == [here.pk]
    assert rows[0]["phone_masked"] == "138****5678" and "phone" not in rows[0]


def test_staff_convert_and_dismiss_through_the_api(api, people, units):
    tip, other = make_tip(), make_tip()
    api.force_authenticate(people.qiaocheng)
    response = api.post(f"/api/v1/tips/{tip.pk}/convert/", {"unit": units.mall.pk}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == TipStatus.CONVERTED and len(response.json()["hazards"]) == 1
    response = api.post(f"/api/v1/tips/{other.pk}/dismiss/", {"reason": ""}, format="json")
    assert response.status_code == 400 and "理由" in str(response.json())
    api.force_authenticate(people.mengcheng)
    assert api.post(f"/api/v1/tips/{other.pk}/start/", {}, format="json").status_code == 404
