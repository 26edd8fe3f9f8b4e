"""governance's part of the home page: the responsibility panel on the government, command and department
homes — letters signed N of M for this year, the latest assessment's standing of the user's own government
or department, committee meetings this year by mechanism, situation analyses overdue, open and overdue
action items, and the hazards under listed supervision in the user's scope. It reads through ``visible_to`` and answers ``None`` when the user's roles grant none of it.
Registered with core in ``GovernanceConfig.ready()``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse

from flameblue.core.dashboard import register_panel
from flameblue.core.scoping import has_action
from flameblue.governance.assessment.models import AssessmentEntry
from flameblue.governance.models import ActionItem, AnalysisDue, Meeting, ResponsibilityLetter
from flameblue.governance.selectors import (
    action_item_counts,
    assessment_standing,
    listed_hazard_counts,
    meetings_by_kind,
    signing_progress,
)

__all__ = ["register", "responsibility_panel"]


def responsibility_panel(user: Any, today: dt.date) -> dict[str, Any] | None:
    sees_letters = has_action(user, ResponsibilityLetter, "view")
    sees_meetings = has_action(user, Meeting, "view")
    sees_items = has_action(user, ActionItem, "view")
    if not (sees_letters or sees_meetings or sees_items):
        return None
    year = today.year
    sees_analyses = has_action(user, AnalysisDue, "view")
    return {
        "year": year,
        "standing": assessment_standing(user) if has_action(user, AssessmentEntry, "view") else None,
        "listed": listed_hazard_counts(user, today),
        "analyses_overdue": (
            AnalysisDue.objects.visible_to(user).filter(meeting__isnull=True, due_on__lt=today).count()
            if sees_analyses
            else None
        ),
        "analyses_url": reverse("governance:analysis-list") + "?state=overdue",
        "letters": signing_progress(user, year) if sees_letters else None,
        "meetings": meetings_by_kind(Meeting.objects.visible_to(user), year) if sees_meetings else None,
        "items": action_item_counts(user, today) if sees_items else None,
        "items_url": reverse("governance:actionitem-list"),
        "letters_url": reverse("governance:letter-list") + f"?year={year}",
        "meetings_url": reverse("governance:meeting-list") + f"?year={year}",
    }


def register() -> None:
    register_panel(
        "governance_responsibility", responsibility_panel, homes=["government", "command", "department"],
        order=20, template="governance/_panel_responsibility.html",
    )  # fmt: skip
