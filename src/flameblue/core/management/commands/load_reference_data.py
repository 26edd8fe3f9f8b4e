"""``flameblue load-reference-data``: load the shipped reference data (regions, industries, roles, then
whatever else the apps register in :mod:`flameblue.core.reference_data`).

Safe to run any number of times. Existing roles keep the actions an administrator gave them unless
``--overwrite-roles`` resets them to ``org/rules/roles.yaml``."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from flameblue.core.reference_choices import reference_models_changed
from flameblue.core.reference_data import reference_loaders


class Command(BaseCommand):
    requires_system_checks: list[str] = []
    help = "装入参考数据：行政区划、行业、角色（可重复执行）"

    def add_arguments(self, parser):
        parser.add_argument(
            "--overwrite-roles", action="store_true", help="把已有角色的可执行操作重置为 roles.yaml 中的定义"
        )

    def handle(self, *args, overwrite_roles: bool = False, **options):
        for loader in reference_loaders():
            self.stdout.write(loader.load(overwrite_roles=overwrite_roles))
        reference_models_changed()  # loaders may write in bulk, which sends no signals
