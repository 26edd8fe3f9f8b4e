"""``flameblue import-units FILE [--dry-run] [--user NAME]``: validate a unit sheet and import it.

Every problem is printed as ``第N行  列名  原因``; nothing is imported unless the whole sheet is clean, and
then every row is written in one transaction. Without ``--user`` the command acts as the system (all of
the jurisdiction); with it, the user's import scope applies exactly as on the web page."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from flameblue.org.models import User
from flameblue.units.sheets.import_jobs import apply_plans
from flameblue.units.sheets.importing import SheetError, check_upload, read_sheet, validate_sheet
from flameblue.units.sheets.scan import SheetTooLarge, scan_workbook


class Command(BaseCommand):
    help = "从 Excel 单位信息表批量导入社会单位（先全部校验，无误后在一个事务中导入）。"

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="单位信息表（.xlsx）")
        parser.add_argument("--dry-run", action="store_true", help="只校验并报告将新增、更新多少单位，不写入")
        parser.add_argument("--user", help="以该账号的身份和管辖范围导入（默认：系统，不限范围）")

    def handle(self, *args, file: Path, dry_run: bool, user: str | None, **options) -> None:
        by = self._user(user)
        if not file.is_file():
            raise CommandError(f"文件不存在：{file}")
        try:
            with file.open("rb") as handle:
                check_upload(handle)
                scan_workbook(handle)  # rows and cells counted by streaming, caps applied
                sheet = read_sheet(handle)
        except (SheetError, SheetTooLarge) as exc:
            raise CommandError(exc.message) from exc
        result = validate_sheet(sheet, by)
        if not result.ok:
            for error in result.errors:
                row = f"第{error.row}行" if error.row else "表格"
                self.stderr.write(f"{row}\t{error.column or '—'}\t{error.message}")
            raise CommandError(f"发现 {len(result.errors)} 个问题，未导入任何数据。")
        counts = result.counts()
        if dry_run:
            self.stdout.write(
                f"校验通过（未写入）：将新增 {counts['create']}，更新 {counts['update']}，无变化 {counts['unchanged']}。"
            )
            return
        done = apply_plans(result.plans, by=by, source=f"命令行 {file.name}")
        self.stdout.write(
            self.style.SUCCESS(
                f"导入完成：新增 {done['created']}，更新 {done['updated']}，无变化 {done['unchanged']}。"
            )
        )

    @staticmethod
    def _user(username: str | None) -> User | None:
        if not username:
            return None
        try:
            return User.objects.get(username=username, is_active=True)
        except User.DoesNotExist as exc:
            raise CommandError(f"账号不存在或已停用：{username}") from exc
