"""The action item's moves: the owner answers in writing; the committee side closes it or sends it back with
a new feedback date. The owner never closes its own item; stale edits and illegal moves are refused."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.core.errors import ConcurrencyError, DomainError, PermissionDeniedError
from flameblue.core.workflow import IllegalTransition
from flameblue.governance import services
from flameblue.governance.models import ActionItem

pytestmark = pytest.mark.django_db


def test_owner_department_answers_its_action_item(edu_item, people):
    item = services.action_item_answer(item=edu_item, by=people.edu, answer="已检查学校 12 所，整改隐患 5 处")
    assert item.status == "answered" and item.answered_by == people.edu
    assert item.answered_on_time is True
    assert list(item.transitions.values_list("to_status", flat=True)) == ["open", "answered"]


def test_answer_after_the_feedback_date_is_recorded_as_late(edu_item, people, frozen):
    frozen.move_to(dt.datetime(2026, 3, 27, 10, 0, tzinfo=dt.UTC))
    item = services.action_item_answer(item=edu_item, by=people.edu, answer="已完成")
    assert item.answered_on_time is False
    assert item.transitions.last().data == {"late": True}


def test_empty_answer_is_refused(edu_item, people):
    with pytest.raises(DomainError) as exc:
        services.action_item_answer(item=edu_item, by=people.edu, answer="  ")
    assert exc.value.field == "answer"
    edu_item.refresh_from_db()
    assert edu_item.status == "open"


def test_another_industrys_department_cannot_see_the_item(decision, people, orgs):
    health_item = decision.action_items.get(owner=orgs.qiaocheng_health)
    assert not ActionItem.objects.visible_to(people.edu).filter(pk=health_item.pk).exists()
    assert ActionItem.objects.visible_to(people.edu).count() == 1


def test_stale_answer_is_refused_with_who_changed_it(edu_item, people, gov):
    services.action_item_answer(item=edu_item, by=gov.office, answer="区政府代为反馈")
    with pytest.raises((ConcurrencyError, IllegalTransition)):
        services.action_item_answer(item=edu_item, by=people.edu, answer="x", expected_version=1)


def test_owner_cannot_close_its_own_item(edu_item, people, gov):
    services.action_item_answer(item=edu_item, by=gov.qiaocheng_leader, answer="已完成")
    # The county government owns nothing here but sits on the committee side; a department does not.
    with pytest.raises(PermissionDeniedError):
        services.action_item_close(item=edu_item, by=people.edu)


def test_committee_closes_an_answered_item(edu_item, people, gov):
    services.action_item_answer(item=edu_item, by=people.edu, answer="已完成")
    item = services.action_item_close(item=edu_item, by=gov.office, reason="落实到位")
    assert item.status == "closed"


def test_a_county_cannot_close_an_item_of_the_city_committee(gov, orgs, frozen):
    from tests.governance.conftest import make_meeting

    city_meeting = make_meeting(gov.city_committee, title="市消安委全体会议", kind="plenary")
    decision = services.decision_add(by=None, meeting=city_meeting, text="县区开展冬春火灾防控",
                                     owners=[orgs.qiaocheng_gov], due_on=dt.date(2026, 4, 30))  # fmt: skip
    item = decision.action_items.get()
    services.action_item_answer(item=item, by=gov.qiaocheng_leader, answer="已部署")
    with pytest.raises(PermissionDeniedError, match="只有作出该决定的消防安全委员会"):
        services.action_item_close(item=item, by=gov.qiaocheng_leader)


def test_closing_an_unanswered_item_is_an_illegal_move(edu_item, gov):
    with pytest.raises(IllegalTransition, match="待落实"):
        services.action_item_close(item=edu_item, by=gov.office)


def test_sent_back_item_is_open_again_with_a_new_feedback_date_and_no_flags(edu_item, people, gov):
    ActionItem.objects.filter(pk=edu_item.pk).update(overdue_since=dt.date(2026, 3, 18), escalation_level=2)
    services.action_item_answer(item=edu_item, by=people.edu, answer="已完成")
    item = services.action_item_return(
        item=edu_item, by=gov.office, reason="缺少检查清单", feedback_due_on=dt.date(2026, 3, 31)
    )
    assert (item.status, item.feedback_due_on, item.overdue_since, item.escalation_level) == (
        "open", dt.date(2026, 3, 31), None, 0,
    )  # fmt: skip


def test_send_back_needs_a_reason_and_a_future_date(edu_item, people, gov):
    services.action_item_answer(item=edu_item, by=people.edu, answer="已完成")
    with pytest.raises(DomainError) as exc:
        services.action_item_return(
            item=edu_item, by=gov.office, reason="", feedback_due_on=dt.date(2026, 3, 31)
        )
    assert exc.value.field == "reason"
    with pytest.raises(DomainError) as exc:
        services.action_item_return(
            item=edu_item, by=gov.office, reason="补充", feedback_due_on=dt.date(2026, 3, 20)
        )
    assert exc.value.field == "feedback_due_on"
    edu_item.refresh_from_db()
    assert edu_item.status == "answered"
