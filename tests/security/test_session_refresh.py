"""A page view does not rewrite the session row: the idle clock is refreshed at most once a minute, and the
30-minute idle timeout still holds."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from flameblue.core.middleware import LAST_SEEN_KEY

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 6, 15, 2, 0, tzinfo=dt.UTC)


def _session_writes(client) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("core:dashboard"))
    writes = [
        q["sql"]
        for q in ctx.captured_queries
        if '"django_session"' in q["sql"] and q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))
    ]
    return response.status_code, writes


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def test_requests_within_a_minute_do_not_write_the_session(client, people, clock):
    client.force_login(people.qiaocheng)
    assert _session_writes(client)[0] == 200  # the first page view may settle the session
    for seconds in (10, 30, 20):  # 10 s, 40 s and 60 s after the last write … 59 s
        clock.shift(dt.timedelta(seconds=seconds) - dt.timedelta(seconds=1 if seconds == 20 else 0))
        status, writes = _session_writes(client)
        assert status == 200 and writes == []


def test_a_request_after_more_than_a_minute_refreshes_the_idle_clock(client, people, clock):
    client.force_login(people.qiaocheng)
    _session_writes(client)
    seen = client.session[LAST_SEEN_KEY]
    clock.shift(dt.timedelta(seconds=61))
    status, writes = _session_writes(client)
    assert status == 200 and len(writes) == 1
    assert client.session[LAST_SEEN_KEY] == pytest.approx(seen + 61)
    from django.contrib.sessions.models import Session

    stored = Session.objects.get(session_key=client.session.session_key)
    assert stored.expire_date == timezone.now() + dt.timedelta(minutes=30)


def test_unrecorded_requests_do_not_stretch_the_idle_timeout_past_thirty_minutes(client, people, clock):
    client.force_login(people.qiaocheng)
    _session_writes(client)
    clock.shift(dt.timedelta(seconds=50))
    _session_writes(client)  # not recorded: within a minute of the last write
    clock.shift(dt.timedelta(minutes=29, seconds=20))  # 29:20 idle, 30:10 since the clock was written
    response = client.get(reverse("core:dashboard"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert "_auth_user_id" not in client.session


def test_idle_for_more_than_thirty_minutes_logs_out(client, people, clock):
    client.force_login(people.qiaocheng)
    assert _session_writes(client)[0] == 200
    clock.shift(dt.timedelta(minutes=29))
    assert _session_writes(client)[0] == 200  # 29 minutes idle: still in, and the clock is refreshed
    clock.shift(dt.timedelta(minutes=30, seconds=1))
    response = client.get(reverse("core:dashboard"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert "_auth_user_id" not in client.session
