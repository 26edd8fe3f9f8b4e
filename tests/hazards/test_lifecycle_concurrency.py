"""Two officers at once, for real: PostgreSQL row locks with threads on separate connections."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections, transaction

from flameblue.core.errors import ConcurrencyError, DomainError
from flameblue.hazards.models import Hazard, Notice
from flameblue.hazards.notices import notice_issue
from tests.hazards.lifecycle_helpers import DAY, confirm, report

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor == "sqlite":
        pytest.skip("row locks need PostgreSQL")


def _race(jobs: list[Callable[[], object]]) -> tuple[list[object], list[Exception]]:
    barrier = threading.Barrier(len(jobs))
    results: list[object] = []
    errors: list[Exception] = []
    lock = threading.Lock()

    def run(job):
        try:
            barrier.wait()
            outcome = job()
            with lock:
                results.append(outcome)
        except Exception as exc:  # collected and asserted on by the test
            with lock:
                errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results, errors


def test_two_officers_acting_at_once_exactly_one_wins(units, people):
    hazard = report(units.school, people.qiaocheng)
    seen = hazard.version

    def officer(user, grade):
        return lambda: confirm(Hazard.objects.get(pk=hazard.pk), user, grade=grade, expected_version=seen)

    results, errors = _race([officer(people.qiaocheng, "general"), officer(people.detachment, "major")])

    assert len(results) == 1 and len(errors) == 1
    assert isinstance(errors[0], ConcurrencyError) and "请刷新" in errors[0].message
    hazard.refresh_from_db()
    assert hazard.status == "confirmed" and hazard.grade == results[0].grade
    assert hazard.transitions.count() == 2
    assert Notice.objects.count() == 1

    # Without versions (an API client that sends none) the status guard still lets only one through.
    other = report(units.mall, people.qiaocheng)
    results, errors = _race([lambda: confirm(Hazard.objects.get(pk=other.pk), people.qiaocheng)] * 2)
    assert len(results) == 1 and len(errors) == 1 and isinstance(errors[0], DomainError)
    assert Hazard.objects.get(pk=other.pk).transitions.count() == 2
    assert Notice.objects.count() == 2


def test_many_notices_at_once_are_numbered_one_to_n_without_gaps(units, orgs):
    n = 8

    def job():
        with transaction.atomic():
            return notice_issue(unit=units.school, brigade=orgs.qiaocheng_brigade, deadline=DAY, by=None)

    results, errors = _race([job] * n)
    assert errors == []
    serials = sorted(Notice.objects.filter(brigade=orgs.qiaocheng_brigade).values_list("serial", flat=True))
    assert serials == list(range(1, n + 1))
