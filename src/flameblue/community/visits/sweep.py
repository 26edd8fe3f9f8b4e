"""The opinion sweep (意见建议逾期): an open opinion whose deadline has passed is flagged (``overdue_since``,
the day after the deadline) and its owner's officers are told once. The flag is claimed with a conditional
update (``overdue_since IS NULL``) together with the notice, so a second run, a parallel worker or a run
after an outage sends nothing twice."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from flameblue.community.visits.choices import OpinionStatus
from flameblue.community.visits.models import Opinion
from flameblue.core.notify import Message, notify
from flameblue.core.scoping import action_name, grants
from flameblue.org.models import Membership, User

__all__ = ["OpinionSweep", "answerers", "owner_users", "sweep_opinions"]

logger = logging.getLogger("flameblue.sweep")


@dataclass
class OpinionSweep:
    today: dt.date
    flagged: int = 0
    notified: int = 0

    def summary(self) -> str:
        return f"opinion sweep {self.today.isoformat()} — flagged {self.flagged}; owners notified {self.notified}"


def answerers(organization_id: int) -> list[User]:
    """Active users with a current membership in the organization whose role may answer opinions."""
    wanted = action_name(Opinion, "answer")
    person_ids = [
        m.person_id
        for m in Membership.objects.current().filter(organization_id=organization_id, person__is_active=True)
        .select_related("role")
        if grants(m.role.actions, wanted)
    ]  # fmt: skip
    return list(User.objects.filter(person_id__in=person_ids, is_active=True).order_by("pk"))


def owner_users(opinion: Opinion) -> list[User]:
    """Who is told about ``opinion``: the answerers of its owner organization."""
    return answerers(opinion.owner_id)


def _claim(opinion: Opinion, today: dt.date) -> int:
    with transaction.atomic():
        claimed = Opinion.objects.filter(
            pk=opinion.pk, status=OpinionStatus.OPEN, due_on=opinion.due_on, overdue_since__isnull=True
        ).update(overdue_since=opinion.due_on + dt.timedelta(days=1))
        if not claimed:
            return -1
        users = owner_users(opinion)
        message = Message(
            _("【意见建议逾期未答复】") + opinion.content[:40],
            _("答复期限：%(due)s；已逾期 %(days)d 天，请尽快答复。")
            % {"due": date_format(opinion.due_on, "Y-m-d"), "days": (today - opinion.due_on).days},
            reverse("community:opinion-detail", kwargs={"pk": opinion.pk}),
            "danger",
        )
        notify(
            users, message, dedupe_key=f"community:opinion-overdue:{opinion.pk}@{opinion.due_on.isoformat()}"
        )
    return len(users)


def sweep_opinions(*, today: dt.date | None = None) -> OpinionSweep:
    """Flag every open opinion past its deadline and tell its owner once."""
    today = today or timezone.localdate()
    result = OpinionSweep(today=today)
    due = Opinion.objects.filter(status=OpinionStatus.OPEN, due_on__lt=today, overdue_since__isnull=True)
    for opinion in due.order_by("due_on", "pk"):
        sent = _claim(opinion, today)
        if sent >= 0:
            result.flagged += 1
            result.notified += int(sent > 0)
    logger.info(result.summary())
    return result
