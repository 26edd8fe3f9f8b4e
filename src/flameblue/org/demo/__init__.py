"""The org part of ``flameblue seed-demo``: the Bozhou demo organizations, people and accounts.

``seed(stdout)`` is the hook that ``seed_demo`` calls for every app that has a ``demo`` module."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TextIO

from flameblue.org.demo.builder import DATA_FILE, DemoBuilder, read_demo_data

__all__ = ["DATA_FILE", "DemoAccount", "demo_accounts", "seed"]


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    organization: str


def seed(stdout: TextIO | None = None) -> Counter:
    """Create whatever of the Bozhou demo set is missing; returns the counts of records created."""
    created = +DemoBuilder(read_demo_data()).build()  # unary plus drops zero counts
    if stdout is not None:
        summary = "，".join(f"{k} {v}" for k, v in sorted(created.items())) or "无新增"
        stdout.write(f"组织机构演示数据：{summary}\n")
    return created


def demo_accounts() -> list[DemoAccount]:
    """The demo accounts as they stand in the database (roles and organizations of their memberships)."""
    from flameblue.org.models import Membership

    rows: list[DemoAccount] = []
    for row in read_demo_data()["accounts"]:
        memberships = (
            Membership.objects.filter(person__user__username=row["username"])
            .select_related("role", "organization")
            .order_by("pk")
        )
        for m in memberships:
            rows.append(DemoAccount(row["username"], m.role.name, m.organization.name))
    return rows


#: The scenarios this module takes part in (``flameblue seed-demo --scenario``): its whole seed.
SCENARIOS = {"bozhou-2019": seed}
