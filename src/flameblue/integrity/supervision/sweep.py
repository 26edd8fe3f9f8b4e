"""The overdue sweep of supervision findings (registered as ``supervision_findings`` in
``IntegrityConfig.ready()``): every open or rectifying finding whose deadline passed becomes 逾期未整改
through the transition table, and the responsible unit's chain is told once. Safe to run twice or in
parallel (the row lock and the status guard claim each finding once)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core.notify import Message, notify
from flameblue.integrity.supervision.models import SupervisionFinding
from flameblue.integrity.supervision.services import MOVES, finding_mark_overdue

__all__ = ["FindingSweep", "sweep_findings"]

logger = logging.getLogger(__name__)


@dataclass
class FindingSweep:
    today: dt.date
    marked: int = 0

    def summary(self) -> str:
        return f"supervision-finding sweep {self.today.isoformat()} — {self.marked} findings marked overdue"


def _tell(finding: SupervisionFinding) -> None:
    from flameblue.org.models import User

    users = list(
        User.objects.filter(
            is_active=True, person__organization_id=finding.responsible_id,
            person__memberships__is_active=True,
        ).distinct()
    )  # fmt: skip
    if users:
        link = reverse("integrity:finding-detail", kwargs={"pk": finding.pk})
        notify(users, Message(_("【督察问题逾期】%(d)s") % {"d": finding.description[:40]},
                              _("整改期限已过，请尽快整改并报告。"), link, "warning"),
               dedupe_key=f"supervision-finding-overdue:{finding.pk}")  # fmt: skip


def sweep_findings(*, today: dt.date | None = None) -> FindingSweep:
    today = today or timezone.localdate()
    result = FindingSweep(today=today)
    due = SupervisionFinding.objects.filter(status__in=MOVES["overdue"].sources, deadline__lt=today)
    for finding in due.order_by("deadline", "pk"):
        if finding_mark_overdue(finding=finding, today=today):
            result.marked += 1
            _tell(finding)
    logger.info(result.summary())
    return result
