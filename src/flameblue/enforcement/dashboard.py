"""enforcement's part of the home page: the statutory clocks running out within 3 working days and those
overdue, over what the user may see (counts and the nearest few). Registered in ``EnforcementConfig.ready()``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse

from flameblue.core.dashboard import register_panel
from flameblue.core.scoping import has_action
from flameblue.enforcement.models import EventCheck, PreOpeningCheck, Sealing
from flameblue.enforcement.selectors import due_list

__all__ = ["enforcement_panel", "register"]


def enforcement_panel(user: Any, today: dt.date) -> dict[str, Any] | None:
    if not any(has_action(user, m, "change") for m in (Sealing, PreOpeningCheck, EventCheck)):
        return None
    rows = due_list(user, today, within=3)
    return {
        "overdue": sum(r.overdue for r in rows),
        "soon": sum(not r.overdue for r in rows),
        "rows": rows[:5],
        "due_url": reverse("enforcement:due-list"),
    }


def register() -> None:
    register_panel(
        "enforcement_clocks", enforcement_panel, homes=["inspector", "command"], order=35,
        template="enforcement/_panel.html",
    )  # fmt: skip
