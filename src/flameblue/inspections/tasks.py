"""Background work of the inspections app: recomputing every unit's supervision due date each night, so
changes to key-unit status, risk tags or the cycle rules reach the due list (Huey periodic task). A unit's
own date is refreshed at once when its supervision is submitted (``planning.supervision_due_refresh_unit``)."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from flameblue.inspections.planning.services import supervision_due_refresh

__all__ = ["refresh_supervision_due"]


@db_periodic_task(crontab(hour="2", minute="30"))
@lock_task("flameblue-inspections-supervision-due")
def refresh_supervision_due() -> dict[str, int]:
    return supervision_due_refresh()
