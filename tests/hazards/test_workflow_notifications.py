"""Every step that hands work to someone tells them in their inbox: a notice issued tells the unit's manager,
a completion report tells the brigade's inspectors, a new public tip tells the brigade of its county. A
message that finds nobody is an error the administrators see on their dashboard, and it is logged."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from django.urls import reverse

from flameblue.core.notify import Message, notify, undelivered
from flameblue.core.notify_models import Notification, UndeliveredNotification
from flameblue.hazards.sweep import sweep
from tests.hazards.lifecycle_helpers import DAY, completion_reported, rectifying
from tests.hazards.tips.helpers import at, make_tip

pytestmark = pytest.mark.django_db


def inbox(user):
    return list(Notification.objects.filter(recipient=user))


def test_issuing_a_notice_tells_the_units_manager(client, people, units):
    hazard = rectifying(units.school, people.qiaocheng)

    [note] = inbox(people.unit_manager)
    assert hazard.notice.number in note.subject and units.school.name in note.subject
    client.force_login(people.unit_manager)
    assert client.get(note.link).status_code == 200
    assert inbox(people.mengcheng) == [] and inbox(people.grid) == []


def test_a_completion_report_tells_the_inspectors_who_can_recheck(client, people, units):
    completion_reported(units.school, people.qiaocheng, people.unit_manager)

    notes = [n for n in inbox(people.qiaocheng) if "整改完成" in n.subject]
    assert len(notes) == 1
    client.force_login(people.qiaocheng)
    assert client.get(notes[0].link).status_code == 200
    assert inbox(people.mengcheng) == []
    assert not [n for n in inbox(people.unit_manager) if "整改完成" in n.subject]


def test_a_new_public_tip_tells_the_brigade_of_its_county(client, people, orgs):
    tip = make_tip(now=at(DAY))

    [note] = inbox(people.qiaocheng)
    assert tip.tracking_code in note.subject
    client.force_login(people.qiaocheng)
    assert client.get(note.link).status_code == 200
    assert inbox(people.mengcheng) == [] and inbox(people.city_leader) == []


def test_a_message_nobody_receives_is_recorded_and_logged(caplog, db):
    with caplog.at_level(logging.ERROR, logger="flameblue.notify"):
        assert notify([], Message("【逾期提醒】无人接收", link="/hazards/1/"), dedupe_key="k:1") == []
        notify([], Message("【逾期提醒】无人接收", link="/hazards/1/"), dedupe_key="k:1")

    assert [u.subject for u in undelivered()] == ["【逾期提醒】无人接收"]  # once per event
    assert "no recipient" in caplog.text


def test_an_escalation_to_nobody_shows_on_the_administrators_dashboards(client, orgs, people):
    """A tip in 蒙城县 whose brigade has nobody who can handle tips (the inspector is moved away)."""
    people.mengcheng.person.memberships.update(is_active=False)
    make_tip(now=at(DAY), region="341622101", address="蒙城县双涧镇")
    assert UndeliveredNotification.objects.count() == 1  # the new tip itself reached nobody

    sweep(today=DAY + dt.timedelta(days=1))
    assert UndeliveredNotification.objects.count() >= 1
    for admin in (people.detachment, people.sysadmin):
        client.force_login(admin)
        page = client.get(reverse("core:dashboard")).content.decode()
        assert 'data-testid="undelivered-panel"' in page and "无人接收" in page
    client.force_login(people.qiaocheng)
    assert 'data-testid="undelivered-panel"' not in client.get(reverse("core:dashboard")).content.decode()
