"""The campaigns' part of the home page: the campaigns in progress the user may see, each with its progress
over the targets in the user's scope (checked, with hazards, rectified, overdue). Registered in
``CampaignsConfig.ready()``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse

from flameblue.campaigns.choices import CampaignStatus
from flameblue.campaigns.models import Campaign
from flameblue.campaigns.selectors import progress
from flameblue.core.dashboard import register_panel
from flameblue.core.scoping import has_action

__all__ = ["campaigns_panel", "register"]

#: The panel shows at most this many campaigns (the nearest to their end first); the list page has the rest.
PANEL_ROWS = 5


def campaigns_panel(user: Any, today: dt.date) -> dict[str, Any] | None:
    if not has_action(user, Campaign, "view"):
        return None
    running = Campaign.objects.visible_to(user).filter(status=CampaignStatus.LAUNCHED)
    campaigns = list(running.order_by("ends_on", "pk")[:PANEL_ROWS])
    if not campaigns:
        return None
    rows = []
    for campaign in campaigns:
        total = progress(campaign, user, today)["total"]
        if total.targets:
            rows.append({"campaign": campaign, "progress": total, "days_left": (campaign.ends_on - today).days,
                         "url": reverse("campaigns:campaign-detail", kwargs={"pk": campaign.pk})})  # fmt: skip
    if not rows:
        return None
    list_url = reverse("campaigns:campaign-list") + "?status=" + CampaignStatus.LAUNCHED
    return {"rows": rows, "more": running.count() - len(campaigns), "list_url": list_url}


def register() -> None:
    register_panel(
        "campaigns_running", campaigns_panel,
        homes=["command", "inspector", "station", "government", "grid", "department"], order=40,
        template="campaigns/_panel.html",
    )  # fmt: skip
