"""Two sweeps at once on PostgreSQL (two workers, two connections): every escalation and every notification
happens exactly once."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from flameblue.core.notify_models import Notification
from flameblue.hazards.choices import EscalationKind as K
from flameblue.hazards.models import Escalation
from flameblue.hazards.sweep import sweep
from flameblue.workdays.services import add_working_days
from tests.hazards.lifecycle_helpers import rectifying
from tests.hazards.sweep_helpers import levels
from tests.hazards.tips.helpers import at, make_tip

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.date_sensitive,
]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor == "sqlite":
        pytest.skip("parallel workers need PostgreSQL")


def test_two_sweeps_in_parallel_send_each_escalation_once(units, people, leaders):
    import datetime as dt

    hazards = [rectifying(units.school, people.qiaocheng) for _ in range(3)]
    tip = make_tip(now=at(dt.date(2026, 3, 2)))
    day = add_working_days(hazards[0].deadline, 12).date
    barrier = threading.Barrier(2)
    errors: list[Exception] = []

    def worker():
        try:
            barrier.wait()
            sweep(today=day)
        except Exception as exc:  # asserted on below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    for hazard in hazards:
        assert sorted(levels(K.HAZARD_OVERDUE, hazard)) == [0, 1, 2]
        assert sorted(levels(K.RECHECK_OVERDUE, hazard)) == [0, 1]  # due 3 working days after the deadline
    assert sorted(levels(K.TIP_UNCHECKED, tip)) == [0, 1, 2]
    assert Escalation.objects.count() == 3 * 3 + 3 * 2 + 3
    keys = list(Notification.objects.values_list("recipient_id", "dedupe_key"))
    assert len(keys) == len(set(keys)) > 0
    manager_notes = Notification.objects.filter(
        recipient=people.unit_manager, dedupe_key__startswith="escalation:"
    )
    assert manager_notes.count() == 3  # level 0 of each overdue hazard, once
