import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from flameblue.core.models import AuditEvent
from flameblue.org import services
from tests.factories import DEFAULT_PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

URL = "/api/v1/auth/token/"


def _obtain(api, username, password=DEFAULT_PASSWORD, **extra):
    return api().post(URL, {"username": username, "password": password, **extra}, format="json")


def test_token_from_password_opens_the_api_within_the_jurisdiction(api, people, orgs):
    response = _obtain(api, "qiaocheng")
    assert response.status_code == 200
    token = response.json()["token"]
    client = api()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get(f"/api/v1/organizations/{orgs.qiaocheng_gov.pk}/").status_code == 200
    assert client.get(f"/api/v1/organizations/{orgs.mengcheng_gov.pk}/").status_code == 404
    assert AuditEvent.objects.filter(action="login", actor=people.qiaocheng, reason="API 令牌登录").exists()
    assert "sessionid" not in response.cookies  # token clients get no server-side session


def test_wrong_password_is_refused_and_audited(api, people):
    response = _obtain(api, "qiaocheng", "wrong-password")
    assert response.status_code == 400
    assert response.json()["non_field_errors"] == ["用户名或密码错误。"]
    assert AuditEvent.objects.filter(action="login_failed", actor_name="qiaocheng").exists()
    assert not Token.objects.filter(user=people.qiaocheng).exists()


def test_five_failures_lock_the_account_even_against_the_right_password(api, people):
    for _attempt in range(4):
        assert _obtain(api, "qiaocheng", "wrong-password").status_code == 400
    fifth = _obtain(api, "qiaocheng", "wrong-password")
    assert fifth.status_code == 403
    sixth = _obtain(api, "qiaocheng")
    assert sixth.status_code == 403
    assert "锁定" in sixth.json()["detail"] and "15 分钟" in sixth.json()["detail"]
    assert "token" not in sixth.json()
    assert not Token.objects.filter(user=people.qiaocheng).exists()
    assert AuditEvent.objects.filter(action="lockout", actor_name="qiaocheng").exists()


def test_success_before_the_limit_resets_the_failure_count(api, people):
    for _attempt in range(4):
        _obtain(api, "qiaocheng", "wrong-password")
    assert _obtain(api, "qiaocheng").status_code == 200
    for _attempt in range(4):
        _obtain(api, "qiaocheng", "wrong-password")
    assert _obtain(api, "qiaocheng").status_code == 200


def test_disabled_user_gets_no_token_and_loses_the_one_held(api, people):
    token = _obtain(api, "qiaocheng").json()["token"]
    services.user_set_active(people.qiaocheng, by=None, active=False, reason="离职")
    response = _obtain(api, "qiaocheng")
    assert response.status_code == 400 and "token" not in response.json()
    client = api()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/organizations/").status_code in (401, 403)


def test_roles_that_require_two_factor_must_send_a_totp_code(api, people, settings):
    settings.REQUIRE_2FA_FOR_ADMIN_ROLES = True
    device = TOTPDevice.objects.create(user=people.auditor, name="TOTP", confirmed=True)
    missing = _obtain(api, "auditor")
    assert missing.status_code == 400 and "otp_token" in missing.json()
    wrong = _obtain(api, "auditor", otp_token="000000" if totp(device.bin_key) != 0 else "111111")
    assert wrong.status_code == 400 and "otp_token" in wrong.json()
    assert not Token.objects.filter(user=people.auditor).exists()
    device.refresh_from_db()
    device.throttle_reset()  # django-otp slows down guessing after a wrong code
    ok = _obtain(api, "auditor", otp_token=f"{totp(device.bin_key):06d}")
    assert ok.status_code == 200 and ok.json()["token"]
