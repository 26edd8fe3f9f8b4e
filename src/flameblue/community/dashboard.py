"""The 双拥 part of the home page for the political office (corps home): this quarter's gaps (pairings
without this quarter's arrangement, party committees whose agenda still lacks a "四不忘" aspect this
quarter), the open opinions (and how many are overdue) and this year's volunteer hours. Counts only; it
answers ``None`` unless the user may close opinions (the political office). Registered in ``ready()``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Sum
from django.urls import reverse

from flameblue.community.agenda.models import PartyMeeting
from flameblue.community.agenda.selectors import agenda_compliance
from flameblue.community.agenda.services import COMMITTEE_KINDS
from flameblue.community.models import AnnualPlan, Opinion, Partner, QuarterArrangement, ServiceHours
from flameblue.community.visits.choices import OpinionStatus
from flameblue.core.dashboard import register_panel
from flameblue.core.scoping import has_action, within_scopes
from flameblue.org.models import Organization

__all__ = ["community_panel", "register"]


def community_panel(user: Any, today: dt.date) -> dict[str, Any] | None:
    if not has_action(user, Opinion, "close"):
        return None
    quarter = (today.month - 1) // 3 + 1
    partners = Partner.objects.visible_to(user).filter(active=True)
    arranged = QuarterArrangement.objects.filter(plan__year=today.year, quarter=quarter).values(
        "plan__partner_id"
    )
    committees = within_scopes(
        Organization.objects.filter(kind__in=COMMITTEE_KINDS, is_active=True), user, PartyMeeting
    )
    _tags, rows = agenda_compliance(committees, today.year, today)
    opinions = Opinion.objects.visible_to(user).filter(status=OpinionStatus.OPEN)
    hours = (
        ServiceHours.objects.visible_to(user)
        .filter(record__served_on__year=today.year)
        .aggregate(t=Sum("hours"))
    )
    return {
        "year": today.year,
        "quarter": quarter,
        "unarranged": partners.exclude(pk__in=arranged).count(),
        "unplanned": partners.exclude(
            pk__in=AnnualPlan.objects.filter(year=today.year).values("partner_id")
        ).count(),
        "agenda_gaps": sum(1 for row in rows for gap in row.gaps if gap.period == f"Q{quarter}"),
        "open_opinions": opinions.count(),
        "overdue_opinions": opinions.filter(overdue_since__isnull=False).count(),
        "hours": hours["t"] or Decimal(0),
        "discipline_url": reverse("community:plan-discipline"),
        "agenda_url": reverse("community:agenda-compliance"),
        "opinions_url": reverse("community:opinion-list"),
        "teams_url": reverse("community:team-list"),
    }


def register() -> None:
    register_panel(
        "community_overview", community_panel, homes=["corps"], order=45, template="community/_panel.html"
    )
