"""临时查封: proposed from a hazard, decided by the brigade's leader in a collective review, served within three
working days of the inspection, executed, and lifted after an application and an on-site check — each clock
counted in working days and each late step recorded."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.core.errors import ConcurrencyError, DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.workflow import IllegalTransition
from flameblue.enforcement import services
from flameblue.enforcement.choices import SealingClock, SealingStatus
from tests.dates import frozen_on
from tests.enforcement.conftest import DAY, TODAY, decide, found_hazard, propose, sealed

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(TODAY)]


def test_a_proposal_starts_the_three_working_day_clock_from_the_inspection_day(hazard, people):
    sealing = propose(hazard, people.qiaocheng)
    assert sealing.status == SealingStatus.PROPOSED
    assert sealing.clock == SealingClock.DECIDE_SERVE
    assert sealing.due_on == dt.date(2026, 3, 5)  # Mon 2 March + 3 working days
    assert sealing.unit == hazard.unit and sealing.agency.name == "谯城区消防救援大队"


def test_a_proposal_on_a_friday_skips_the_weekend(hazard, people):
    assert propose(hazard, people.qiaocheng, inspected_on=dt.date(2026, 3, 6)).due_on == dt.date(2026, 3, 11)


def test_the_clock_skips_national_day_and_counts_the_make_up_saturday(hazard, people):
    # 2025: 1–8 October off, Saturday 11 October a working day (国务院办公厅 2024 年放假安排).
    sealing = propose(hazard, people.qiaocheng, inspected_on=dt.date(2025, 9, 30))
    assert sealing.due_on == dt.date(2025, 10, 11)


def test_a_seal_made_on_the_spot_must_be_decided_and_served_by_the_next_day(hazard, people):
    sealing = propose(hazard, people.qiaocheng, sealed_on_spot=True, inspected_on=dt.date(2026, 3, 6))
    assert sealing.due_on == dt.date(2026, 3, 7)  # 24 hours, a Saturday included
    assert sealing.executed_on == dt.date(2026, 3, 6)


def test_only_a_ground_of_article_22_can_be_proposed(hazard, people):
    with pytest.raises(DomainError) as exc:
        propose(hazard, people.qiaocheng, ground="untidy")
    assert exc.value.field == "ground"


def test_a_sealing_period_over_one_month_is_refused(hazard, people):
    with pytest.raises(DomainError, match="不得超过一个月"):
        propose(hazard, people.qiaocheng, period_days=31)


def test_a_hazard_outside_the_inspectors_county_cannot_be_used(hazard, people):
    with pytest.raises(OutOfScope):
        propose(hazard, people.mengcheng)


def test_an_inspector_cannot_decide_only_the_agencys_leader_can(hazard, people, chiefs):
    sealing = propose(hazard, people.qiaocheng)
    with pytest.raises(PermissionDeniedError, match="负责人"):
        decide(sealing, people.qiaocheng)
    with pytest.raises(OutOfScope):
        decide(sealing, chiefs.mengcheng)
    sealing = decide(sealing, chiefs.qiaocheng)
    assert sealing.status == SealingStatus.DECIDED
    assert sealing.decision_number.endswith("〔2026〕第0001号") and "封字" in sealing.decision_number
    assert sealing.review.participants == ["张队长", "王磊", "李法制员"]
    assert sealing.review.chaired_by == chiefs.qiaocheng


def test_a_collective_review_needs_three_people(hazard, people, chiefs):
    sealing = propose(hazard, people.qiaocheng)
    with pytest.raises(DomainError) as exc:
        services.sealing_decide(sealing, by=chiefs.qiaocheng, seal=True, participants=["张队长", "王磊", "王磊"],
                                opinion="查封", held_on=DAY)  # fmt: skip
    assert exc.value.field == "participants"


def test_deciding_not_to_seal_ends_the_case_and_stops_the_clock(hazard, people, chiefs):
    sealing = decide(propose(hazard, people.qiaocheng), chiefs.qiaocheng, seal=False)
    assert sealing.status == SealingStatus.REJECTED
    assert sealing.due_on is None and sealing.decision_number == ""


def test_serving_on_the_last_day_is_on_time_and_a_day_later_is_late(hazard, people, chiefs):
    inspector = people.qiaocheng
    on_time = services.sealing_serve(decide(propose(hazard, inspector), chiefs.qiaocheng), by=inspector,
                                     served_on=dt.date(2026, 3, 5))  # fmt: skip
    assert on_time.late_steps == [] and on_time.status == SealingStatus.SERVED
    assert on_time.clock == SealingClock.EXECUTE and on_time.due_on == dt.date(2026, 3, 6)
    other = found_hazard(hazard.unit, inspector)
    late = services.sealing_serve(decide(propose(other, inspector), chiefs.qiaocheng), by=inspector,
                                  served_on=dt.date(2026, 3, 6))  # fmt: skip
    assert late.late_steps == [SealingClock.DECIDE_SERVE]


def test_a_seal_made_on_the_spot_is_in_force_once_its_decision_is_served(hazard, people, chiefs):
    sealing = decide(propose(hazard, people.qiaocheng, sealed_on_spot=True), chiefs.qiaocheng)
    sealing = services.sealing_serve(sealing, by=people.qiaocheng, served_on=DAY + dt.timedelta(days=1))
    assert sealing.status == SealingStatus.SEALED
    assert sealing.ends_on == DAY + dt.timedelta(days=30)


def test_the_whole_journey_to_lifting_with_its_clocks(hazard, people, chiefs):
    inspector, chief = people.qiaocheng, chiefs.qiaocheng
    sealing = sealed(hazard, inspector, chief)
    assert sealing.status == SealingStatus.SEALED and sealing.due_on is None
    assert sealing.ends_on == dt.date(2026, 4, 1)
    sealing = services.sealing_request_lift(sealing, by=inspector,
                                            requested_on=dt.date(2026, 3, 9), statement="货物已清走，安全出口已开启")  # fmt: skip
    assert sealing.clock == SealingClock.LIFT_CHECK and sealing.due_on == dt.date(2026, 3, 12)
    sealing = services.sealing_check_lift(sealing, by=inspector, checked_on=dt.date(2026, 3, 12), passed=True,
                                          notes="安全出口畅通")  # fmt: skip
    assert sealing.status == SealingStatus.CHECKED and sealing.due_on == dt.date(2026, 3, 17)
    with pytest.raises(PermissionDeniedError):
        services.sealing_lift(sealing, by=inspector, lifted_on=dt.date(2026, 3, 13))
    sealing = services.sealing_lift(sealing, by=chief, lifted_on=dt.date(2026, 3, 13))
    assert sealing.status == SealingStatus.LIFTED and "解封字" in sealing.lift_number
    assert sealing.late_steps == [] and sealing.due_on is None
    moves = list(sealing.transitions.order_by("at", "id").values_list("to_status", flat=True))
    assert moves == ["proposed", "decided", "served", "sealed", "lift_requested", "checked", "lifted"]


def test_a_failed_lift_check_keeps_the_seal(hazard, people, chiefs):
    sealing = sealed(hazard, people.qiaocheng, chiefs.qiaocheng)
    sealing = services.sealing_request_lift(
        sealing, by=people.qiaocheng, requested_on=DAY, statement="已整改"
    )
    sealing = services.sealing_check_lift(sealing, by=people.qiaocheng, checked_on=dt.date(2026, 3, 6),
                                          passed=False, notes="安全出口仍锁闭")  # fmt: skip
    assert sealing.status == SealingStatus.SEALED and sealing.due_on is None
    assert sealing.late_steps == [SealingClock.LIFT_CHECK]  # Friday 6 March is after Thursday 5 March


def test_a_stale_version_is_refused_and_nothing_is_saved(hazard, people, chiefs):
    sealing = propose(hazard, people.qiaocheng)
    seen = sealing.version
    decide(sealing, chiefs.qiaocheng)
    with pytest.raises(ConcurrencyError, match="请刷新"):
        services.sealing_serve(sealing, by=people.qiaocheng, served_on=DAY, expected_version=seen)
    sealing.refresh_from_db()
    assert sealing.status == SealingStatus.DECIDED and sealing.served_on is None


def test_a_step_out_of_order_is_an_illegal_transition(hazard, people):
    sealing = propose(hazard, people.qiaocheng)
    with pytest.raises(IllegalTransition):
        services.sealing_execute(sealing, by=people.qiaocheng, executed_on=DAY)


def test_dates_in_the_future_or_before_the_previous_step_are_refused(hazard, people, chiefs):
    sealing = decide(propose(hazard, people.qiaocheng), chiefs.qiaocheng)
    with pytest.raises(DomainError, match="不能晚于今天"):
        services.sealing_serve(sealing, by=people.qiaocheng, served_on=TODAY + dt.timedelta(days=1))
    with pytest.raises(DomainError, match="不能早于"):
        services.sealing_serve(sealing, by=people.qiaocheng, served_on=DAY - dt.timedelta(days=1))


def test_the_unit_itself_may_apply_to_lift_its_seal(orgs, people, chiefs):
    from tests.factories import persona
    from tests.units.factories import make_unit

    mall = make_unit(orgs.mall, category="shop")
    manager = persona("mall_manager", orgs.mall, "unit_manager")
    sealing = sealed(found_hazard(mall, people.qiaocheng), people.qiaocheng, chiefs.qiaocheng)
    sealing = services.sealing_request_lift(sealing, by=manager, requested_on=DAY, statement="已整改完毕")
    assert sealing.status == SealingStatus.LIFT_REQUESTED
    with pytest.raises(PermissionDeniedError):
        services.sealing_check_lift(sealing, by=manager, checked_on=DAY, passed=True, notes="自查合格")


def test_a_proposal_from_an_inspection_counts_from_the_inspection_day(units, people, hazard):
    from flameblue.inspections.services import inspection_start

    inspection = inspection_start(kind="supervision", unit=units.mall, by=people.qiaocheng, inspected_on=DAY)
    sealing = services.sealing_propose(by=people.qiaocheng, inspection=inspection, ground="decoration",
                                       premises="三层KTV", facts="包间墙面采用聚氨酯泡沫装修")  # fmt: skip
    assert sealing.inspected_on == DAY and sealing.due_on == dt.date(2026, 3, 5)
    other = inspection_start(kind="supervision", unit=units.hospital, by=people.mengcheng, inspected_on=DAY)
    with pytest.raises(DomainError, match="不是同一单位"):
        services.sealing_propose(by=people.detachment, hazard=hazard, inspection=other, ground="exits",
                                 premises="一层", facts="锁闭")  # fmt: skip
