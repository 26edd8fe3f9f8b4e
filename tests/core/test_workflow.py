"""The workflow kernel (``core.workflow``): the version the user saw, the status guard, the transition row
and the audit event, all or nothing in one transaction. Exercised on a hazard, the busiest workflow."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from flameblue.core import workflow
from flameblue.core.errors import ConcurrencyError, DomainError
from flameblue.core.models import AuditAction, AuditEvent
from flameblue.hazards.choices import HazardStatus
from tests.hazards.conftest import units  # noqa: F401  (fixture)
from tests.hazards.lifecycle_helpers import confirm, report

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

BOZHOU = ZoneInfo("Asia/Shanghai")
S = HazardStatus


def _start(hazard, by, **kw):
    return workflow.transition(
        hazard, by=by, to=S.RECTIFYING, allowed=(S.CONFIRMED,), verb="开始整改", noun="隐患", **kw
    )


def test_a_stale_version_is_refused_naming_who_changed_it_and_when(units, people):  # noqa: F811
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 0, tzinfo=BOZHOU), tick=False):
        hazard = report(units.school, people.qiaocheng)
    seen = hazard.version
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 30, tzinfo=BOZHOU), tick=False):
        confirm(hazard, people.detachment)
    with pytest.raises(ConcurrencyError) as exc:
        _start(hazard, people.qiaocheng, expected_version=seen)
    message = exc.value.message
    assert "该隐患已被zhidui于2026-03-02 09:30修改" in message and "已确认" in message and "请刷新" in message
    hazard.refresh_from_db()
    assert hazard.status == S.CONFIRMED and hazard.transitions.count() == 2


def test_a_move_from_the_wrong_status_is_a_status_error_not_a_stale_edit(units, people):  # noqa: F811
    hazard = report(units.school, people.qiaocheng)
    with pytest.raises(workflow.IllegalTransition) as exc:
        _start(hazard, people.qiaocheng, expected_version=hazard.version)
    assert not isinstance(exc.value, ConcurrencyError)
    assert f"当前状态为“{hazard.get_status_display()}”，不能开始整改" in exc.value.message
    assert exc.value.conflict  # the API answers 409 with code "state"


def test_a_move_writes_its_transition_row_and_audit_event(units, people):  # noqa: F811
    hazard = confirm(report(units.school, people.qiaocheng), people.qiaocheng)
    version = hazard.version
    moved = _start(hazard, people.qiaocheng, expected_version=version, reason="通知书已送达", data={"n": 1})
    assert moved.status == S.RECTIFYING and moved.version == version + 1
    row = moved.transitions.order_by("-at", "-id").first()
    assert (row.from_status, row.to_status, row.by, row.reason, row.data) == (
        S.CONFIRMED, S.RECTIFYING, people.qiaocheng, "通知书已送达", {"n": 1},
    )  # fmt: skip
    event = AuditEvent.objects.filter(object_type="hazards.hazard", object_id=str(hazard.pk)).latest("id")
    assert event.action == AuditAction.TRANSITION and event.actor == people.qiaocheng
    assert event.changes["status"] == [S.CONFIRMED, S.RECTIFYING] and event.reason == "通知书已送达"


def test_nothing_is_saved_when_the_change_raises(units, people, django_capture_on_commit_callbacks):  # noqa: F811
    hazard = confirm(report(units.school, people.qiaocheng), people.qiaocheng)
    rows, events = hazard.transitions.count(), AuditEvent.objects.count()
    effects: list[str] = []

    def change(current):
        current.interim_measures = "不应保存"
        raise DomainError("整改措施不符合要求")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError):
        _start(hazard, people.qiaocheng, change=change, on_commit=[lambda: effects.append("sent")])
    hazard.refresh_from_db()
    assert hazard.status == S.CONFIRMED and hazard.interim_measures == "" and hazard.version == 2
    assert hazard.transitions.count() == rows and AuditEvent.objects.count() == events and effects == []


def test_side_effects_run_once_the_move_commits(units, people, django_capture_on_commit_callbacks):  # noqa: F811
    hazard = confirm(report(units.school, people.qiaocheng), people.qiaocheng)
    effects: list[str] = []
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _start(hazard, people.qiaocheng, on_commit=[lambda: effects.append("sent")])
        assert effects == []
    for callback in callbacks:
        callback()
    assert effects == ["sent"]
