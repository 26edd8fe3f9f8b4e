"""`flameblue purge-audit` deletes old audit events but never keeps less than 180 days."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from flameblue.core.models import AuditAction, AuditEvent
from tests.dates import database_clock


@pytest.fixture(autouse=True)
def _python_clock_is_the_database_clock(db):
    """Ages are measured on the clock the database's delete guard reads (see ``database_clock``)."""
    with database_clock():
        yield


pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


def _event(days_ago: int) -> AuditEvent:
    return AuditEvent.objects.create(
        at=timezone.now() - dt.timedelta(days=days_ago), action=AuditAction.LOGIN, actor_name=f"u{days_ago}"
    )


def test_less_than_180_days_is_refused_and_nothing_is_deleted():
    old = _event(400)
    with pytest.raises(CommandError, match="至少保留 180 天") as info:
        call_command("purge_audit", days=179)
    assert info.value.returncode == 2
    assert AuditEvent.objects.filter(pk=old.pk).exists()


def test_refusal_exits_with_code_2_on_the_command_line(tmp_path):
    env = {**os.environ, "FLAMEBLUE_VAR_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "flameblue.cli", "purge-audit", "--days", "30"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "至少保留 180 天" in result.stderr


def test_purge_deletes_only_events_older_than_the_retention(settings):
    settings.AUDIT_RETENTION_DAYS = 365
    old, recent = _event(400), _event(200)
    out = StringIO()
    call_command("purge_audit", stdout=out)
    assert not AuditEvent.objects.filter(pk=old.pk).exists()
    assert AuditEvent.objects.filter(pk=recent.pk).exists()
    assert AuditEvent.objects.filter(action=AuditAction.PURGE).exists()
    assert "已清理 1 条" in out.getvalue()
