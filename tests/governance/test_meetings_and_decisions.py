"""Committee meetings and their decisions: each decision becomes one action item per owning unit, with a
written-feedback date 15 days after the meeting by default; bad input is refused and saves nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.core.errors import DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.models import AuditEvent
from flameblue.governance import services
from flameblue.governance.models import ActionItem, Decision, Meeting
from tests.governance.conftest import make_meeting

pytestmark = pytest.mark.django_db


def test_meeting_is_recorded_in_its_committees_region_and_audited(gov, frozen):
    meeting = make_meeting(gov.qiaocheng_committee, by=gov.office)
    assert meeting.region_id == "341602"
    assert AuditEvent.objects.filter(object_type="governance.meeting", object_id=str(meeting.pk)).exists()


def test_meeting_dated_after_today_is_refused(gov, frozen):
    with pytest.raises(DomainError) as exc:
        make_meeting(gov.qiaocheng_committee, by=gov.office, held_on=dt.date(2026, 3, 21))
    assert exc.value.field == "held_on"
    assert not Meeting.objects.exists()


def test_meeting_of_another_countys_committee_is_out_of_scope(gov, frozen):
    with pytest.raises(OutOfScope):
        make_meeting(gov.qiaocheng_committee, by=gov.mengcheng_leader)
    assert not Meeting.objects.exists()


def test_department_may_not_record_meetings(gov, people, frozen):
    with pytest.raises(PermissionDeniedError):
        make_meeting(gov.qiaocheng_committee, by=people.edu)


def test_decision_makes_one_action_item_per_owner_due_for_feedback_15_days_after_meeting(decision, orgs):
    items = decision.action_items.order_by("owner__name")
    assert [i.owner for i in items] == sorted(
        [orgs.qiaocheng_edu, orgs.qiaocheng_health], key=lambda o: o.name
    )
    assert {i.feedback_due_on for i in items} == {dt.date(2026, 3, 25)}
    assert {i.status for i in items} == {"open"}
    assert {i.rules_version for i in items} == {"2026.1"}
    assert all(i.transitions.count() == 1 for i in items)


def test_decisions_are_numbered_in_the_order_they_are_added(meeting, gov, orgs):
    first = services.decision_add(by=gov.office, meeting=meeting, text="一", owners=[orgs.qiaocheng_edu],
                                  due_on=dt.date(2026, 4, 1))  # fmt: skip
    second = services.decision_add(by=gov.office, meeting=meeting, text="二", owners=[orgs.qiaocheng_edu],
                                   due_on=dt.date(2026, 4, 1))  # fmt: skip
    assert (first.number, second.number) == (1, 2)


def test_owner_outside_the_committees_region_is_refused_and_nothing_saved(meeting, gov, orgs):
    with pytest.raises(DomainError) as exc:
        services.decision_add(
            by=gov.office, meeting=meeting, text="检查医院", owners=[orgs.qiaocheng_edu, orgs.mengcheng_edu],
            due_on=dt.date(2026, 4, 30),
        )  # fmt: skip
    assert exc.value.field == "owners"
    assert "蒙城县教育局" in exc.value.message and "不在谯城区消防安全委员会的辖区内" in exc.value.message
    assert not Decision.objects.exists() and not ActionItem.objects.exists()


def test_a_brigade_cannot_own_an_action_item(meeting, gov, orgs):
    with pytest.raises(DomainError, match="责任单位须为行业部门、下级政府或社会单位"):
        services.decision_add(by=gov.office, meeting=meeting, text="x", owners=[orgs.qiaocheng_brigade],
                              due_on=dt.date(2026, 4, 30))  # fmt: skip


def test_deadline_before_the_meeting_is_refused(meeting, gov, orgs):
    with pytest.raises(DomainError) as exc:
        services.decision_add(by=gov.office, meeting=meeting, text="x", owners=[orgs.qiaocheng_edu],
                              due_on=dt.date(2026, 3, 1))  # fmt: skip
    assert exc.value.field == "due_on"


def test_a_decision_may_set_its_own_feedback_date(meeting, gov, orgs):
    decision = services.decision_add(
        by=gov.office, meeting=meeting, text="x", owners=[orgs.qiaocheng_edu], due_on=dt.date(2026, 4, 30),
        feedback_due_on=dt.date(2026, 4, 10),
    )  # fmt: skip
    assert decision.action_items.get().feedback_due_on == dt.date(2026, 4, 10)


def test_owners_are_told_after_commit(meeting, gov, orgs, people, django_capture_on_commit_callbacks):
    from flameblue.core.notify_models import Notification

    with django_capture_on_commit_callbacks(execute=True):
        services.decision_add(by=gov.office, meeting=meeting, text="x", owners=[orgs.qiaocheng_edu],
                              due_on=dt.date(2026, 4, 30))  # fmt: skip
    assert Notification.objects.filter(recipient=people.edu, subject__contains="议定事项待落实").exists()
