"""Draft autosave: saving an answer is an upsert per item, saving it again changes nothing, and an answer
synced late from an offline phone never overwrites a newer one."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from flameblue.core.models import AuditEvent
from flameblue.inspections.models import InspectionAnswer
from flameblue.inspections.services import answer_save, inspection_start

pytestmark = pytest.mark.date_sensitive


@pytest.fixture
def patrol(people, units):
    return inspection_start(kind="grid_patrol", unit=units.mall, by=people.grid)


def test_saving_the_same_answer_twice_keeps_one_row_and_one_audit_event(people, patrol):
    item = patrol.checklist.items.get(code="MALL-016")
    for _ in range(2):
        answer_save(inspection=patrol, item=item, result="fail", note="堆放货物", by=people.grid)
    answer_save(inspection=patrol, item=item, result="pass", by=people.grid)

    answer = InspectionAnswer.objects.get(inspection=patrol, item=item)
    assert answer.result == "pass" and answer.note == ""
    assert AuditEvent.objects.filter(object_id=str(patrol.pk), action="update").count() == 2


def test_late_offline_answer_does_not_overwrite_a_newer_one(people, patrol):
    item = patrol.checklist.items.get(code="MALL-016")
    now = timezone.now()
    answer_save(
        inspection=patrol, item=item, result="fail", note="新", by=people.grid, answered_at=now.isoformat()
    )
    late = answer_save(
        inspection=patrol, item=item, result="pass", by=people.grid, answered_at=now - dt.timedelta(minutes=5)
    )

    assert late.stale is True
    assert InspectionAnswer.objects.get(inspection=patrol, item=item).note == "新"


def test_an_answered_at_in_the_future_is_clamped_to_now(people, patrol):
    item = patrol.checklist.items.get(code="MALL-016")
    answer = answer_save(
        inspection=patrol,
        item=item,
        result="pass",
        by=people.grid,
        answered_at=timezone.now() + dt.timedelta(days=1),
    )
    assert answer.answered_at <= timezone.now()


def test_an_item_of_another_checklist_is_refused(people, patrol, units):
    other = inspection_start(kind="self_patrol", unit=units.school, by=people.unit_manager)
    foreign = other.checklist.items.first()
    with pytest.raises(ValidationError) as caught:
        answer_save(inspection=patrol, item=foreign, result="pass", by=people.grid)
    assert "item" in caught.value.message_dict


def test_bad_result_and_long_note_are_named(people, patrol):
    item = patrol.checklist.items.first()
    with pytest.raises(ValidationError) as caught:
        answer_save(inspection=patrol, item=item, result="maybe", by=people.grid)
    assert "result" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        answer_save(inspection=patrol, item=item, result="fail", note="很" * 2001, by=people.grid)
    assert "note" in caught.value.message_dict
    assert not InspectionAnswer.objects.exists()
