"""The sweep's work list: a hazard escalated to the top level for its deadline drops out of what the sweep
reads (so an idle re-run over a province's backlog reads next to nothing), and comes back with a new one."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache

from flameblue.core.notify_models import Notification
from flameblue.hazards.choices import EscalationKind as K
from flameblue.hazards.models import Escalation, Hazard
from flameblue.hazards.models.hazard import PENDING_OVERDUE, PENDING_RECHECK
from flameblue.hazards.sweep import sweep
from flameblue.workdays.services import add_working_days
from tests.hazards.lifecycle_helpers import completion_reported, rectifying
from tests.hazards.sweep_helpers import levels

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db, pytest.mark.date_sensitive]


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


def wd(day: dt.date, n: int) -> dt.date:
    return add_working_days(day, n).date


def _on_work_list(hazard: Hazard) -> tuple[bool, bool]:
    """Whether the sweep still reads ``hazard`` for its deadline and for its re-inspection."""
    rows = Hazard.objects.filter(pk=hazard.pk)
    return rows.filter(PENDING_OVERDUE).exists(), rows.filter(PENDING_RECHECK).exists()


def test_a_hazard_escalated_to_the_top_level_is_off_the_work_list(units, people, leaders):
    hazard = rectifying(units.school, people.qiaocheng)
    sweep(today=wd(hazard.deadline, 3))
    hazard.refresh_from_db()
    assert hazard.escalation_level == 1 and hazard.overdue_escalated_for is None  # level 2 still to come
    top = wd(max(hazard.deadline, hazard.recheck_due), 12)  # its re-inspection is chased as well
    sweep(today=top)
    hazard.refresh_from_db()
    assert hazard.escalation_level == 2 and hazard.overdue_escalated_for == hazard.deadline
    assert hazard.recheck_escalated_for == hazard.recheck_due
    assert _on_work_list(hazard) == (False, False)  # an idle re-run does not read it at all
    assert sum(sweep(today=wd(top, 1)).sent.values()) == 0
    assert levels(K.HAZARD_OVERDUE, hazard) == [0, 1, 2]


def test_a_new_deadline_puts_the_hazard_back_on_the_list(units, people, leaders):
    from flameblue.hazards import services

    hazard = rectifying(units.school, people.qiaocheng)
    sweep(today=wd(hazard.deadline, 12))
    hazard = services.hazard_recheck(
        hazard=hazard, by=people.qiaocheng, passed=False, note="仍有杂物", today=wd(hazard.deadline, 12)
    )
    assert hazard.deadline != hazard.overdue_escalated_for and _on_work_list(hazard)[0]
    sweep(today=wd(hazard.deadline, 1))
    assert levels(K.HAZARD_OVERDUE, hazard) == [0, 1, 2, 0]


def test_levels_already_in_the_ledger_are_marked_done_and_not_sent_again(units, people, leaders):
    """Escalations recorded before the work list existed (or by another worker) count as sent."""
    hazard = rectifying(units.school, people.qiaocheng)
    day = wd(hazard.deadline, 12)
    sweep(today=day)
    Hazard.objects.filter(pk=hazard.pk).update(overdue_escalated_for=None)
    escalations, notes = Escalation.objects.count(), Notification.objects.count()
    result = sweep(today=day)
    assert sum(result.sent.values()) == 0
    assert Escalation.objects.count() == escalations and Notification.objects.count() == notes
    hazard.refresh_from_db()
    assert hazard.overdue_escalated_for == hazard.deadline


def test_a_reinspection_chased_to_the_top_level_is_off_the_list(units, people, leaders):
    hazard = completion_reported(units.school, people.qiaocheng, people.detachment)
    sweep(today=wd(hazard.recheck_due, 12))
    hazard.refresh_from_db()
    assert levels(K.RECHECK_OVERDUE, hazard) == [0, 1, 2]
    assert hazard.recheck_escalated_for == hazard.recheck_due
    assert _on_work_list(hazard)[1] is False
