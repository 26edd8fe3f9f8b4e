"""Background work of campaigns: the overdue-work sweep every hour (Huey periodic task; reminders are per day
at the finest, so hourly is enough). Each reminder is claimed with a conditional update, so several consumers
may run it at once; the task lock only saves them from reading the same rows twice."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from flameblue.campaigns.sweep import sweep_campaigns

__all__ = ["sweep_campaign_work"]


@db_periodic_task(crontab(minute="17"))
@lock_task("flameblue-campaigns-sweep")
def sweep_campaign_work() -> str:
    return sweep_campaigns().summary()
