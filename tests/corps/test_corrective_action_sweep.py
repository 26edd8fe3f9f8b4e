"""The corps' corrective-action sweep (``flameblue sweep``, job ``corps_actions``): an open action past its
deadline is flagged, its owner told and the brigade escalated to once; ten days on the detachment hears;
reported actions are left alone. Covers case-review actions and readiness findings alike."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from flameblue.core.models import Notification
from flameblue.corps.incidents.models import ReviewAction
from flameblue.corps.readiness.models import ReadinessFinding
from flameblue.corps.rectification.sweep import sweep_corrective_actions
from tests.corps.subdomains import make_world
from tests.dates import frozen_on
from tests.factories import persona

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(dt.date(2026, 4, 10))]


@pytest.fixture
def cw(orgs):
    return make_world(orgs)


def _subjects(user) -> list[str]:
    return sorted(Notification.objects.filter(recipient=user).values_list("subject", flat=True))


def test_an_overdue_action_is_escalated_to_the_brigade_once(cw, orgs, people):
    commander = persona("xuege_commander", cw.station, "station_commander")
    out = StringIO()
    call_command("sweep", "--only", "corps_actions", "--today", "2026-04-02", stdout=out)
    assert "flagged 5" in out.getvalue()  # three open review actions (due 04-01), two findings (due 03-17)
    action = ReviewAction.objects.get(pk=cw.action.pk)
    assert (action.overdue_since, action.escalation_level) == (dt.date(2026, 4, 2), 1)
    assert ReviewAction.objects.get(pk=cw.action_submitted.pk).escalation_level == 0
    assert any("【整改逾期】" in s and "配齐深井救援器材" in s for s in _subjects(commander))
    assert any("配齐深井救援器材" in s for s in _subjects(people.qiaocheng))
    assert not any("配齐深井救援器材" in s for s in _subjects(people.mengcheng))
    assert not any("配齐深井救援器材" in s for s in _subjects(people.detachment))  # level 1: not yet
    sent = Notification.objects.count()
    assert sum(sweep_corrective_actions(today=dt.date(2026, 4, 2)).sent.values()) == 0
    assert Notification.objects.count() == sent


def test_ten_days_on_the_detachment_hears_and_missed_levels_are_caught_up(cw, people):
    result = sweep_corrective_actions(today=dt.date(2026, 4, 12))
    assert result.sent == {1: 5, 2: 5}  # three review actions and two findings, both levels after an outage
    assert any("第2级" in s for s in _subjects(people.detachment))
    finding = ReadinessFinding.objects.get(pk=cw.finding.pk)
    assert finding.escalation_level == 2 and finding.overdue_since == dt.date(2026, 3, 18)


def test_nothing_is_overdue_on_the_deadline_itself(cw):
    assert sweep_corrective_actions(today=dt.date(2026, 4, 1)).sent == {1: 2, 2: 2}  # the findings only
    assert not ReviewAction.objects.filter(overdue_since__isnull=False).exists()
