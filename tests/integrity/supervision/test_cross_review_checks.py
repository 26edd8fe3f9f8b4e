"""The checklist points that the records answer (deadline met, notice in time, re-inspection done, evidence
attached, two inspectors, signatures) are computed from the hazards' stored clocks and the inspections; the
answer is True, False, or None when the point does not apply or is not yet due."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.core.notify_models import StoredFile
from flameblue.hazards.models import HazardTransition, Notice
from flameblue.integrity.supervision import checks
from tests.dates import at_ten, frozen_on
from tests.integrity.supervision.conftest import make_hazard, make_inspection

pytestmark = [pytest.mark.date_sensitive, frozen_on(dt.date(2026, 4, 10))]
TODAY = dt.date(2026, 4, 10)


@pytest.fixture
def brigade(orgs):
    return orgs.qiaocheng_brigade


def _notice(sv, brigade, issued: dt.date, serial=1):
    return Notice.objects.create(
        brigade=brigade, unit=sv.school, region_id=sv.school.region_id, year=2026, serial=serial,
        number=f"亳谯消限字〔2026〕第{serial:04d}号", issued_at=at_ten(issued), deadline=dt.date(2026, 3, 31),
    )  # fmt: skip


def test_the_rectification_deadline_is_met_by_closing_on_or_before_it(sv, brigade):
    on_time = make_hazard(sv.school, brigade, dt.date(2026, 3, 1), status="closed", deadline=dt.date(2026, 3, 20),
                          closed_at=at_ten(dt.date(2026, 3, 20)))  # fmt: skip
    late = make_hazard(sv.school, brigade, dt.date(2026, 3, 1), status="closed", deadline=dt.date(2026, 3, 20),
                       closed_at=at_ten(dt.date(2026, 3, 21)))  # fmt: skip
    open_late = make_hazard(
        sv.school, brigade, dt.date(2026, 3, 1), status="rectifying", deadline=dt.date(2026, 4, 1)
    )
    open_ok = make_hazard(
        sv.school, brigade, dt.date(2026, 3, 1), status="rectifying", deadline=dt.date(2026, 5, 1)
    )
    assert [checks.hazard_deadline_met(h, TODAY) for h in (on_time, late, open_late, open_ok)] == [
        True, False, False, True]  # fmt: skip
    assert (
        checks.hazard_deadline_met(
            make_hazard(sv.school, brigade, dt.date(2026, 3, 1), status="found"), TODAY
        )
        is None
    )


def test_the_notice_clock_of_article_19_is_read_from_the_hazard(sv, brigade):
    served = make_hazard(sv.school, brigade, dt.date(2026, 3, 2), notice_due=dt.date(2026, 3, 5),
                         notice=_notice(sv, brigade, dt.date(2026, 3, 4)))  # fmt: skip
    late = make_hazard(sv.school, brigade, dt.date(2026, 3, 2), notice_due=dt.date(2026, 3, 5),
                       notice=_notice(sv, brigade, dt.date(2026, 3, 9), serial=2))  # fmt: skip
    missing = make_hazard(sv.school, brigade, dt.date(2026, 3, 2), notice_due=dt.date(2026, 3, 5))
    running = make_hazard(sv.school, brigade, dt.date(2026, 4, 9), notice_due=dt.date(2026, 4, 14))
    on_spot = make_hazard(sv.school, brigade, dt.date(2026, 3, 2), corrected_on_spot=True, status="closed")
    assert [checks.hazard_notice_in_time(h, TODAY) for h in (served, late, missing, running, on_spot)] == [
        True, False, False, None, None]  # fmt: skip


def test_a_closed_hazard_needs_a_re_inspection_and_a_reported_one_is_late_after_its_recheck_due(sv, brigade):
    rechecked = make_hazard(sv.school, brigade, dt.date(2026, 3, 1), status="closed", closed_at=at_ten(TODAY))
    HazardTransition.objects.create(hazard=rechecked, from_status="completion_reported", to_status="closed",
                                    data={"result": "passed"})  # fmt: skip
    closed_unchecked = make_hazard(
        sv.school, brigade, dt.date(2026, 3, 1), status="closed", closed_at=at_ten(TODAY)
    )
    waiting_late = make_hazard(sv.school, brigade, dt.date(2026, 3, 1), status="completion_reported",
                               recheck_due=dt.date(2026, 4, 8))  # fmt: skip
    waiting = make_hazard(sv.school, brigade, dt.date(2026, 3, 1), status="completion_reported",
                          recheck_due=dt.date(2026, 4, 12))  # fmt: skip
    by_inspection = make_hazard(
        sv.school, brigade, dt.date(2026, 3, 1), status="closed", closed_at=at_ten(TODAY)
    )
    make_inspection(sv.school, brigade, dt.date(2026, 4, 1), kind="recheck", recheck_of=by_inspection)
    results = [checks.hazard_recheck_done(h, TODAY) for h in (rechecked, closed_unchecked, waiting_late, waiting,
                                                                by_inspection)]  # fmt: skip
    assert results == [True, False, False, None, True]


def test_evidence_is_a_stored_upload_of_the_hazard(sv, brigade):
    hazard = make_hazard(sv.school, brigade, dt.date(2026, 3, 1))
    assert checks.hazard_evidence(hazard, TODAY) is False
    StoredFile.objects.create(owner_type="hazards.hazard", owner_id=str(hazard.pk), original_name="现场.jpg",
                              storage_name="ab" * 16 + ".jpg", content_type="image/jpeg", size=10, sha256="0" * 64)  # fmt: skip
    assert checks.hazard_evidence(hazard, TODAY) is True


def test_an_inspection_needs_two_inspectors_and_both_signatures(sv, brigade, people):
    alone = make_inspection(sv.school, brigade, dt.date(2026, 3, 1))
    paired = make_inspection(sv.school, brigade, dt.date(2026, 3, 2), co_inspectors="李四",
                             inspector_signed_at=at_ten(dt.date(2026, 3, 2)),
                             unit_signed_at=at_ten(dt.date(2026, 3, 2)))  # fmt: skip
    patrol = make_inspection(sv.school, brigade, dt.date(2026, 3, 3), kind="grid_patrol")
    assert [checks.two_inspectors(i, TODAY) for i in (alone, paired, patrol)] == [False, True, None]
    assert [checks.signed(i, TODAY) for i in (alone, paired)] == [False, True]
    assert checks.inspection_evidence(alone, TODAY) is None  # no failed item
    assert checks.inspection_notice_in_time(alone, TODAY) is None  # no hazard found
