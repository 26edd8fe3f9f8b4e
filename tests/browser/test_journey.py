"""Issue 2's browser journey: a 谯城区 brigade inspector logs in, browses their jurisdiction, is refused a
蒙城县 organization with a 404 page; five wrong passwords lock an account."""

from __future__ import annotations

import pytest
from django.urls import reverse

from flameblue.core.models import AuditAction, AuditEvent
from tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.browser

SCREENSHOT = "/tmp/flameblue-browser-journey.png"


def _submit_login(page, username: str, password: str):
    page.goto(reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.locator("form:has(input[name=password]) [type=submit]").click()


def test_brigade_inspector_sees_own_jurisdiction_and_404_elsewhere(browser_page, live_server, orgs, people):
    page = browser_page

    _submit_login(page, "qiaocheng", DEFAULT_PASSWORD)
    assert page.url == f"{live_server.url}{reverse('core:dashboard')}"
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN, actor=people.qiaocheng).count() == 1

    page.goto(reverse("geo:region-detail", kwargs={"pk": "341602"}))
    townships = page.locator("main").inner_text()
    assert "谯城区" in townships
    assert "花戏楼街道" in townships and "古井镇" in townships

    response = page.goto(reverse("org:organization-list"))
    assert response.status == 200
    listing = page.locator("main").inner_text()
    assert "谯城区人民政府" in listing and "谯城区消防救援大队" in listing
    assert "蒙城县" not in listing

    response = page.goto(reverse("org:organization-detail", kwargs={"pk": orgs.mengcheng_gov.pk}))
    assert response.status == 404
    assert "页面不存在" in page.locator("main").inner_text()
    assert "蒙城县人民政府" not in page.content()
    page.screenshot(path=SCREENSHOT, full_page=True)


def test_five_wrong_passwords_lock_the_account(browser_page, people):
    page = browser_page
    for _ in range(4):
        _submit_login(page, "qiaocheng", "Wrong#Passw0rd-1")
        assert page.locator("input[name=password]").count() == 1  # the form again, with an error

    _submit_login(page, "qiaocheng", "Wrong#Passw0rd-1")
    _submit_login(page, "qiaocheng", DEFAULT_PASSWORD)

    assert "锁定" in page.locator("body").inner_text()
    assert page.locator("input[name=password]").count() == 0
    page.goto(reverse("core:dashboard"))
    assert "/account/login/" in page.url  # still not logged in
    assert AuditEvent.objects.filter(action=AuditAction.LOCKOUT, actor_name="qiaocheng").count() == 1


def test_security_admin_binds_an_authenticator_at_first_login(browser_page, live_server, people, settings):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.security.helpers import totp_code

    settings.REQUIRE_2FA_FOR_ADMIN_ROLES = True
    page = browser_page

    _submit_login(page, "secadmin", DEFAULT_PASSWORD)
    assert page.url.startswith(f"{live_server.url}{reverse('twofactor-setup')}")
    assert page.locator(".qr-code svg").is_visible()
    secret = page.locator("#totp-secret").inner_text().strip()
    device = TOTPDevice.objects.get(user=people.secadmin, confirmed=False)
    assert len(secret) == 32
    page.screenshot(path="/tmp/flameblue-2fa-setup.png")

    page.fill("input[name=token]", totp_code(device))
    with page.expect_navigation():
        page.locator("form:has(input[name=token]) [type=submit]").click()

    assert page.url == f"{live_server.url}{reverse('core:dashboard')}"
    assert TOTPDevice.objects.get(user=people.secadmin).confirmed
