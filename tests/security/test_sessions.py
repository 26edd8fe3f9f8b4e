"""Sessions end after 30 idle minutes and 12 hours after login; disabling an account ends its sessions."""

from __future__ import annotations

import time

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

from flameblue.core.middleware import LAST_SEEN_KEY, LOGIN_TIME_KEY
from flameblue.core.models import AuditAction, AuditEvent
from flameblue.org.services import user_set_active

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

MINUTE = 60
HOUR = 3600


def _age_session(client, *, idle: float, since_login: float) -> None:
    session = client.session
    now = time.time()
    session[LOGIN_TIME_KEY] = now - since_login
    session[LAST_SEEN_KEY] = now - idle
    session.save()


def _dashboard(client):
    return client.get(reverse("core:dashboard"))


def _sent_to_login(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_login_stamps_the_session(client, people):
    client.force_login(people.qiaocheng)
    assert client.session[LOGIN_TIME_KEY] == pytest.approx(time.time(), abs=5)
    assert client.session[LAST_SEEN_KEY] == pytest.approx(time.time(), abs=5)


def test_session_idle_29_minutes_continues(client, people):
    client.force_login(people.qiaocheng)
    _age_session(client, idle=29 * MINUTE, since_login=2 * HOUR)
    assert _dashboard(client).status_code == 200
    assert client.session[LAST_SEEN_KEY] == pytest.approx(time.time(), abs=5)


def test_session_idle_31_minutes_ends(client, people):
    client.force_login(people.qiaocheng)
    _age_session(client, idle=31 * MINUTE, since_login=HOUR)

    response = _dashboard(client)

    assert _sent_to_login(response)
    assert "expired=1" in response["Location"]
    assert "_auth_user_id" not in client.session
    logout = AuditEvent.objects.get(action=AuditAction.LOGOUT)
    assert logout.actor == people.qiaocheng
    assert logout.reason == "会话超时"


def test_active_session_ends_after_twelve_hours(client, people):
    client.force_login(people.qiaocheng)
    _age_session(client, idle=MINUTE, since_login=12 * HOUR + 1)
    assert _sent_to_login(_dashboard(client))
    assert _sent_to_login(_dashboard(client))  # stays logged out


def test_active_session_just_under_twelve_hours_continues(client, people):
    client.force_login(people.qiaocheng)
    _age_session(client, idle=MINUTE, since_login=12 * HOUR - MINUTE)
    assert _dashboard(client).status_code == 200


def test_each_request_keeps_the_idle_clock_running(client, people):
    client.force_login(people.qiaocheng)
    for _ in range(3):
        _age_session(client, idle=25 * MINUTE, since_login=HOUR)
        assert _dashboard(client).status_code == 200


def test_disabling_an_account_ends_its_sessions_at_once(client, people):
    client.force_login(people.qiaocheng)
    assert _dashboard(client).status_code == 200

    user_set_active(people.qiaocheng, by=people.secadmin, active=False, reason="调离岗位")

    assert _sent_to_login(_dashboard(client))
    remaining = [
        s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(people.qiaocheng.pk)
    ]
    assert remaining == []
    event = AuditEvent.objects.filter(action=AuditAction.SECURITY, object_id=str(people.qiaocheng.pk)).get()
    assert event.changes["sessions_ended"] == 1


def test_disabling_one_account_leaves_others_logged_in(client, people):
    client.force_login(people.mengcheng)
    user_set_active(people.qiaocheng, by=people.secadmin, active=False, reason="调离岗位")
    assert _dashboard(client).status_code == 200
