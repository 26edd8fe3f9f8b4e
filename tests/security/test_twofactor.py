"""TOTP two-factor login: required for system/security/audit administrators, available to everyone."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from flameblue.core.errors import DomainError, PermissionDeniedError
from flameblue.core.models import AuditAction, AuditEvent
from flameblue.org.twofactor import totp_reset
from tests.security.helpers import totp_code

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def required(settings):
    settings.REQUIRE_2FA_FOR_ADMIN_ROLES = True


def _device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="TOTP", confirmed=True)


def _wait_out_throttle(device: TOTPDevice) -> None:
    """After a wrong code django-otp refuses codes for a growing delay; pretend that time has passed."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - dt.timedelta(minutes=10)
    )


def _dashboard(client):
    return client.get(reverse("core:dashboard"))


def _security_events(user) -> list[dict]:
    return [e.changes for e in AuditEvent.objects.filter(action=AuditAction.SECURITY, object_id=str(user.pk))]


def test_administrator_without_device_is_sent_through_verify_to_setup(client, people, required):
    client.force_login(people.secadmin)

    response = _dashboard(client)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("twofactor-verify"))

    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("twofactor-setup"))


def test_administrator_sets_up_totp_and_then_reaches_the_dashboard(client, people, required):
    client.force_login(people.secadmin)

    page = client.get(reverse("twofactor-setup"), {"next": "/"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html
    device = TOTPDevice.objects.get(user=people.secadmin, confirmed=False)
    assert page.context["secret"] in html
    assert len(page.context["secret"]) == 32  # 20-byte key in base32

    response = client.post(reverse("twofactor-setup"), {"token": totp_code(device), "next": "/"})

    assert response.status_code == 302 and response["Location"] == "/"
    assert TOTPDevice.objects.get(user=people.secadmin).confirmed
    assert _dashboard(client).status_code == 200
    assert {"two_factor": [False, True]} in _security_events(people.secadmin)


def test_setup_with_a_wrong_code_is_refused_in_chinese(client, people, required):
    client.force_login(people.secadmin)
    client.get(reverse("twofactor-setup"))

    response = client.post(reverse("twofactor-setup"), {"token": "000000"})

    assert response.status_code == 400
    assert "验证码不正确" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=people.secadmin, confirmed=True).exists()
    assert {"two_factor": "setup", "result": "failed"} in _security_events(people.secadmin)


def test_malformed_code_names_the_field(client, people, required):
    _device(people.secadmin)
    client.force_login(people.secadmin)
    response = client.post(reverse("twofactor-verify"), {"token": "abc"})
    assert response.status_code == 400
    assert "6 位数字" in response.content.decode()


def test_each_login_of_an_enrolled_administrator_needs_a_code(client, people, required):
    device = _device(people.auditor)
    client.force_login(people.auditor)
    assert _dashboard(client)["Location"].startswith(reverse("twofactor-verify"))

    wrong = client.post(reverse("twofactor-verify"), {"token": "123456", "next": "/"})
    assert wrong.status_code == 400
    assert "验证码不正确" in wrong.content.decode()
    assert _dashboard(client).status_code == 302

    throttled = client.post(reverse("twofactor-verify"), {"token": totp_code(device), "next": "/"})
    assert throttled.status_code == 400
    assert "次数过多" in throttled.content.decode()

    _wait_out_throttle(device)
    right = client.post(reverse("twofactor-verify"), {"token": totp_code(device), "next": "/"})
    assert right.status_code == 302 and right["Location"] == "/"
    assert _dashboard(client).status_code == 200

    client.post(reverse("logout"))
    client.force_login(people.auditor)
    assert _dashboard(client).status_code == 302
    assert {"two_factor": "verify", "result": "failed"} in _security_events(people.auditor)


def test_a_code_cannot_be_used_twice(client, people, required):
    device = _device(people.auditor)
    code = totp_code(device)
    client.force_login(people.auditor)
    assert client.post(reverse("twofactor-verify"), {"token": code}).status_code == 302
    client.post(reverse("logout"))
    client.force_login(people.auditor)
    assert client.post(reverse("twofactor-verify"), {"token": code}).status_code == 400


def test_verify_does_not_redirect_off_site(client, people, required):
    device = _device(people.auditor)
    client.force_login(people.auditor)
    response = client.post(
        reverse("twofactor-verify"), {"token": totp_code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("core:dashboard")


def test_policy_off_lets_administrators_in_without_a_code(client, people, settings):
    settings.REQUIRE_2FA_FOR_ADMIN_ROLES = False
    client.force_login(people.secadmin)
    assert _dashboard(client).status_code == 200


def test_any_user_may_enable_it_and_must_then_verify_at_login(client, people, settings):
    settings.REQUIRE_2FA_FOR_ADMIN_ROLES = False
    client.force_login(people.qiaocheng)
    client.get(reverse("twofactor-setup"))
    device = TOTPDevice.objects.get(user=people.qiaocheng)
    assert client.post(reverse("twofactor-setup"), {"token": totp_code(device)}).status_code == 302
    assert _dashboard(client).status_code == 200  # verified by the setup itself

    client.post(reverse("logout"))
    client.force_login(people.qiaocheng)
    assert _dashboard(client)["Location"].startswith(reverse("twofactor-verify"))


def test_user_disables_it_with_a_fresh_code(client, people):
    device = _device(people.qiaocheng)
    client.force_login(people.qiaocheng)
    client.post(reverse("twofactor-verify"), {"token": totp_code(device)})

    refused = client.post(reverse("twofactor-disable"), {"token": "000000"})
    assert refused.status_code == 400
    assert TOTPDevice.objects.filter(user=people.qiaocheng).exists()

    _wait_out_throttle(device)
    done = client.post(reverse("twofactor-disable"), {"token": totp_code(device, steps_ahead=1)})
    assert done.status_code == 302
    assert not TOTPDevice.objects.filter(user=people.qiaocheng).exists()
    assert {"two_factor": [True, False]} in _security_events(people.qiaocheng)

    client.post(reverse("logout"))
    client.force_login(people.qiaocheng)
    assert _dashboard(client).status_code == 200


def test_administrator_cannot_disable_required_2fa(client, people, required):
    device = _device(people.sysadmin)
    client.force_login(people.sysadmin)
    client.post(reverse("twofactor-verify"), {"token": totp_code(device)})

    response = client.post(reverse("twofactor-disable"), {"token": totp_code(device, steps_ahead=1)})

    assert response.status_code == 400
    assert "不能停用" in response.content.decode()
    assert TOTPDevice.objects.filter(user=people.sysadmin, confirmed=True).exists()


def test_no_device_query_per_request_for_users_without_2fa(client, people, required):
    client.force_login(people.qiaocheng)
    _dashboard(client)  # first request of the session looks the device up once
    with CaptureQueriesContext(connection) as queries:
        assert _dashboard(client).status_code == 200
    assert not [q for q in queries.captured_queries if "otp_" in q["sql"]]


def test_security_admin_resets_a_lost_authenticator(people):
    _device(people.qiaocheng)
    removed = totp_reset(user=people.qiaocheng, by=people.secadmin, reason="手机丢失，重新绑定")
    assert removed == 1
    assert not TOTPDevice.objects.filter(user=people.qiaocheng).exists()
    event = AuditEvent.objects.get(action=AuditAction.SECURITY, object_id=str(people.qiaocheng.pk))
    assert event.actor == people.secadmin and event.reason == "手机丢失，重新绑定"


def test_reset_needs_the_permission_and_a_reason(people):
    _device(people.qiaocheng)
    with pytest.raises(PermissionDeniedError):
        totp_reset(user=people.qiaocheng, by=people.detachment, reason="手机丢失，重新绑定")
    with pytest.raises(DomainError):
        totp_reset(user=people.qiaocheng, by=people.secadmin, reason="")
    assert TOTPDevice.objects.filter(user=people.qiaocheng).exists()
