"""``flameblue seed-demo``: load the Bozhou demo data set, idempotently, and print the demo accounts.

Each FlameBlue app may contribute demo data with a module ``flameblue.<app>.demo`` that defines
``seed(stdout) -> Mapping[str, int] | None`` (counts of records it created). Apps are seeded in the order of
INSTALLED_APPS (geo, org, units, inspections, hazards, …) inside one transaction, and the whole run is
recorded as one audit event (action IMPORT, actor “seed-demo”) — only when it created something, so a
second run changes nothing at all.

``--scenario NAME`` seeds only what one scenario needs: a demo module takes part in a scenario by naming, in
its ``SCENARIOS`` mapping (scenario name → hook with the same signature as ``seed``), the hook that seeds its
part; apps that do not name the scenario are skipped. The default run (no scenario) calls every ``seed`` and
so includes every scenario. Scenarios: ``bozhou-2019`` — the records behind the 2019 annual work summary."""

from __future__ import annotations

import importlib
import importlib.util
from collections import Counter
from collections.abc import Callable, Iterator

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from flameblue.core import audit

SeedHook = Callable[..., object]


def _demo_modules() -> Iterator[tuple[str, object]]:
    """``(app label, demo module)`` for every installed FlameBlue app that ships a ``demo`` module, in the
    order of INSTALLED_APPS."""
    for config in apps.get_app_configs():
        if not config.name.startswith("flameblue."):
            continue
        module_name = f"{config.name}.demo"
        if importlib.util.find_spec(module_name) is None:
            continue
        yield config.label, importlib.import_module(module_name)


def seed_hooks() -> Iterator[tuple[str, SeedHook]]:
    """``(app label, seed function)`` for every installed FlameBlue app that ships a ``demo`` module."""
    for label, module in _demo_modules():
        hook = getattr(module, "seed", None)
        if callable(hook):
            yield label, hook


def scenario_names() -> list[str]:
    """The scenarios some demo module takes part in."""
    return sorted({name for _label, module in _demo_modules() for name in getattr(module, "SCENARIOS", {})})


def scenario_hooks(name: str) -> Iterator[tuple[str, SeedHook]]:
    """``(app label, hook)`` of the apps taking part in scenario ``name``, in the order of INSTALLED_APPS."""
    for label, module in _demo_modules():
        hook = getattr(module, "SCENARIOS", {}).get(name)
        if callable(hook):
            yield label, hook


class Command(BaseCommand):
    requires_system_checks: list[str] = []
    help = "装入亳州演示数据（组织机构、人员、演示账号等；可重复执行，不会重复创建）并列出演示账号"

    def add_arguments(self, parser):
        parser.add_argument("--quiet-accounts", action="store_true", help="不打印演示账号表")
        parser.add_argument(
            "--scenario",
            help="只装入某一场景所需的记录，如 bozhou-2019（2019 年度工作总结所依据的记录）；默认装入全部演示数据",
        )

    def handle(self, *args, quiet_accounts: bool = False, scenario: str | None = None, **options):
        if scenario is not None and scenario not in scenario_names():
            raise CommandError(
                f"没有名为“{scenario}”的演示场景，可选：{'、'.join(scenario_names()) or '无'}。"
            )
        hooks = seed_hooks() if scenario is None else scenario_hooks(scenario)
        created: Counter = Counter()
        with transaction.atomic():
            for label, hook in hooks:
                result = hook(self.stdout)
                for key, value in dict(result or {}).items():
                    created[f"{label}.{key}"] += int(value)
            created = +created  # drop zero counts
            if created:
                audit.record(
                    audit.AuditAction.IMPORT,
                    actor_name="seed-demo",
                    object_type="demo",
                    object_repr="亳州演示数据" if scenario is None else f"亳州演示数据（场景 {scenario}）",
                    changes={"created": dict(created)} | ({"scenario": scenario} if scenario else {}),
                )
        # Counts may overlap (key units are also units), so they are listed, not added up.
        summary = "，".join(f"{key} {value}" for key, value in sorted(created.items())) or "无新增"
        self.stdout.write(self.style.SUCCESS(f"演示数据已就绪（{summary}）。"))
        if not quiet_accounts:
            self.print_accounts()

    def print_accounts(self) -> None:
        from flameblue.org.demo import demo_accounts

        rows = [("用户名 username", "角色 role", "组织 organization")]
        rows += [(a.username, a.role, a.organization) for a in demo_accounts()]
        widths = [max(_width(r[i]) for r in rows) for i in range(3)]
        self.stdout.write("")
        for index, row in enumerate(rows):
            self.stdout.write("  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip())
            if index == 0:
                self.stdout.write("  ".join("-" * w for w in widths))
        self.stdout.write(f"\n演示账号密码 (demo password): {settings.DEMO_PASSWORD}")
        self.stdout.write("演示环境默认不要求双因素登录（用户自行启用的除外）。")


def _width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
