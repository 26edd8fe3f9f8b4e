"""``flameblue backup [--output FILE]``: a consistent copy of the whole database.

SQLite: a copy of the database file made with the sqlite3 backup API (safe while FlameBlue runs).
PostgreSQL: ``pg_dump --format=custom`` of DATABASE_URL (restore with ``flameblue restore`` or pg_restore)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from flameblue.core import audit
from flameblue.core.management.dbcopy import BackupError, backup_database, engine


def default_output() -> Path:
    suffix = "sqlite3" if engine() == "sqlite" else "dump"
    return Path(settings.VAR_DIR) / "backups" / f"flameblue-{timezone.localtime():%Y%m%d-%H%M%S}.{suffix}"


class Command(BaseCommand):
    requires_system_checks: list[str] = []
    help = "备份整个数据库（SQLite 复制数据库文件；PostgreSQL 使用 pg_dump 自定义格式）"

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", help="备份文件路径（默认 var/backups/flameblue-时间.sqlite3|dump）"
        )

    def handle(self, *args, output: str | None = None, **options):
        target = Path(output) if output else default_output()
        try:
            backup_database(target)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        audit.record(
            audit.AuditAction.EXPORT,
            actor_name="backup",
            object_type="database",
            object_repr=f"数据库备份 {target.name}",
            changes={"file": str(target), "engine": engine()},
        )
        self.stdout.write(self.style.SUCCESS(f"已备份到 {target}（{target.stat().st_size} 字节）"))
