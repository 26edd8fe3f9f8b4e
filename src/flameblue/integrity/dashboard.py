"""integrity's part of the home page: on the corps home (political and discipline officers), the drinking
reports waiting for a decision, this year's declarations that are conflicts of interest, and the liaison
obligations not yet met this period. Counts only (nothing restricted is shown, so nothing is a read); it
answers ``None`` when the user's roles grant none of it. Registered in ``IntegrityConfig.ready()``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse

from flameblue.core.dashboard import register_panel
from flameblue.core.scoping import has_action
from flameblue.integrity.choices import DrinkingStatus
from flameblue.integrity.models import DrinkingReport, LiaisonPoint, RelativeBusiness
from flameblue.integrity.selectors import liaison_due_list

__all__ = ["integrity_panel", "register"]


def integrity_panel(user: Any, today: dt.date) -> dict[str, Any] | None:
    decides = has_action(user, DrinkingReport, "decide")
    oversees = has_action(user, RelativeBusiness, "oversee")
    sees_points = has_action(user, LiaisonPoint, "view")
    if not (decides or oversees or sees_points):
        return None
    data: dict[str, Any] = {"year": today.year}
    if decides:
        pending = DrinkingReport.objects.visible_to(user, "decide").filter(status=DrinkingStatus.SUBMITTED)
        data.update(pending=pending.count(), drinking_url=reverse("integrity:drinking-list"))
    if oversees:
        conflicts = RelativeBusiness.objects.visible_to(user, "oversee").filter(year=today.year)
        data.update(
            conflicts=conflicts.exclude(conflict_reason="").count(),
            declarations_url=reverse("integrity:declaration-list"),
        )
    if sees_points:
        rows = liaison_due_list(LiaisonPoint.objects.visible_to(user), on=today)
        data.update(unmet=sum(not r.complied for r in rows), due_url=reverse("integrity:liaison-due"))
    return data


def register() -> None:
    register_panel(
        "integrity_overview", integrity_panel, homes=["corps"], order=40, template="integrity/_panel.html"
    )
