"""``flameblue sweep-action-items [--today YYYY-MM-DD]``: flag and escalate overdue committee action items.
The same job runs on Huey every few minutes; running it by hand as well does no harm (each level is sent
once)."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from flameblue.governance.sweep import sweep_action_items


class Command(BaseCommand):
    help = "督办事项逾期巡查：标记逾期未反馈的委员会督办事项，并按逾期天数逐级督办。"

    def add_arguments(self, parser) -> None:
        parser.add_argument("--today", help="按该日期（YYYY-MM-DD）计算逾期，默认今天")

    def handle(self, *args, **options) -> None:
        today = None
        if options.get("today"):
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError as exc:
                raise CommandError(f"--today 须为 YYYY-MM-DD 格式的日期，收到 {options['today']!r}") from exc
        self.stdout.write(sweep_action_items(today=today).summary())
