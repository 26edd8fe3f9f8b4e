"""Background work of governance: the action-item sweep every few minutes (Huey periodic task; the interval
comes from ``rules/action-items.yaml``). The sweep is safe on several consumers at once; the task lock only
saves them from doing the same reading twice."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from flameblue.governance.policy import action_item_policy
from flameblue.governance.sweep import sweep_action_items

__all__ = ["sweep_overdue_action_items"]


@db_periodic_task(crontab(minute=f"*/{action_item_policy().interval_minutes}"))
@lock_task("flameblue-governance-sweep")
def sweep_overdue_action_items() -> str:
    return sweep_action_items().summary()
