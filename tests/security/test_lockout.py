"""Five wrong passwords lock an account for 15 minutes (django-axes, by username); every step is audited."""

from __future__ import annotations

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from flameblue.core.models import AuditAction, AuditEvent
from tests.factories import DEFAULT_PASSWORD
from tests.security.helpers import audit_count, form_login

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]

WRONG = "Wrong#Passw0rd-1"


def _fail(client, username: str, times: int):
    return [form_login(client, username, WRONG) for _ in range(times)]


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_four_failures_still_show_the_login_form(client, people):
    responses = _fail(client, "qiaocheng", 4)
    assert [r.status_code for r in responses] == [200] * 4
    assert audit_count(AuditAction.LOGIN_FAILED, actor_name="qiaocheng") == 4
    assert audit_count(AuditAction.LOCKOUT) == 0


def test_fifth_failure_locks_and_the_right_password_is_then_refused(client, people):
    *_, fifth = _fail(client, "qiaocheng", 5)
    assert fifth.status_code == 403

    sixth = form_login(client, "qiaocheng", DEFAULT_PASSWORD)

    assert sixth.status_code == 403
    assert "锁定" in sixth.content.decode()
    assert not _logged_in(client)
    assert audit_count(AuditAction.LOCKOUT, actor_name="qiaocheng") == 1
    assert audit_count(AuditAction.LOGIN_FAILED, actor_name="qiaocheng") == 6
    assert audit_count(AuditAction.LOGIN_FAILED, actor_name="qiaocheng", reason__contains="锁定") == 1
    assert audit_count(AuditAction.LOGIN) == 0


def test_lockout_is_per_account_not_per_address(client, people):
    _fail(client, "qiaocheng", 5)
    response = form_login(client, "mengcheng", DEFAULT_PASSWORD)
    assert response.status_code == 302
    assert _logged_in(client)


def test_login_works_again_after_fifteen_minutes(client, people):
    _fail(client, "qiaocheng", 5)
    assert form_login(client, "qiaocheng", DEFAULT_PASSWORD).status_code == 403

    for attempt in AccessAttempt.objects.filter(username="qiaocheng"):
        attempt.attempt_time -= dt.timedelta(minutes=15, seconds=1)
        attempt.save(update_fields=["attempt_time"])
    response = form_login(client, "qiaocheng", DEFAULT_PASSWORD)

    assert response.status_code == 302
    assert _logged_in(client)
    assert audit_count(AuditAction.LOGIN, actor_name="qiaocheng") == 1
    assert not AccessAttempt.objects.filter(username="qiaocheng").exists()


def test_still_locked_just_before_fifteen_minutes(client, people):
    _fail(client, "qiaocheng", 5)
    for attempt in AccessAttempt.objects.filter(username="qiaocheng"):
        attempt.attempt_time -= dt.timedelta(minutes=14, seconds=50)
        attempt.save(update_fields=["attempt_time"])
    assert form_login(client, "qiaocheng", DEFAULT_PASSWORD).status_code == 403
    assert not _logged_in(client)


def test_a_successful_login_resets_the_failure_count(client, people):
    _fail(client, "qiaocheng", 4)
    assert form_login(client, "qiaocheng", DEFAULT_PASSWORD).status_code == 302
    client.post(reverse("logout"))
    responses = _fail(client, "qiaocheng", 4)
    assert [r.status_code for r in responses] == [200] * 4
    assert form_login(client, "qiaocheng", DEFAULT_PASSWORD).status_code == 302


def test_login_and_logout_are_each_audited_once(client, people):
    form_login(client, "qiaocheng", DEFAULT_PASSWORD)
    client.post(reverse("logout"))

    assert audit_count(AuditAction.LOGIN, actor_name="qiaocheng") == 1
    assert audit_count(AuditAction.LOGOUT, actor_name="qiaocheng") == 1
    event = AuditEvent.objects.get(action=AuditAction.LOGIN)
    assert event.actor == people.qiaocheng
    assert event.ip == "127.0.0.1"


def _shift_attempts(username: str, minutes: float) -> None:
    for attempt in AccessAttempt.objects.filter(username=username):
        attempt.attempt_time -= dt.timedelta(minutes=minutes)
        attempt.save(update_fields=["attempt_time"])


def test_attempts_during_the_lockout_do_not_extend_it(client, people):
    _fail(client, "qiaocheng", 5)
    _shift_attempts("qiaocheng", 10)
    assert form_login(client, "qiaocheng", WRONG).status_code == 403
    assert form_login(client, "qiaocheng", DEFAULT_PASSWORD).status_code == 403

    _shift_attempts("qiaocheng", 5.5)

    assert form_login(client, "qiaocheng", DEFAULT_PASSWORD).status_code == 302
