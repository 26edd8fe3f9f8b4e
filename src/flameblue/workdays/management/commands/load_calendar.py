"""``flameblue load-calendar``: (re)load the working-day calendar from the chinese-calendar package."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from flameblue.workdays.loader import load_calendar, package_years
from flameblue.workdays.services import invalidate_cache


class Command(BaseCommand):
    help = "从 chinese-calendar 载入工作日历（不覆盖管理员修改过的日期）"

    def add_arguments(self, parser) -> None:
        parser.add_argument("--from-year", type=int, help="起始年份（默认：软件包已知的第一年）")
        parser.add_argument("--to-year", type=int, help="截止年份（默认：软件包已知的最后一年）")

    def handle(self, *args, from_year: int | None = None, to_year: int | None = None, **options) -> None:
        known = package_years()
        first, last = from_year or known.start, to_year or known.stop - 1
        if first < known.start or last >= known.stop or first > last:
            raise CommandError(f"年份范围须在 {known.start}–{known.stop - 1} 之内，收到 {first}–{last}")
        created, updated = load_calendar(years=range(first, last + 1))
        invalidate_cache()
        self.stdout.write(f"工作日历 {first}–{last}：新增 {created} 天，更新 {updated} 天")
