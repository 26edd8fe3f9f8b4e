"""The enforcement sweep (``flameblue sweep --only enforcement``; Huey runs every registered job): each record
whose statutory clock has run out (``due_on`` before today) is reminded once per deadline. The reminder is
claimed with a conditional update of ``reminded_due_on``, so two runs, two workers or a run after downtime
send it once; a new deadline (the next step's clock) is reminded again when it runs out."""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core.notify import Message, notify
from flameblue.core.scoping import action_name, grants
from flameblue.enforcement.selectors import KINDS, clock_label, open_rows
from flameblue.org.models import Membership, User

__all__ = ["EnforcementSweep", "agency_staff", "sweep_enforcement"]

logger = logging.getLogger("flameblue.sweep")


@dataclass
class EnforcementSweep:
    today: dt.date
    sent: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        counts = ", ".join(f"{k}: {n}" for k, n in sorted(self.sent.items())) or "0"
        return f"enforcement sweep {self.today.isoformat()} — overdue reminders {counts}"


def agency_staff(agency_id: int, model: type, action: str = "change") -> list[User]:
    """Active accounts of the agency whose role grants ``action`` on ``model`` (they handle the clock)."""
    wanted = action_name(model, action)
    memberships = Membership.objects.current().filter(organization_id=agency_id, person__is_active=True)
    person_ids = [m.person_id for m in memberships.select_related("role") if grants(m.role.actions, wanted)]
    return list(User.objects.filter(person_id__in=person_ids, is_active=True).order_by("pk"))


def _remind(kind: str, model: type, obj, url_name: str, today: dt.date) -> bool:
    with transaction.atomic():
        claimed = (
            model.objects.filter(pk=obj.pk, due_on=obj.due_on, status=obj.status)
            .filter(Q(reminded_due_on__isnull=True) | ~Q(reminded_due_on=F("due_on")))
            .update(reminded_due_on=obj.due_on)
        )
        if not claimed:
            return False
        days = (today - obj.due_on).days
        subject = _("【执法时限逾期】%(title)s：%(step)s") % {
            "title": str(obj)[:60],
            "step": clock_label(obj),
        }
        body = _("期限 %(due)s，已逾期 %(days)d 天。") % {"due": obj.due_on.isoformat(), "days": days}
        notify(
            agency_staff(obj.agency_id, model),
            Message(subject, body, reverse(url_name, kwargs={"pk": obj.pk}), "danger"),
            dedupe_key=f"enforcement:{kind}:{obj.pk}@{obj.due_on.isoformat()}",
        )
    return True


def sweep_enforcement(*, today: dt.date | None = None) -> EnforcementSweep:
    """Remind the handling agency of every clock that ran out before ``today``."""
    today = today or timezone.localdate()
    result = EnforcementSweep(today=today)
    for kind, model, statuses, url_name, _label in KINDS:
        overdue = open_rows(model, statuses).filter(due_on__lt=today)
        overdue = overdue.filter(Q(reminded_due_on__isnull=True) | ~Q(reminded_due_on=F("due_on")))
        for obj in overdue.select_related("unit").order_by("due_on", "pk"):
            if _remind(kind, model, obj, url_name, today):
                result.sent[kind] += 1
    logger.info(result.summary())
    return result
