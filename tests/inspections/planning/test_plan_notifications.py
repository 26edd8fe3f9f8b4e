"""Inspectors put on a plan by a colleague hear about it in their inbox, with a link they can open."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.core.notify_models import Notification, UndeliveredNotification
from flameblue.inspections.planning.services import PlanEntry, plan_create

pytestmark = pytest.mark.django_db


def test_a_new_plan_tells_the_inspectors_it_assigns(client, orgs, people, plan_units, brigade_team):
    lead, first, second, *_ = brigade_team
    plan = plan_create(
        brigade=orgs.qiaocheng_brigade, title="6月第1周监督检查计划", starts_on=dt.date(2026, 6, 1),
        ends_on=dt.date(2026, 6, 5), by=lead,
        entries=[PlanEntry(unit=plan_units.school, planned_on=dt.date(2026, 6, 2), inspectors=[lead, first]),
                 PlanEntry(unit=plan_units.tower, planned_on=dt.date(2026, 6, 3), inspectors=[first, second])],
    )  # fmt: skip

    for inspector in (first, second):
        [note] = Notification.objects.filter(recipient=inspector)
        assert plan.title in note.subject
        client.force_login(inspector)
        assert client.get(note.link).status_code == 200
    assert not Notification.objects.filter(recipient=lead).exists()  # who made the plan knows
    assert not UndeliveredNotification.objects.exists()


def test_a_draw_tells_the_inspectors_it_picked(client, orgs, people, many_units, brigade_team):
    from flameblue.inspections.planning.draws import draw_create, draw_execute

    draw = draw_create(
        brigade=orgs.qiaocheng_brigade, title="2026年第一批双随机抽查", pool_filter={},
        unit_count=4, inspectors_per_unit=2, inspector_pool=None, by=people.qiaocheng,
    )  # fmt: skip
    draw = draw_execute(draw=draw, by=people.qiaocheng, seed="seed-2026-01")
    picked = {i.pk for a in draw.assignments.all() for i in a.inspectors.all()} - {people.qiaocheng.pk}

    told = set(
        Notification.objects.filter(subject__contains=draw.title).values_list("recipient_id", flat=True)
    )
    assert told == picked and picked
    note = Notification.objects.filter(recipient_id=next(iter(picked))).get()
    client.force_login(note.recipient)
    assert client.get(note.link).status_code == 200
