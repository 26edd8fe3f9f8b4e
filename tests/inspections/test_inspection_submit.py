"""Submitting an inspection: every item answered, signatures named and timestamped, failed items become
findings and hazards, and a double submit (double tap, retry) lands once."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from flameblue.core.errors import ConcurrencyError
from flameblue.core.models import AuditAction, AuditEvent
from flameblue.hazards.models import Hazard
from flameblue.inspections.models import Finding, Inspection, InspectionAnswer
from flameblue.inspections.services import answer_save, inspection_start, inspection_submit
from tests.inspections.inspection_fixtures import answer_all

pytestmark = pytest.mark.sqlite

SIGNED = {"inspector_name": "网格员王五", "unit_representative_name": "店长赵六"}


@pytest.fixture
def patrol(people, units):
    return inspection_start(kind="grid_patrol", unit=units.mall, by=people.grid)


def test_submit_requires_every_item_answered(people, patrol):
    first, second, *rest = patrol.checklist.items.order_by("order")
    answer_save(inspection=patrol, item=first, result="pass", by=people.grid)
    answer_save(inspection=patrol, item=second, result="na", by=people.grid)

    with pytest.raises(ValidationError) as caught:
        inspection_submit(inspection=patrol, by=people.grid, **SIGNED)

    message = " ".join(caught.value.message_dict["answers"])
    assert f"尚有 {len(rest)} 项未填写" in message and rest[0].code in message
    assert first.code not in message
    patrol.refresh_from_db()
    assert patrol.status == "draft" and InspectionAnswer.objects.filter(inspection=patrol).count() == 2


def test_not_applicable_counts_as_answered(people, patrol):
    answer_all(patrol, people.grid, default="na")
    submitted = inspection_submit(inspection=patrol, by=people.grid, **SIGNED)
    assert submitted.status == "submitted" and not submitted.findings.exists()


def test_signature_names_are_required_and_timestamped(people, patrol):
    answer_all(patrol, people.grid)
    with pytest.raises(ValidationError) as caught:
        inspection_submit(inspection=patrol, by=people.grid, inspector_name=" ", unit_representative_name="")
    assert set(caught.value.message_dict) == {"inspector_name", "unit_representative_name"}

    submitted = inspection_submit(inspection=patrol, by=people.grid, **SIGNED)
    assert submitted.inspector_signature_name == "网格员王五" and submitted.unit_signature_name == "店长赵六"
    assert submitted.inspector_signed_at == submitted.unit_signed_at == submitted.submitted_at


def test_failed_items_become_findings_and_hazards_found(people, patrol):
    answer_all(
        patrol,
        people.grid,
        answers={
            "MALL-016": {"result": "fail", "note": "二楼东侧疏散通道堆放货物"},
            "MALL-002": {"result": "fail"},
        },
    )
    inspection_submit(inspection=patrol, by=people.grid, **SIGNED)

    findings = {f.answer.item.code: f for f in Finding.objects.filter(inspection=patrol)}
    assert set(findings) == {"MALL-016", "MALL-002"}
    blocked = findings["MALL-016"]
    assert "二楼东侧疏散通道堆放货物" in blocked.description
    assert blocked.suggested_element == "7.3.9"
    hazard = blocked.hazard
    assert hazard.status == "found" and hazard.source == "township_grid"
    assert hazard.unit_id == patrol.unit_id and hazard.checklist_item.code == "MALL-016"
    assert hazard.gb35181_element == "7.3.9" and hazard.found_by == people.grid
    assert Hazard.objects.count() == 2
    assert AuditEvent.objects.filter(action=AuditAction.TRANSITION, object_id=str(patrol.pk)).count() == 1


def test_double_submit_creates_one_inspection_and_one_set_of_findings(people, patrol):
    answer_all(patrol, people.grid, answers={"MALL-016": {"result": "fail"}})
    first = inspection_submit(inspection=patrol, by=people.grid, **SIGNED)
    again = inspection_submit(
        inspection=patrol, by=people.grid, inspector_name="别人", unit_representative_name="x"
    )

    assert again.pk == first.pk and again.inspector_signature_name == "网格员王五"
    assert Inspection.objects.count() == 1
    assert Finding.objects.count() == 1 and Hazard.objects.count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.TRANSITION, object_id=str(patrol.pk)).count() == 1


def test_answers_cannot_change_after_submission(people, patrol):
    answer_all(patrol, people.grid)
    inspection_submit(inspection=patrol, by=people.grid, **SIGNED)
    item = patrol.checklist.items.first()

    with pytest.raises(ConcurrencyError, match="已由 grid"):
        answer_save(inspection=patrol, item=item, result="fail", by=people.grid)
    assert InspectionAnswer.objects.get(inspection=patrol, item=item).result == "pass"


def test_self_inspection_hazards_are_recorded_as_self_inspection(small_shop):
    patrol = inspection_start(kind="self_patrol", unit=small_shop.unit, by=small_shop.manager)
    answer_all(patrol, small_shop.manager, answers={"SPS-003": {"result": "fail", "note": "后门上锁"}})
    inspection_submit(inspection=patrol, by=small_shop.manager, **SIGNED)

    hazard = Hazard.objects.get()
    assert hazard.source == "self_inspection" and hazard.unit == small_shop.unit and hazard.status == "found"


def test_stale_submit_version_is_refused(people, patrol):
    answer_all(patrol, people.grid)
    with pytest.raises(ConcurrencyError):
        inspection_submit(inspection=patrol, by=people.grid, expected_version=patrol.version + 1, **SIGNED)
    patrol.refresh_from_db()
    assert patrol.status == "draft"
