"""Bulk delivery (``notify_many``, what the overdue sweep sends with): each inbox gets a message once per
event, exactly as written, and a message nobody can receive is recorded for the administrators."""

import pytest

from flameblue.core.notify import Delivery, Message, inbox_for, notify_many, undelivered

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_a_bulk_delivery_lands_once_per_inbox_however_often_it_is_sent(people):
    reminder = Delivery((people.qiaocheng, people.mengcheng), Message("隐患逾期未整改", link="/hazards/1/"),
                        "escalation:hazard_overdue:hazards.hazard:1@2026-11-20:0")  # fmt: skip
    notify_many([reminder])
    notify_many([reminder, reminder])
    assert inbox_for(people.qiaocheng).count() == 1 and inbox_for(people.mengcheng).count() == 1


def test_a_message_arrives_exactly_as_written(people):
    # Quotes, braces, commas, backslashes and the word NULL mean something in a text array literal.
    subject = '【升级督办·第1级】"东方"商场{一层}, 仓库\\后门 NULL 的火灾隐患逾期未整改'
    body = "到期日：2026-11-20；截至 2026-12-05 已逾期 11 个工作日。\n请尽快处理。"
    notify_many([Delivery((people.qiaocheng,), Message(subject, body, "/hazards/7/", "danger"), "k:7")])
    note = inbox_for(people.qiaocheng).get()
    assert (note.subject, note.body, note.link, note.level) == (subject, body, "/hazards/7/", "danger")


def test_a_bulk_message_nobody_can_receive_is_recorded_as_undelivered(people):
    people.grid.is_active = False
    people.grid.save()
    sent = notify_many([Delivery((people.grid,), Message("无人接收的督办", link="/hazards/9/"), "k:9")])
    assert sent == 0 and inbox_for(people.grid).count() == 0
    assert list(undelivered().values_list("subject", flat=True)) == ["无人接收的督办"]
