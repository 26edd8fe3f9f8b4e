"""Drinking reports (饮酒报备): reported beforehand, approved or refused by a discipline officer through the
workflow kernel (version check, status guard, transition row, audit)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from flameblue.core.errors import ConcurrencyError, OutOfScope, PermissionDeniedError
from flameblue.core.workflow import IllegalTransition
from flameblue.integrity import services
from flameblue.integrity.choices import DrinkingStatus
from tests.dates import frozen_on

pytestmark = [pytest.mark.date_sensitive, frozen_on(dt.date(2026, 5, 20))]


def _report(by, on=dt.date(2026, 5, 23)):
    return services.drinking_report(by=by, occasion_on=on, place="家中", reason="女儿婚宴", companions="亲属")


def test_a_report_must_come_before_the_occasion(people):
    with pytest.raises(ValidationError):
        _report(people.qiaocheng, on=dt.date(2026, 5, 19))
    assert _report(people.qiaocheng, on=dt.date(2026, 5, 20)).status == DrinkingStatus.SUBMITTED


def test_the_discipline_officer_approves_and_the_move_is_recorded(people, integrity_world):
    report = _report(people.qiaocheng)
    approved = services.drinking_decide(
        report=report, by=integrity_world.discipline, approve=True, expected_version=report.version
    )
    assert approved.status == DrinkingStatus.APPROVED
    assert list(approved.transitions.values_list("from_status", "to_status")) == [
        ("", "submitted"), ("submitted", "approved"),
    ]  # fmt: skip
    with pytest.raises(IllegalTransition):
        services.drinking_decide(report=approved, by=integrity_world.discipline, approve=False, note="x")


def test_a_refusal_needs_a_reason_and_a_stale_version_is_refused(people, integrity_world):
    report = _report(people.qiaocheng)
    with pytest.raises(ValidationError):
        services.drinking_decide(report=report, by=integrity_world.discipline, approve=False)
    with pytest.raises(ConcurrencyError):
        services.drinking_decide(
            report=report, by=integrity_world.discipline, approve=False, note="工作日", expected_version=0
        )


def test_only_discipline_officers_of_the_jurisdiction_decide_and_never_their_own(people, integrity_world):
    report = _report(people.qiaocheng)
    with pytest.raises(PermissionDeniedError):
        services.drinking_decide(report=report, by=people.detachment, approve=True)
    with pytest.raises(OutOfScope):
        services.drinking_decide(report=report, by=integrity_world.mc_discipline, approve=True)
    own = _report(integrity_world.discipline)
    with pytest.raises(PermissionDeniedError):
        services.drinking_decide(report=own, by=integrity_world.discipline, approve=True)
