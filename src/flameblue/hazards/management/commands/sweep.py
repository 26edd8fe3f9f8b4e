"""``flameblue sweep [--today YYYY-MM-DD]``: send the reminders and escalations of everything overdue.
The same job runs on Huey every few minutes; running it by hand as well does no harm (each escalation is
sent once). ``--today`` runs it as of another day (operators catching up, tests)."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from flameblue.hazards.sweep import sweep


class Command(BaseCommand):
    help = "逾期巡查：向责任方、大队和政府发送逾期提醒，并按逾期工作日数逐级升级。"

    def add_arguments(self, parser) -> None:
        parser.add_argument("--today", help="按该日期（YYYY-MM-DD）计算逾期，默认今天")

    def handle(self, *args, **options) -> None:
        today = None
        if options.get("today"):
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError as exc:
                raise CommandError(f"--today 须为 YYYY-MM-DD 格式的日期，收到 {options['today']!r}") from exc
        result = sweep(today=today)
        self.stdout.write(result.summary())
