"""Recording history after the fact (the demo's seed year): the lifecycle services take an optional ``at``
that dates the move, its transition row, the notice and its number's year; without it moves happen now."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from flameblue.hazards import services
from flameblue.hazards.choices import HazardSource, HazardStatus
from tests.hazards.conftest import png

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def test_a_2019_hazard_is_numbered_and_dated_in_2019(units, people):
    found = _at(dt.date(2019, 3, 4))
    hazard = services.hazard_report(
        by=people.qiaocheng, unit=units.school, description="安全出口上锁", source=HazardSource.SUPERVISION,
        at=found,
    )  # fmt: skip
    hazard = services.hazard_confirm(
        hazard=hazard, by=people.qiaocheng, grade="general", responsible_party="学校", start=True,
        at=_at(dt.date(2019, 3, 5)),
    )  # fmt: skip
    hazard = services.hazard_report_completion(
        hazard=hazard, by=people.unit_manager, photos=[png()], at=_at(dt.date(2019, 3, 20))
    )
    hazard = services.hazard_recheck(
        hazard=hazard, by=people.qiaocheng, passed=True, at=_at(dt.date(2019, 3, 22))
    )

    assert hazard.found_at == found and hazard.created_at == found
    assert hazard.notice.number == "亳谯消限字〔2019〕第0001号" and hazard.notice.issued_at.year == 2019
    # 15 working days from Tuesday 5 March 2019 (the grade's rule), re-inspection 3 working days later
    assert hazard.deadline == dt.date(2019, 3, 26) and hazard.closed_at == _at(dt.date(2019, 3, 22))
    assert [t.at.date() for t in hazard.transitions.order_by("at", "id")] == [
        dt.date(2019, 3, 4), dt.date(2019, 3, 5), dt.date(2019, 3, 5), dt.date(2019, 3, 20), dt.date(2019, 3, 22),
    ]  # fmt: skip
    hazard.notice.refresh_from_db()
    assert hazard.notice.status == "closed"


def test_without_at_every_move_happens_now(units, people):
    before = timezone.now()
    hazard = services.hazard_report(
        by=people.qiaocheng, unit=units.mall, description="灭火器失效", source=HazardSource.SUPERVISION
    )
    hazard = services.hazard_confirm(
        hazard=hazard, by=people.qiaocheng, grade="general", responsible_party="商场"
    )
    assert hazard.status == HazardStatus.CONFIRMED
    assert hazard.notice.year == timezone.localdate().year
    assert all(t.at >= before for t in hazard.transitions.all())
    assert hazard.confirmed_at >= before and hazard.found_at >= before
