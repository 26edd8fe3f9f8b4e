"""API tokens follow the account's security: a login issues a new token, a password change and a logout
revoke it, and it stops working when two-factor login becomes required or the authenticator changes."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from flameblue.org import services, twofactor
from tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db

URL = "/api/v1/auth/token/"
NEW_PASSWORD = "Kq7#mzpLwtr-Xv"


def _token(username: str, password: str = DEFAULT_PASSWORD, **extra) -> str:
    response = APIClient().post(URL, {"username": username, "password": password, **extra}, format="json")
    assert response.status_code == 200, response.content
    return response.json()["token"]


def _works(key: str, url: str = "/api/v1/regions/") -> bool:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client.get(url).status_code == 200


def test_each_login_returns_a_new_token_and_the_old_one_stops(people):
    first = _token("qiaocheng")
    second = _token("qiaocheng")
    assert first != second
    assert not _works(first) and _works(second)


def test_a_password_change_revokes_the_token(people):
    key = _token("qiaocheng")
    services.user_set_password(people.qiaocheng, by=people.qiaocheng, password=NEW_PASSWORD)
    assert not _works(key)
    assert _works(_token("qiaocheng", NEW_PASSWORD))


def test_web_logout_revokes_the_token(people, client):
    key = _token("qiaocheng")
    client.force_login(people.qiaocheng)
    client.post(reverse("logout"))
    assert not _works(key)


def test_api_logout_revokes_the_token_sent(people):
    key = _token("qiaocheng")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.post("/api/v1/auth/logout/").status_code == 204
    assert not _works(key)


def test_a_token_issued_before_two_factor_became_required_stops_working(people, settings):
    key = _token("auditor")  # REQUIRE_2FA_FOR_ADMIN_ROLES is off in tests
    assert _works(key, "/api/v1/audit-events/")
    settings.REQUIRE_2FA_FOR_ADMIN_ROLES = True
    TOTPDevice.objects.create(user=people.auditor, name="TOTP", confirmed=True)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    refused = client.get("/api/v1/audit-events/")
    assert refused.status_code in (401, 403) and "双因素" in refused.content.decode()


def test_a_token_stops_working_when_the_authenticator_is_reset(people):
    device = TOTPDevice.objects.create(user=people.qiaocheng, name="TOTP", confirmed=True)
    key = _token("qiaocheng", otp_token=f"{totp(device.bin_key):06d}")
    assert _works(key)
    twofactor.totp_reset(user=people.qiaocheng, by=people.secadmin, reason="手机丢失")
    assert not _works(key)


def test_a_two_factor_account_without_a_device_is_told_to_enrol(people, settings):
    settings.REQUIRE_2FA_FOR_ADMIN_ROLES = True
    response = APIClient().post(URL, {"username": "auditor", "password": DEFAULT_PASSWORD}, format="json")
    assert response.status_code == 400
    message = response.json()["otp_token"][0]
    assert "尚未绑定验证器" in message and "次数过多" not in message
