"""Starting an inspection: the checklist is chosen for the unit, and who may start which kind where."""

from __future__ import annotations

import uuid

import pytest

from flameblue.core.errors import DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.models import AuditAction, AuditEvent
from flameblue.inspections.models import Inspection
from flameblue.inspections.services import inspection_start, startable_kinds
from tests.units.factories import make_unit

pytestmark = pytest.mark.sqlite


def test_grid_officer_starts_a_patrol_with_the_place_type_checklist(people, orgs, units):
    inspection = inspection_start(kind="grid_patrol", unit=units.mall, by=people.grid)

    assert inspection.status == "draft"
    assert inspection.checklist.code == "mall" and inspection.checklist.is_published
    assert inspection.region_id == "341602001" and inspection.industry_id == "commerce"
    assert inspection.organization == orgs.huaxilou_gov and inspection.inspector == people.grid
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(inspection.pk)).exists()


def test_unit_manager_self_patrol_uses_the_daily_patrol_form(people, units):
    patrol = inspection_start(kind="self_patrol", unit=units.school, by=people.unit_manager)
    monthly = inspection_start(kind="self_monthly", unit=units.school, by=people.unit_manager)

    assert patrol.checklist.code == "patrol"
    assert monthly.checklist.code == "monthly-check"


def test_small_place_self_inspection_gets_the_reduced_form(small_shop):
    patrol = inspection_start(kind="self_patrol", unit=small_shop.unit, by=small_shop.manager)

    assert patrol.checklist.code == "small-place"
    assert patrol.checklist.items.count() < 12


def test_unit_manager_cannot_start_a_supervision_inspection(people, units):
    with pytest.raises(PermissionDeniedError, match="监督检查"):
        inspection_start(kind="supervision", unit=units.school, by=people.unit_manager)
    assert not Inspection.objects.exists()


def test_unit_manager_cannot_inspect_another_unit(people, units):
    with pytest.raises(OutOfScope):
        inspection_start(kind="self_patrol", unit=units.mall, by=people.unit_manager)


def test_department_checks_only_its_industry(people, units):
    inspection = inspection_start(kind="department_check", unit=units.school, by=people.edu)
    assert inspection.organization.name == "谯城区教育局"
    with pytest.raises(OutOfScope):
        inspection_start(kind="department_check", unit=units.mall, by=people.edu)


def test_brigade_supervises_its_county_and_grid_officer_cannot_supervise(people, units):
    assert inspection_start(kind="supervision", unit=units.mall, by=people.qiaocheng).kind == "supervision"
    with pytest.raises(OutOfScope):
        inspection_start(kind="supervision", unit=units.mall, by=people.mengcheng)
    with pytest.raises(PermissionDeniedError):
        inspection_start(kind="supervision", unit=units.mall, by=people.grid)


def test_the_same_client_uuid_starts_one_inspection(people, units):
    key = uuid.uuid4()
    first = inspection_start(kind="grid_patrol", unit=units.mall, by=people.grid, client_uuid=key)
    again = inspection_start(kind="grid_patrol", unit=units.mall, by=people.grid, client_uuid=str(key))

    assert first.pk == again.pk
    assert Inspection.objects.count() == 1


def test_unit_without_place_type_is_refused_with_the_reason(people, orgs):
    from tests.factories import org

    bare = make_unit(org("无类型单位", "social_unit", "341602001"))
    with pytest.raises(DomainError, match="场所类型") as caught:
        inspection_start(kind="grid_patrol", unit=bare, by=people.grid)
    assert caught.value.field == "unit"


def test_each_persona_is_offered_the_kinds_they_may_start(people):
    assert {k for k, _ in startable_kinds(people.unit_manager)} == {"self_patrol", "self_monthly"}
    assert "supervision" in {k for k, _ in startable_kinds(people.qiaocheng)}
    assert "grid_patrol" in {k for k, _ in startable_kinds(people.grid)}
    assert startable_kinds(people.auditor) == []
