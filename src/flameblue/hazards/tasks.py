"""Background work of the hazards app: the overdue sweep every few minutes (Huey periodic task). The
interval comes from ``rules/escalation.yaml``; the sweep itself is safe on several consumers at once, and the
task lock only saves them from doing the same reading twice."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from flameblue.hazards.escalation import policy
from flameblue.hazards.sweep import sweep

__all__ = ["sweep_overdue"]


@db_periodic_task(crontab(minute=f"*/{policy().interval_minutes}"))
@lock_task("flameblue-hazards-sweep")
def sweep_overdue() -> str:
    return sweep().summary()
