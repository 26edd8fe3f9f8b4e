"""``flameblue load-checklists``: load new checklist versions from ``inspections/checklists/*.yaml``."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from flameblue.inspections.checklist_loader import ChecklistFileError, load_checklists


class Command(BaseCommand):
    help = "载入检查表数据文件：新版本入库（首个版本直接发布，其余为草稿），已发布版本的内容不得修改。"

    def add_arguments(self, parser) -> None:
        parser.add_argument("--directory", type=Path, help="检查表数据文件目录（默认为内置目录）")

    def handle(self, *args, **options) -> None:
        try:
            report = load_checklists(directory=options.get("directory"))
        except ChecklistFileError as exc:
            raise CommandError(str(exc)) from exc
        for label, names in (
            ("新增", report.created),
            ("更新草稿", report.refreshed),
            ("发布", report.published),
            ("未变", report.unchanged),
        ):
            self.stdout.write(
                f"{label}：{len(names)}" + (f"（{', '.join(names)}）" if names and label != "未变" else "")
            )
