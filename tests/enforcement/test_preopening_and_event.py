"""公众聚集场所投入使用、营业前消防安全检查 (告知承诺: licensed on acceptance, verified on site within 20 working
days; standard path: checked within 10 working days of acceptance, decided within 3 of the check) and the
check of a large public event before it starts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from flameblue.core.errors import DomainError, OutOfScope
from flameblue.enforcement import services
from flameblue.enforcement.choices import CheckPath, EventCheckStatus, PreOpeningStatus
from tests.dates import frozen_on
from tests.enforcement.conftest import DAY, TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(TODAY)]


def apply(unit, by, path, **kw):
    kw.setdefault("applied_on", DAY)
    kw.setdefault("area_m2", Decimal("860"))
    return services.preopening_apply(
        by=by, unit=unit, place_name="万达广场海底捞火锅店", address="谯城区芍花路万达广场三层",
        applicant="亳州海底捞餐饮有限公司", path=path, **kw,
    )  # fmt: skip


def test_the_commitment_path_is_licensed_on_acceptance_and_verified_within_twenty_working_days(units, people):
    check = services.preopening_accept(apply(units.mall, people.qiaocheng, CheckPath.COMMITMENT),
                                       by=people.qiaocheng, accepted_on=DAY)  # fmt: skip
    assert check.status == PreOpeningStatus.LICENSED and check.licensed_on == DAY
    assert check.due_on == dt.date(2026, 3, 30)  # 20 working days after Monday 2 March
    assert "营检字" in check.number
    check = services.preopening_decide(check, by=people.qiaocheng, checked_on=dt.date(2026, 3, 30), passed=True,
                                       findings="与承诺相符")  # fmt: skip
    assert check.status == PreOpeningStatus.VERIFIED and check.late_steps == []


def test_a_commitment_found_untrue_revokes_the_licence(units, people):
    check = services.preopening_accept(apply(units.mall, people.qiaocheng, CheckPath.COMMITMENT),
                                       by=people.qiaocheng, accepted_on=DAY)  # fmt: skip
    check = services.preopening_decide(check, by=people.qiaocheng, checked_on=dt.date(2026, 3, 31), passed=False,
                                       findings="实际未设置自动喷水灭火系统")  # fmt: skip
    assert check.status == PreOpeningStatus.REVOKED and check.late_steps == ["check"]


def test_the_standard_path_is_checked_within_ten_working_days(units, people):
    check = services.preopening_accept(apply(units.mall, people.qiaocheng, CheckPath.STANDARD),
                                       by=people.qiaocheng, accepted_on=DAY)  # fmt: skip
    assert check.status == PreOpeningStatus.ACCEPTED and check.due_on == dt.date(2026, 3, 16)
    check = services.preopening_decide(check, by=people.qiaocheng, checked_on=dt.date(2026, 3, 16),
                                       decided_on=dt.date(2026, 3, 19), passed=True, findings="合格")  # fmt: skip
    assert check.status == PreOpeningStatus.PASSED and check.late_steps == []


def test_a_check_a_day_late_and_a_decision_four_working_days_after_it_are_both_late(units, people):
    check = services.preopening_accept(apply(units.mall, people.qiaocheng, CheckPath.STANDARD),
                                       by=people.qiaocheng, accepted_on=DAY)  # fmt: skip
    check = services.preopening_decide(check, by=people.qiaocheng, checked_on=dt.date(2026, 3, 17),
                                       decided_on=dt.date(2026, 3, 23), passed=False, findings="疏散指示不足")  # fmt: skip
    assert check.status == PreOpeningStatus.FAILED
    assert check.late_steps == ["check", "decide"]


def test_not_accepting_needs_a_reason(units, people):
    check = apply(units.mall, people.qiaocheng, CheckPath.STANDARD)
    with pytest.raises(DomainError) as exc:
        services.preopening_accept(check, by=people.qiaocheng, accepted_on=DAY, accept=False)
    assert exc.value.field == "reason"
    check = services.preopening_accept(check, by=people.qiaocheng, accepted_on=DAY, accept=False,
                                       reason="不属于公众聚集场所")  # fmt: skip
    assert check.status == PreOpeningStatus.NOT_ACCEPTED and check.due_on is None


def test_a_unit_applies_for_itself_but_not_for_another_unit(orgs, units, people):
    from tests.factories import persona

    manager = persona("mall_manager", orgs.mall, "unit_manager")
    assert apply(units.mall, manager, CheckPath.COMMITMENT).agency.name == "谯城区消防救援大队"
    with pytest.raises(OutOfScope):
        apply(units.hospital, manager, CheckPath.COMMITMENT)


def test_a_zero_area_is_refused(units, people):
    with pytest.raises(DomainError) as exc:
        apply(units.mall, people.qiaocheng, CheckPath.STANDARD, area_m2=Decimal("0"))
    assert exc.value.field == "area_m2"


def event(unit, by, **kw):
    kw.setdefault("starts_on", dt.date(2026, 3, 20))
    kw.setdefault("ends_on", dt.date(2026, 3, 22))
    return services.event_apply(
        by=by, unit=unit, event_name="第36届全国（亳州）中药材交易会", venue="亳州国际会展中心",
        expected_attendance=20000, applied_on=DAY, **kw,
    )  # fmt: skip


def test_an_event_must_be_checked_the_day_before_it_starts(units, people):
    check = event(units.mall, people.qiaocheng)
    assert check.due_on == dt.date(2026, 3, 19)
    check = services.event_accept(check, by=people.qiaocheng, accepted_on=dt.date(2026, 3, 3))
    assert check.status == EventCheckStatus.ACCEPTED and "活检字" in check.number
    check = services.event_decide(check, by=people.qiaocheng, checked_on=dt.date(2026, 3, 19), passed=True,
                                  findings="消防设施完好，疏散通道畅通")  # fmt: skip
    assert check.status == EventCheckStatus.PASSED and check.late_steps == []


def test_an_event_checked_on_its_first_day_is_late_and_after_it_ended_is_refused(units, people):
    check = services.event_accept(event(units.mall, people.qiaocheng), by=people.qiaocheng, accepted_on=DAY)
    with pytest.raises(DomainError, match="活动已结束"):
        services.event_decide(check, by=people.qiaocheng, checked_on=dt.date(2026, 3, 23), passed=True,
                              findings="合格")  # fmt: skip
    check = services.event_decide(check, by=people.qiaocheng, checked_on=dt.date(2026, 3, 20), passed=False,
                                  findings="临时搭建物采用可燃材料")  # fmt: skip
    assert check.status == EventCheckStatus.FAILED and check.late_steps == ["check"]


def test_an_application_on_or_after_the_event_start_is_refused(units, people):
    with pytest.raises(DomainError) as exc:
        event(units.mall, people.qiaocheng, starts_on=DAY, ends_on=DAY)
    assert exc.value.field == "starts_on"
