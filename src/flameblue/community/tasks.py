"""Background work of the 双拥 app: the opinion sweep every thirty minutes (Huey periodic task). The sweep
claims each opinion with a conditional update, so several consumers may run it at once; the task lock only
saves them from reading the same rows twice."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from flameblue.community.visits.sweep import sweep_opinions

__all__ = ["sweep_overdue_opinions"]


@db_periodic_task(crontab(minute="*/30"))
@lock_task("flameblue-community-opinion-sweep")
def sweep_overdue_opinions() -> str:
    return sweep_opinions().summary()
