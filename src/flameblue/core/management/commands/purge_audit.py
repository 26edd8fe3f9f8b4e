"""``flameblue purge-audit --days N``: delete audit events older than N days (default AUDIT_RETENTION_DAYS).

等保 2.0 requires audit records to be kept at least 180 days: a smaller N is refused with exit code 2."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from flameblue.core.audit import purge_older_than


class Command(BaseCommand):
    requires_system_checks: list[str] = []
    help = "清理超过保留期的审计日志（至少保留 180 天）"

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="保留天数（默认取 AUDIT_RETENTION_DAYS，不得少于 180）"
        )

    def handle(self, *args, days: int | None = None, **options):
        days = settings.AUDIT_RETENTION_DAYS if days is None else days
        minimum = settings.AUDIT_MIN_RETENTION_DAYS
        if days < minimum:
            raise CommandError(f"审计日志至少保留 {minimum} 天，拒绝清理 {days} 天以前的记录。", returncode=2)
        deleted = purge_older_than(days)
        self.stdout.write(f"已清理 {deleted} 条 {days} 天以前的审计日志。")
