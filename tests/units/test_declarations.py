"""The annual key-unit declaration: units declare by the deadline, the rest roll over or are proposed
for removal, and the brigade sees who is outstanding."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.core.errors import DomainError, OutOfScope
from flameblue.units import services
from flameblue.units.models import KeyUnitDeclaration, Unit
from flameblue.units.selectors import declaration_deadline, outstanding_declarations

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]

YEAR = 2026
AFTER = dt.date(YEAR, 2, 1)


@pytest.fixture
def key_units(people, units):
    for unit in (units.school, units.mall, units.hospital):
        services.key_unit_confirm(unit, by=people.detachment)
    return units


def test_deadline_comes_from_the_data_file():
    assert declaration_deadline(YEAR) == dt.date(YEAR, 1, 31)


def test_unit_manager_declares_once_for_own_unit(people, key_units):
    declaration = services.declaration_submit(
        unit=key_units.school, by=people.unit_manager, year=YEAR, changes="新增宿舍楼一栋"
    )
    assert declaration.status == "submitted" and declaration.declared_by == people.unit_manager
    with pytest.raises(DomainError):
        services.declaration_submit(unit=key_units.school, by=people.unit_manager, year=YEAR)
    with pytest.raises(OutOfScope):
        services.declaration_submit(unit=key_units.mall, by=people.unit_manager, year=YEAR)


def test_brigade_sees_outstanding_key_units_in_its_county(people, key_units):
    services.declaration_submit(unit=key_units.school, by=people.unit_manager, year=YEAR)
    assert list(outstanding_declarations(people.qiaocheng, YEAR)) == [key_units.mall]
    assert list(outstanding_declarations(people.mengcheng, YEAR)) == [key_units.hospital]
    assert set(outstanding_declarations(people.detachment, YEAR)) == {key_units.mall, key_units.hospital}


def test_rollover_is_refused_before_the_deadline(key_units):
    with pytest.raises(DomainError):
        services.declaration_rollover(year=YEAR, today=dt.date(YEAR, 1, 31))


def test_rollover_carries_unchanged_units_and_proposes_removal(people, key_units):
    services.declaration_submit(unit=key_units.school, by=people.unit_manager, year=YEAR)
    # The mall shrank below the threshold without anyone re-deciding its status.
    Unit.objects.filter(pk=key_units.mall.pk).update(building_area_m2=800)

    result = services.declaration_rollover(year=YEAR, today=AFTER)

    assert (result.rolled_over, result.proposed_removal) == (1, 1)
    hospital = KeyUnitDeclaration.objects.get(unit=key_units.hospital, year=YEAR)
    assert hospital.status == "accepted" and hospital.rolled_over
    mall = KeyUnitDeclaration.objects.get(unit=key_units.mall, year=YEAR)
    assert mall.status == "removal_proposed" and mall.rolled_over
    mall_unit = Unit.objects.get(pk=key_units.mall.pk)
    assert mall_unit.key_unit_needs_review and mall_unit.key_unit_suggested is False
    assert mall_unit.is_key_unit, "removal is a proposal; an officer decides"
    assert KeyUnitDeclaration.objects.get(unit=key_units.school, year=YEAR).status == "submitted"
    assert list(outstanding_declarations(people.detachment, YEAR)) == []


def test_declared_unit_that_no_longer_qualifies_is_proposed_for_removal(people, key_units):
    services.declaration_submit(unit=key_units.school, by=people.unit_manager, year=YEAR, changes="宿舍停用")
    Unit.objects.filter(pk=key_units.school.pk).update(dormitory_beds=0)
    result = services.declaration_rollover(year=YEAR, today=AFTER)
    assert result.proposed_removal == 1
    assert KeyUnitDeclaration.objects.get(unit=key_units.school, year=YEAR).status == "removal_proposed"


def test_rollover_twice_changes_nothing(key_units):
    services.declaration_rollover(year=YEAR, today=AFTER)
    count = KeyUnitDeclaration.objects.count()
    result = services.declaration_rollover(year=YEAR, today=AFTER)
    assert (result.rolled_over, result.proposed_removal) == (0, 0)
    assert KeyUnitDeclaration.objects.count() == count


def test_brigade_rollover_stays_in_its_county(people, key_units):
    services.declaration_rollover(year=YEAR, by=people.mengcheng, today=AFTER)
    assert list(KeyUnitDeclaration.objects.values_list("unit_id", flat=True)) == [key_units.hospital.pk]


def test_brigade_accepts_a_declaration(people, key_units):
    declaration = services.declaration_submit(unit=key_units.school, by=people.unit_manager, year=YEAR)
    declaration = services.declaration_accept(declaration, by=people.qiaocheng, note="已核实")
    assert declaration.status == "accepted" and "已核实" in declaration.note
