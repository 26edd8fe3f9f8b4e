"""Filing cases and deciding at once, for real: PostgreSQL row locks with threads on separate connections."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from flameblue.core.errors import DomainError
from flameblue.hazards.models import Hazard, SupervisionCase
from flameblue.hazards.supervision import services as sup
from tests.hazards.supervision.helpers import major_hazard, requested_case
from tests.hazards.test_lifecycle_concurrency import _race

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.date_sensitive,
]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor == "sqlite":
        pytest.skip("row locks need PostgreSQL")


def test_cases_filed_at_once_are_numbered_one_to_n_without_gaps(units, people):
    hazards = [major_hazard(units.mall, people.qiaocheng) for _ in range(6)]
    jobs = [
        lambda h=h: sup.case_file(hazard=Hazard.objects.get(pk=h.pk), by=people.qiaocheng) for h in hazards
    ]
    results, errors = _race(jobs)
    assert not errors
    year = dt.date.today().year
    numbers = sorted(SupervisionCase.objects.values_list("case_number", flat=True))
    assert numbers == [f"亳消督〔{year}〕第{i:03d}号" for i in range(1, 7)]


def test_two_decisions_at_once_only_one_is_recorded(units, people, orgs):
    case = requested_case(units.mall, people.qiaocheng, orgs.city_gov, today=dt.date(2026, 3, 2))

    def decide(listed: bool):
        return lambda: sup.case_decide(
            case=SupervisionCase.objects.get(pk=case.pk), listed=listed, by=people.city_leader,
            document_number="亳政督〔2026〕9号", deadline=dt.date(2026, 9, 1), reason="另行处理",
            today=dt.date(2026, 3, 3),
        )  # fmt: skip

    results, errors = _race([decide(True), decide(False)])
    assert len(results) == 1 and len(errors) == 1 and isinstance(errors[0], DomainError)
    case.refresh_from_db()
    assert case.status == results[0].status and case.version == results[0].version
