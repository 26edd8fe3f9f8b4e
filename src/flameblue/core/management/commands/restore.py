"""``flameblue restore FILE``: replace the whole database with a backup made by ``flameblue backup``.

Stop gunicorn and the Huey consumers first. SQLite: the file is checked (SQLite header, integrity, a
FlameBlue schema) and copied in with the sqlite3 backup API. PostgreSQL: ``pg_restore --clean --if-exists
--single-transaction`` into DATABASE_URL. Audit events written after the backup are kept (appended
again after the restore, see :mod:`flameblue.core.audit_restore`). Run ``flameblue migrate`` afterwards if the backup is older than
the installed version."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from flameblue.core import audit
from flameblue.core.audit_restore import append_events, backup_time, events_since
from flameblue.core.management.dbcopy import BackupError, engine, pg_env, restore_database


class Command(BaseCommand):
    requires_system_checks: list[str] = []
    help = "用备份文件替换整个数据库（先停止 gunicorn 和 Huey）"

    def add_arguments(self, parser):
        parser.add_argument("file", help="flameblue backup 生成的备份文件")
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive", help="不询问确认"
        )

    def handle(self, *args, file: str, interactive: bool = True, **options):
        source = Path(file)
        if interactive:
            answer = input(f"将用 {source} 替换当前数据库的全部数据。输入 yes 继续：")
            if answer.strip().lower() != "yes":
                raise CommandError("已取消恢复。")
        # The audit trail is append-only: events written after the backup survive the restore.
        kept = []
        if source.is_file():
            env = pg_env() if engine() == "postgresql" else None
            kept = events_since(backup_time(source, env))
        try:
            restore_database(source)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        appended = append_events(kept)
        audit.record(
            audit.AuditAction.IMPORT,
            actor_name="restore",
            object_type="database",
            object_repr=f"数据库恢复 {source.name}",
            changes={"file": str(source), "engine": engine(), "audit_events_kept": appended},
        )
        self.stdout.write(self.style.SUCCESS(f"已从 {source} 恢复数据库。"))
