"""``flameblue load-reference-data``: load the shipped reference data (regions, industries, roles).

Safe to run any number of times. Existing roles keep the actions an administrator gave them unless
``--overwrite-roles`` resets them to ``org/rules/roles.yaml``."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from flameblue.geo.loader import load_regions
from flameblue.org.reference_data import load_industries, load_roles


class Command(BaseCommand):
    requires_system_checks: list[str] = []
    help = "装入参考数据：行政区划、行业、角色（可重复执行）"

    def add_arguments(self, parser):
        parser.add_argument(
            "--overwrite-roles", action="store_true", help="把已有角色的可执行操作重置为 roles.yaml 中的定义"
        )

    def handle(self, *args, overwrite_roles: bool = False, **options):
        created, updated = load_regions()
        self.stdout.write(f"行政区划 regions: {created} created, {updated} updated")
        industries = load_industries()
        self.stdout.write(f"行业 industries: {industries} loaded")
        created, updated = load_roles(overwrite=overwrite_roles)
        self.stdout.write(f"角色 roles: {created} created, {updated} reset from roles.yaml")
