"""The clue sweep (``flameblue sweep``, job ``integrity_clues``): a clue whose current disposal step has passed
its deadline is marked overdue from the day after, and whoever registered it is told. The mark is claimed with
a conditional update, so a second run the same day does nothing twice."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core.notify import Message, notify
from flameblue.integrity.discipline.models import Clue
from flameblue.integrity.discipline.policy import disposal_rules

__all__ = ["ClueSweep", "sweep_clues"]

logger = logging.getLogger(__name__)


@dataclass
class ClueSweep:
    today: dt.date
    flagged: int = 0

    def summary(self) -> str:
        return f"clue sweep {self.today.isoformat()}: {self.flagged} overdue disposal step(s) flagged"


def sweep_clues(*, today: dt.date | None = None) -> ClueSweep:
    """Flag every clue whose open step's deadline is before ``today``."""
    today = today or timezone.localdate()
    result = ClueSweep(today=today)
    rules = disposal_rules()
    open_steps = [s for s in rules.next if not rules.terminal(s)]
    due = Clue.objects.filter(status__in=open_steps, step_due_on__lt=today, overdue_since__isnull=True)
    for clue in due.select_related("created_by").order_by("step_due_on", "pk"):
        claimed = Clue.objects.filter(
            pk=clue.pk, status=clue.status, step_due_on=clue.step_due_on, overdue_since__isnull=True
        ).update(overdue_since=clue.step_due_on + dt.timedelta(days=1))
        if not claimed:
            continue
        result.flagged += 1
        if clue.created_by is not None:
            notify(
                [clue.created_by],
                Message(
                    _("廉政问题线索 %(n)s 的“%(step)s”环节已超过办理期限（%(due)s）。")
                    % {
                        "n": clue.number,
                        "step": clue.get_status_display(),
                        "due": clue.step_due_on.isoformat(),
                    },
                    link=reverse("integrity:clue-detail", kwargs={"pk": clue.pk}),
                    level="warning",
                ),
                dedupe_key=f"clue-overdue:{clue.pk}:{clue.status}:{clue.step_due_on.isoformat()}",
            )
    logger.info(result.summary())
    return result
