"""The campaigns' overdue sweep (``flameblue sweep --only campaigns``): reminds an assignee whose share of a
running campaign still has unchecked targets once its due date has passed, and once after each phase named in
``rules/sweep.yaml`` has ended. Each reminder is claimed with a conditional update on the assignment
(``overdue_reminded_on IS NULL``; ``phase_reminded < n``) that commits with the notification, so a second run,
a parallel worker or a run after an outage sends nothing twice."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.campaigns.choices import CampaignStatus
from flameblue.campaigns.models import CampaignAssignment, CampaignPhase, CampaignTarget
from flameblue.campaigns.selectors import annotated_targets, covers
from flameblue.core.notify import Message, notify
from flameblue.org.models import Membership, User

__all__ = ["CampaignSweep", "sweep_campaigns"]

logger = logging.getLogger("flameblue.sweep")
RULES = Path(__file__).resolve().parent / "rules" / "sweep.yaml"


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    return yaml.safe_load(RULES.read_text(encoding="utf-8"))


@dataclass
class CampaignSweep:
    today: dt.date
    due_reminders: int = 0
    phase_reminders: int = 0

    def summary(self) -> str:
        return (f"campaign sweep {self.today.isoformat()} — past due date {self.due_reminders}; "
                f"after phase end {self.phase_reminders}")  # fmt: skip


def _unchecked(assignment: CampaignAssignment, today: dt.date) -> int:
    """The assignee's targets with no submitted inspection in the campaign period so far."""
    campaign = assignment.campaign
    targets = CampaignTarget.objects.filter(campaign=campaign).select_related("unit")
    return sum(
        1
        for t in annotated_targets(campaign, targets, today)
        if not t.is_checked and covers(assignment.assignee, t.unit)
    )


def _recipients(assignment: CampaignAssignment) -> list[User]:
    people = Membership.objects.current().filter(
        organization_id=assignment.assignee_id,
        role__code__in=_rules()["recipient_roles"],
        person__is_active=True,
    )
    return list(User.objects.filter(person_id__in=people.values("person_id"), is_active=True).order_by("pk"))


def _send(assignment: CampaignAssignment, subject: str, body: str, key: str) -> None:
    link = reverse("campaigns:campaign-detail", kwargs={"pk": assignment.campaign_id})
    notify(_recipients(assignment), Message(subject, body, link, "warning"), dedupe_key=key)


def _remind_due(assignment: CampaignAssignment, today: dt.date, unchecked: int) -> bool:
    with transaction.atomic():
        claimed = CampaignAssignment.objects.filter(
            pk=assignment.pk, overdue_reminded_on__isnull=True
        ).update(overdue_reminded_on=today)
        if not claimed:
            return False
        subject = _("【专项整治逾期】%(campaign)s") % {"campaign": assignment.campaign.name}
        body = _("完成期限 %(due)s 已过，辖区内仍有 %(n)d 个整治对象未检查。") % {
            "due": assignment.due_on.isoformat(), "n": unchecked,
        }  # fmt: skip
        _send(assignment, subject, body, f"campaigns:due:{assignment.pk}")
    return True


def _remind_phase(assignment: CampaignAssignment, phase: CampaignPhase, unchecked: int) -> bool:
    with transaction.atomic():
        claimed = CampaignAssignment.objects.filter(pk=assignment.pk, phase_reminded__lt=phase.number).update(
            phase_reminded=phase.number
        )
        if not claimed:
            return False
        subject = _("【专项整治阶段结束】%(campaign)s：%(phase)s") % {
            "campaign": assignment.campaign.name, "phase": phase.name,
        }  # fmt: skip
        body = _("“%(phase)s”阶段已于 %(end)s 结束，辖区内仍有 %(n)d 个整治对象未检查。") % {
            "phase": phase.name, "end": phase.ends_on.isoformat(), "n": unchecked,
        }  # fmt: skip
        _send(assignment, subject, body, f"campaigns:phase:{assignment.pk}:{phase.number}")
    return True


def _last_ended_phase(assignment: CampaignAssignment, today: dt.date) -> CampaignPhase | None:
    return (
        CampaignPhase.objects.filter(
            campaign_id=assignment.campaign_id, ends_on__lt=today, name__in=_rules()["phase_reminders"],
            number__gt=assignment.phase_reminded,
        ).order_by("-number").first()
    )  # fmt: skip


def sweep_campaigns(*, today: dt.date | None = None) -> CampaignSweep:
    """Remind every assignee of a running campaign that is behind: past its due date, or past a phase end."""
    today = today or timezone.localdate()
    result = CampaignSweep(today=today)
    running = CampaignAssignment.objects.filter(
        campaign__status=CampaignStatus.LAUNCHED, campaign__starts_on__lte=today
    ).select_related("campaign", "assignee")
    for assignment in running.order_by("pk"):
        due = (
            assignment.due_on is not None
            and assignment.due_on < today
            and assignment.overdue_reminded_on is None
        )
        phase = _last_ended_phase(assignment, today)
        if not due and phase is None:
            continue
        unchecked = _unchecked(assignment, today)
        if not unchecked:
            continue
        if due and _remind_due(assignment, today, unchecked):
            result.due_reminders += 1
        if phase is not None and _remind_phase(assignment, phase, unchecked):
            result.phase_reminders += 1
    logger.info(result.summary())
    return result
