"""The overdue sweep: who hears about what, escalation after working days, idempotency and catch-up."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from flameblue.core.notify_models import Notification
from flameblue.hazards.choices import EscalationKind as K
from flameblue.hazards.models import Escalation, Hazard
from flameblue.hazards.sweep import sweep
from flameblue.hazards.tips import services as tips
from flameblue.units.models import Unit
from flameblue.workdays.services import add_working_days
from tests.hazards.lifecycle_helpers import completion_reported, rectifying
from tests.hazards.sweep_helpers import levels, subjects
from tests.hazards.tips.helpers import at, make_tip

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db, pytest.mark.date_sensitive]


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


def wd(day: dt.date, n: int) -> dt.date:
    return add_working_days(day, n).date


def test_nothing_due_sends_nothing(units, people, leaders):
    hazard = rectifying(units.school, people.qiaocheng)
    result = sweep(today=hazard.deadline)  # due today is not yet overdue
    assert sum(result.sent.values()) == 0 and not Escalation.objects.exists()


def test_overdue_hazard_reminds_unit_manager_brigade_and_township(units, people, leaders):
    hazard = rectifying(units.school, people.qiaocheng)
    sweep(today=hazard.deadline + dt.timedelta(days=1))
    assert levels(K.HAZARD_OVERDUE, hazard) == [0]
    for user in (people.unit_manager, people.qiaocheng, leaders.township):
        assert any("逾期未整改" in s and "亳州市第一中学" in s for s in subjects(user)), user
    for user in (leaders.county, people.city_leader, people.mengcheng, people.auditor, leaders.mengcheng):
        assert subjects(user) == [], user
    note = Notification.objects.filter(
        recipient=people.unit_manager, dedupe_key__startswith="escalation:"
    ).get()
    assert note.link == f"/hazards/{hazard.pk}/" and note.level == "warning"


def test_overdue_hazard_escalates_to_county_government_after_three_working_days(units, people, leaders):
    hazard = rectifying(units.school, people.qiaocheng)
    sweep(today=wd(hazard.deadline, 2))
    assert levels(K.HAZARD_OVERDUE, hazard) == [0] and subjects(leaders.county) == []
    sweep(today=wd(hazard.deadline, 3))
    assert levels(K.HAZARD_OVERDUE, hazard) == [0, 1]
    assert any("第1级" in s for s in subjects(leaders.county))
    hazard.refresh_from_db()
    assert hazard.escalation_level == 1


def test_running_twice_sends_each_escalation_and_notification_once(units, people, leaders):
    hazard = rectifying(units.school, people.qiaocheng)
    tip = make_tip(now=at(dt.date(2026, 3, 2)))
    day = wd(hazard.deadline, 4)
    first = sweep(today=day)
    escalations, notes = Escalation.objects.count(), Notification.objects.count()
    assert first.sent[K.HAZARD_OVERDUE] == 2 and first.sent[K.TIP_UNCHECKED] == 3
    second = sweep(today=day)
    assert sum(second.sent.values()) == 0
    assert Escalation.objects.count() == escalations and Notification.objects.count() == notes
    assert levels(K.TIP_UNCHECKED, tip) == [0, 1, 2]


def test_catch_up_after_downtime_sends_every_missed_level_once_in_order(units, people, leaders):
    hazard = rectifying(units.school, people.qiaocheng)
    result = sweep(today=wd(hazard.deadline, 12))
    assert result.sent[K.HAZARD_OVERDUE] == 3
    assert levels(K.HAZARD_OVERDUE, hazard) == [0, 1, 2]
    hazard.refresh_from_db()
    assert hazard.escalation_level == 2
    assert any("第2级" in s for s in subjects(people.city_leader))
    assert any("第2级" in s for s in subjects(people.detachment))
    assert len([s for s in subjects(leaders.county) if "逾期未整改" in s]) == 1
    sweep(today=wd(hazard.deadline, 20))
    assert levels(K.HAZARD_OVERDUE, hazard) == [0, 1, 2]


def test_escalation_level_only_increases(units, people, leaders):
    hazard = rectifying(units.school, people.qiaocheng)
    Hazard.objects.filter(pk=hazard.pk).update(escalation_level=2)
    sweep(today=wd(hazard.deadline, 4))
    hazard.refresh_from_db()
    assert hazard.escalation_level == 2


def test_unchecked_tip_goes_to_the_brigade_and_township_not_the_unit(units, people, leaders):
    tip = make_tip(category="blocked_exit", now=at(dt.date(2026, 3, 2), 9))
    sweep(now=at(dt.date(2026, 3, 3), 8))
    assert levels(K.TIP_UNCHECKED, tip) == []  # 23 hours: still in time
    sweep(now=at(dt.date(2026, 3, 3), 10))
    assert levels(K.TIP_UNCHECKED, tip) == [0]
    assert any(tip.tracking_code in s for s in subjects(people.qiaocheng))
    assert any(tip.tracking_code in s for s in subjects(leaders.township))
    assert subjects(people.unit_manager) == []


def test_a_checked_tip_is_not_chased(units, people, leaders):
    tip = make_tip(now=at(dt.date(2026, 3, 2)))
    tips.tip_dismiss(tip=tip, by=people.qiaocheng, reason="不属实")
    sweep(today=dt.date(2026, 4, 1))
    assert not Escalation.objects.exists()


def test_reinspection_not_done_reminds_the_brigade(units, people, leaders):
    hazard = completion_reported(units.school, people.qiaocheng, people.detachment)
    sweep(today=hazard.recheck_due + dt.timedelta(days=1))
    assert levels(K.RECHECK_OVERDUE, hazard) == [0]
    assert any("逾期未复查" in s for s in subjects(people.qiaocheng))
    assert not any("逾期未复查" in s for s in subjects(people.unit_manager))
    assert levels(K.HAZARD_OVERDUE, hazard) == []  # the unit has reported completion


def test_a_new_deadline_after_a_failed_recheck_starts_a_new_episode(units, people, leaders):
    from flameblue.hazards import services

    hazard = rectifying(units.school, people.qiaocheng)
    sweep(today=wd(hazard.deadline, 1))
    assert levels(K.HAZARD_OVERDUE, hazard) == [0]
    hazard = services.hazard_recheck(
        hazard=hazard, by=people.qiaocheng, passed=False, note="仍有杂物", today=wd(hazard.deadline, 1)
    )
    sweep(today=wd(hazard.deadline, 1))
    assert levels(K.HAZARD_OVERDUE, hazard) == [0, 0]


def test_late_listing_decision_and_missing_report_reach_the_government(units, people, leaders, orgs):
    from flameblue.hazards.models import SupervisionCase

    hazard = rectifying(units.school, people.qiaocheng, grade="major")
    requested = SupervisionCase.objects.create(
        hazard=hazard, case_number="谯消督〔2026〕1号", region_id=hazard.region_id, status="requested",
        government=orgs.qiaocheng_gov, decision_due=dt.date(2026, 3, 11),
    )  # fmt: skip
    other = rectifying(units.mall, people.qiaocheng, grade="major")
    listed = SupervisionCase.objects.create(
        hazard=other, case_number="谯消督〔2026〕2号", region_id=other.region_id, status="listed",
        government=orgs.city_gov, next_report_due=dt.date(2026, 3, 11),
    )  # fmt: skip
    sweep(today=dt.date(2026, 3, 12))
    assert levels(K.LISTING_DECISION_LATE, requested) == [0]
    assert levels(K.SUPERVISION_REPORT_MISSING, listed) == [0]
    assert any("逾期未作出决定" in s for s in subjects(leaders.county))
    assert any("逾期未报送督办报告" in s for s in subjects(people.city_leader))


def test_the_command_runs_the_sweep_for_a_given_day(units, people, leaders, capsys):
    hazard = rectifying(units.school, people.qiaocheng)
    call_command("sweep", "--today", wd(hazard.deadline, 12).isoformat())
    assert levels(K.HAZARD_OVERDUE, hazard) == [0, 1, 2]
    assert "隐患逾期未整改: 1 overdue, 3 escalations sent" in capsys.readouterr().out


def test_the_command_refuses_a_bad_date():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("sweep", "--today", "2026/03/01")


def test_the_huey_task_runs_the_sweep(units, people, leaders):
    from flameblue.hazards.tasks import sweep_overdue

    rectifying(units.school, people.qiaocheng)
    assert "sweep" in sweep_overdue.call_local()


def test_each_recipient_is_linked_to_the_nearest_page_it_may_open(units, people, leaders):
    hazard = rectifying(units.school, people.qiaocheng)
    sweep(today=wd(hazard.deadline, 10))  # every level: the unit, brigade, township, county, city, detachment
    notes = Notification.objects.filter(dedupe_key__startswith="escalation:").select_related("recipient")
    assert notes.count() >= 5
    for note in notes:
        user = note.recipient
        sees_hazard = Hazard.objects.visible_to(user).filter(pk=hazard.pk).exists()
        sees_unit = Unit.objects.visible_to(user).filter(pk=hazard.unit_id).exists()
        hazard_page, unit_page = f"/hazards/{hazard.pk}/", reverse("units:unit-detail", args=[hazard.unit_id])
        expected = hazard_page if sees_hazard else unit_page if sees_unit else ""
        assert note.link == expected, (user, note.subject)
