"""Keeping the audit trail across ``flameblue restore``: events written after the backup was taken are
not lost with the rest of the newer data — they are read before the restore and appended afterwards
(same ids, actor kept by name when the account is not in the backup).

Which events are "after the backup": every event from one day before the backup's own time (SQLite: the
newest event in the file; PostgreSQL: "Archive created at" of ``pg_restore --list``) whose id is not in the
restored table. The margin only costs a few rows that are then found to be already there."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.core.management.color import no_style
from django.db import connection, transaction

from flameblue.core.models import AuditEvent

__all__ = ["append_events", "backup_time", "events_since", "parse_archive_created"]

MARGIN = dt.timedelta(days=1)
_CREATED = re.compile(r"Archive created at (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})")


def parse_archive_created(listing: str) -> dt.datetime | None:
    """The creation time in a ``pg_restore --list`` header (taken as UTC; the margin covers the zone)."""
    match = _CREATED.search(listing)
    if match is None:
        return None
    return dt.datetime.fromisoformat(match.group(1)).replace(tzinfo=dt.UTC)


def _sqlite_backup_time(source: Path) -> dt.datetime | None:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        row = src.execute("SELECT max(at) FROM core_auditevent").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        src.close()
    if not row or not row[0]:
        return None
    value = dt.datetime.fromisoformat(str(row[0]))
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def backup_time(source: Path, env: dict[str, str] | None = None) -> dt.datetime | None:
    """When the backup was taken (approximately), or None when it cannot be told (then all events are kept)."""
    if connection.vendor == "sqlite":
        return _sqlite_backup_time(source)
    result = subprocess.run(
        ["pg_restore", "--list", str(source)], env=env, capture_output=True, text=True, check=False
    )
    return parse_archive_created(result.stdout) if result.returncode == 0 else None


def events_since(when: dt.datetime | None) -> list[dict[str, Any]]:
    rows = AuditEvent.objects.all()
    if when is not None:
        rows = rows.filter(at__gte=when - MARGIN)
    return list(rows.order_by("id").values())


@transaction.atomic
def append_events(saved: list[dict[str, Any]]) -> int:
    """Insert the saved events the restored table lacks; returns how many were appended."""
    from django.contrib.auth import get_user_model

    if not saved:
        return 0
    ids = [row["id"] for row in saved]
    present = set(AuditEvent.objects.filter(id__in=ids).values_list("id", flat=True))
    missing = [row for row in saved if row["id"] not in present]
    actors = {row["actor_id"] for row in missing if row["actor_id"]}
    known = set(get_user_model().objects.filter(pk__in=actors).values_list("pk", flat=True))
    events = [
        AuditEvent(**{**row, "actor_id": row["actor_id"] if row["actor_id"] in known else None})
        for row in missing
    ]
    AuditEvent.objects.bulk_create(events, batch_size=1000)
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [AuditEvent]):
            cursor.execute(sql)
    return len(events)
