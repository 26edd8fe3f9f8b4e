"""Personas shared by every test: each is a user whose memberships put them in one jurisdiction.

detachment officer  亳州市消防救援支队 (all of Bozhou)
qiaocheng inspector 谯城区大队 (谯城区 341602)
mengcheng inspector 蒙城县大队 (蒙城县 341622)
grid officer        花戏楼街道 (341602001)
edu supervisor      谯城区教育局 (谯城区, education only)
unit manager        a social unit in 花戏楼街道
auditor, sysadmin, secadmin, outsider (no membership)
"""

from __future__ import annotations

import os
from types import SimpleNamespace

import pytest

from flameblue.org.choices import OrgKind
from tests.factories import DEFAULT_PASSWORD, UserFactory, org, persona

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# The `demo` fixture: the full demo seeded once per process (see the module).
pytest_plugins = ["tests.demo_session"]

#: The PostgreSQL statement trigger that refuses TRUNCATE of the audit trail (core migration 0007).
AUDIT_NO_TRUNCATE = "flameblue_auditevent_no_truncate"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, with the audit trail's no-TRUNCATE trigger switched off: Django empties the
    database after each transactional (browser, concurrency) test with one TRUNCATE of every table. The
    trigger's own test switches it on again inside its transaction (tests/security/test_audit_table_roles.py)."""
    from django.db import connection

    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"ALTER TABLE core_auditevent DISABLE TRIGGER {AUDIT_NO_TRUNCATE}")
    yield


@pytest.fixture(autouse=True)
def _settings_for_tests(settings, tmp_path):
    settings.REQUIRE_2FA_FOR_ADMIN_ROLES = False
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.HUEY = {**settings.HUEY, "immediate": True}
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(autouse=True)
def _fresh_working_day_cache():
    """The working-day lookups are cached per process; a test that edits the calendar must not leak."""
    from flameblue.workdays import services

    services._cache.clear()
    yield
    services._cache.clear()


@pytest.fixture(autouse=True)
def _fresh_reference_choices():
    """Reference choice lists are kept per process; a test's rolled-back rows must not show in the next."""
    from flameblue.core import reference_choices

    reference_choices._LOCAL.clear()
    yield
    reference_choices._LOCAL.clear()


@pytest.fixture
def password() -> str:
    return DEFAULT_PASSWORD


@pytest.fixture
def orgs(db):
    return make_orgs()


def make_orgs() -> SimpleNamespace:
    """The persona organizations (the ``orgs`` fixture), for fixtures of a wider scope."""
    detachment = org("亳州市消防救援支队", OrgKind.DETACHMENT, "3416")
    return SimpleNamespace(
        detachment=detachment,
        city_gov=org("亳州市人民政府", OrgKind.GOVERNMENT, "3416"),
        qiaocheng_gov=org("谯城区人民政府", OrgKind.GOVERNMENT, "341602"),
        mengcheng_gov=org("蒙城县人民政府", OrgKind.GOVERNMENT, "341622"),
        qiaocheng_brigade=org("谯城区消防救援大队", OrgKind.BRIGADE, "341602", parent=detachment),
        mengcheng_brigade=org("蒙城县消防救援大队", OrgKind.BRIGADE, "341622", parent=detachment),
        huaxilou_gov=org("花戏楼街道办事处", OrgKind.GOVERNMENT, "341602001"),
        qiaocheng_edu=org("谯城区教育局", OrgKind.DEPARTMENT, "341602", industry="education"),
        qiaocheng_health=org("谯城区卫生健康委员会", OrgKind.DEPARTMENT, "341602", industry="health"),
        mengcheng_edu=org("蒙城县教育局", OrgKind.DEPARTMENT, "341622", industry="education"),
        school=org("亳州市第一中学", OrgKind.SOCIAL_UNIT, "341602001", industry="education"),
        mall=org("亳州万达广场", OrgKind.SOCIAL_UNIT, "341602001", industry="commerce"),
        mengcheng_hospital=org("蒙城县人民医院", OrgKind.SOCIAL_UNIT, "341622101", industry="health"),
    )


@pytest.fixture
def people(orgs):
    return make_people(orgs)


def make_people(orgs: SimpleNamespace) -> SimpleNamespace:
    """The personas (the ``people`` fixture), for fixtures of a wider scope."""
    return SimpleNamespace(
        detachment=persona("zhidui", orgs.detachment, "detachment_admin"),
        qiaocheng=persona("qiaocheng", orgs.qiaocheng_brigade, "brigade_inspector"),
        mengcheng=persona("mengcheng", orgs.mengcheng_brigade, "brigade_inspector"),
        grid=persona("grid", orgs.huaxilou_gov, "grid_officer"),
        edu=persona("edu", orgs.qiaocheng_edu, "department_supervisor"),
        unit_manager=persona("school_manager", orgs.school, "unit_manager"),
        city_leader=persona("city_leader", orgs.city_gov, "government_leader"),
        auditor=persona("auditor", orgs.detachment, "auditor"),
        sysadmin=persona("sysadmin", orgs.detachment, "system_admin"),
        secadmin=persona("secadmin", orgs.detachment, "security_admin"),
        outsider=UserFactory(username="outsider", person=None),
    )


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login


def pytest_runtest_setup(item):
    """``postgres_only`` tests (row locks, triggers, concurrency) are skipped when running on SQLite."""
    if item.get_closest_marker("postgres_only"):
        from django.db import connection

        if connection.vendor != "postgresql":
            pytest.skip("needs PostgreSQL (SQLite hides locking)")


# --- Pretend today: run the session as if it were a given day (`--pretend-today=YYYY-MM-DD`) ----------------
# Self-contained block: the option, a session-long time travel (also in each xdist worker, whose
# pytest_configure runs in its own process) and the report header. Tests whose outcome involves the current
# date carry the `date_sensitive` marker, so `pytest -m date_sensitive --pretend-today=2026-02-17` checks them
# on that day. PostgreSQL's own now() does not travel; the code uses Python's clock everywhere except the
# audit-log purge guard (a trigger), which tests of the purge take into account.

PRETEND_TODAY_HOUR = 10  # 10:00 in Bozhou: inside a working day, far from midnight in either time zone


def pytest_addoption(parser):
    parser.addoption(
        "--pretend-today",
        metavar="YYYY-MM-DD",
        default=None,
        help="run the whole session as if today were this date (10:00 Asia/Shanghai, clock ticking)",
    )


def _pretend_today_start(config):
    import datetime as dt
    import zoneinfo

    value = config.getoption("--pretend-today", default=None)
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise pytest.UsageError(f"--pretend-today expects YYYY-MM-DD, got {value!r}") from None
    return dt.datetime.combine(day, dt.time(PRETEND_TODAY_HOUR), tzinfo=zoneinfo.ZoneInfo("Asia/Shanghai"))


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    import time_machine

    start = _pretend_today_start(config)
    if start is not None:
        config._pretend_today_travel = time_machine.travel(start, tick=True)
        config._pretend_today_travel.start()


def pytest_unconfigure(config):
    travel = getattr(config, "_pretend_today_travel", None)
    if travel is not None:
        travel.stop()


def pytest_report_header(config):
    start = _pretend_today_start(config)
    return f"pretend today: {start.isoformat()} (time-machine, clock ticking)" if start else None
