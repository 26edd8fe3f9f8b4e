"""Background work of enforcement: the overdue-clock sweep every ten minutes (Huey periodic task). The sweep
claims each reminder with a conditional update, so several consumers may run it at once; the task lock only
saves them from reading the same rows twice."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from flameblue.enforcement.sweep import sweep_enforcement

__all__ = ["sweep_enforcement_clocks"]


@db_periodic_task(crontab(minute="*/10"))
@lock_task("flameblue-enforcement-sweep")
def sweep_enforcement_clocks() -> str:
    return sweep_enforcement().summary()
