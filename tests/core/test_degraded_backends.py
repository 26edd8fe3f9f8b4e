"""When a backing service is missing or down the system degrades clearly instead of answering 500:
`migrate` creates the database cache table (and `check` reports it missing), Redis down still lets people
log in and work (cache misses), PostgreSQL down answers 503 with a Chinese page and Retry-After."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core import checks
from django.core.management import call_command
from django.db import OperationalError, connection, connections
from redis.exceptions import ConnectionError as RedisConnectionError

from flameblue.core.checks import check_cache_tables
from tests.factories import DEFAULT_PASSWORD
from tests.hazards.tips.helpers import form_data

pytestmark = pytest.mark.django_db

DB_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "flameblue_cache"}
}
#: Nothing listens on port 1: every Redis call is refused at once.
DEAD_REDIS = {
    "default": {
        "BACKEND": "flameblue.core.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}


def _drop_cache_table() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS flameblue_cache")


@pytest.mark.sqlite
def test_migrate_creates_the_cache_table_and_check_reports_it_missing(settings, client):
    settings.CACHES = DB_CACHE
    _drop_cache_table()
    problems = check_cache_tables()
    assert [p.id for p in problems] == ["flameblue.W001"] and problems[0].level == checks.WARNING

    call_command("migrate", verbosity=0)

    assert check_cache_tables() == []
    assert client.get("/portal/tips/").status_code == 200
    response = client.post("/portal/tips/", form_data(), REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302
    assert client.get("/portal/tips/track/").status_code == 200


def test_with_redis_down_people_log_in_and_work(settings, client, people):
    settings.CACHES = DEAD_REDIS
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    response = client.post("/account/login/", {"username": "qiaocheng", "password": DEFAULT_PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    for url in ("/", "/units/", "/hazards/", "/inspections/", "/api/v1/units/"):
        assert client.get(url).status_code == 200, url
    assert client.get("/portal/tips/").status_code == 200
    assert client.post("/portal/tips/", form_data(), REMOTE_ADDR="203.0.113.8").status_code == 302


def test_the_resilient_cache_reads_a_miss_and_drops_writes_when_redis_is_down(settings):
    from django.core.cache import cache

    settings.CACHES = DEAD_REDIS
    assert cache.get("k", "fallback") == "fallback"
    assert cache.add("k", 1) is False
    cache.set("k", 1)
    with pytest.raises(ValueError):
        cache.incr("k")


def _database_down():
    """Every new cursor fails as it does when PostgreSQL is stopped."""
    refused = OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')
    return mock.patch.object(type(connections["default"]), "create_cursor", side_effect=refused)


@pytest.mark.parametrize("url", ["/", "/units/", "/account/login/", "/portal/tips/"])
def test_with_the_database_down_pages_answer_503_in_chinese(client, people, url):
    client.force_login(people.qiaocheng)
    client.raise_request_exception = False
    with _database_down():
        response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "服务暂时不可用" in response.content.decode()


def test_with_the_database_down_the_api_answers_503_json(client, people):
    client.force_login(people.qiaocheng)
    client.raise_request_exception = False
    with _database_down():
        response = client.get("/api/v1/units/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "稍后重试" in response.json()["detail"]


def test_redis_unreachable_outside_the_cache_answers_503(client, people, monkeypatch):
    """Redis also carries the task queue: a page whose work cannot be queued says so with a 503."""
    from flameblue.core import views

    client.force_login(people.qiaocheng)
    client.raise_request_exception = False
    monkeypatch.setattr(
        views.ScopedListView,
        "get_queryset",
        mock.Mock(side_effect=RedisConnectionError("Connection refused")),
    )
    response = client.get("/units/")
    assert response.status_code == 503 and response["Retry-After"] == "30"


def test_a_bug_is_still_a_plain_500(client, people, monkeypatch):
    from flameblue.core import views

    client.force_login(people.qiaocheng)
    client.raise_request_exception = False
    monkeypatch.setattr(views.ScopedListView, "get_queryset", mock.Mock(side_effect=KeyError("bug")))
    response = client.get("/units/")
    assert response.status_code == 500 and "服务器内部错误" in response.content.decode()


def test_connections_are_health_checked_before_reuse():
    from django.conf import settings

    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
