"""``flameblue sweep [--today YYYY-MM-DD] [--only JOB]``: send the reminders and escalations of everything
overdue, every app's registered sweep job in turn (see :mod:`flameblue.core.sweep`). The same jobs run on Huey
every few minutes; running it by hand as well does no harm (each escalation is sent once). ``--today`` runs it
as of another day (operators catching up, tests)."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from flameblue.core.sweep import run_sweep, sweep_jobs


class Command(BaseCommand):
    help = "逾期巡查：各模块登记的逾期任务（隐患、举报、挂牌督办、督办事项等）逐级提醒和升级。"

    def add_arguments(self, parser) -> None:
        parser.add_argument("--today", help="按该日期（YYYY-MM-DD）计算逾期，默认今天")
        parser.add_argument("--only", help="只运行这一项巡查任务（任务名见 --list）")
        parser.add_argument("--list", action="store_true", help="列出已登记的巡查任务")

    def handle(self, *args, **options) -> None:
        keys = [job.key for job in sweep_jobs()]
        if options.get("list"):
            self.stdout.write("\n".join(keys))
            return
        only = options.get("only")
        if only and only not in keys:
            raise CommandError(f"没有名为 {only!r} 的巡查任务；已登记：{', '.join(keys)}")
        today = None
        if options.get("today"):
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError as exc:
                raise CommandError(f"--today 须为 YYYY-MM-DD 格式的日期，收到 {options['today']!r}") from exc
        for key, summary in run_sweep(today=today, only=only):
            self.stdout.write(f"[{key}] {summary}")
