"""Background work of the corps: the corrective-action sweep (readiness findings, case-review actions) every
fifteen minutes (Huey periodic task). The sweep claims each escalation with a conditional update, so several
consumers may run it at once; the task lock only saves them from reading the same rows twice."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from flameblue.corps.rectification.sweep import sweep_corrective_actions

__all__ = ["sweep_corps_corrective_actions"]


@db_periodic_task(crontab(minute="*/15"))
@lock_task("flameblue-corps-actions-sweep")
def sweep_corps_corrective_actions() -> str:
    return sweep_corrective_actions().summary()
