"""The conflict check other apps call, its provider registry, and declaring conflicts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from flameblue.core.errors import PermissionDeniedError
from flameblue.inspections.planning import conflicts
from flameblue.inspections.planning.conflicts import conflict_declare, conflicts_for, has_conflict
from tests.factories import persona

pytestmark = pytest.mark.date_sensitive


def test_a_declared_conflict_is_found_only_while_valid(people, many_units):
    unit = many_units.units[0]
    conflict_declare(
        person=people.qiaocheng.person, unit=unit, reason="近亲属经营该单位", by=people.qiaocheng,
        valid_from=dt.date(2026, 1, 1), valid_to=dt.date(2026, 12, 31),
    )  # fmt: skip

    assert has_conflict(people.qiaocheng.person, unit, on=dt.date(2026, 6, 1))
    assert has_conflict(people.qiaocheng, unit, on=dt.date(2026, 6, 1))  # a user, through its person
    assert not has_conflict(people.qiaocheng.person, unit, on=dt.date(2027, 1, 1))
    assert not has_conflict(people.qiaocheng.person, many_units.units[1], on=dt.date(2026, 6, 1))
    assert conflicts_for([people.qiaocheng, people.mengcheng], many_units.units, on=dt.date(2026, 6, 1)) == {
        (people.qiaocheng.person_id, unit.pk)
    }


def test_a_registered_provider_adds_its_conflicts(people, many_units):
    unit = many_units.units[3]

    def integrity_register(person_ids, unit_ids, on):
        return {(people.mengcheng.person_id, unit.pk)}

    conflicts.register_provider(integrity_register)
    try:
        assert has_conflict(people.mengcheng.person, unit)
        assert not has_conflict(people.mengcheng.person, many_units.units[0])
    finally:
        conflicts.unregister_provider(integrity_register)
    assert not has_conflict(people.mengcheng.person, unit)


def test_an_inspector_declares_only_their_own_conflicts(orgs, people, many_units):
    with pytest.raises(PermissionDeniedError):
        conflict_declare(
            person=people.mengcheng.person, unit=many_units.units[0], reason="x", by=people.qiaocheng
        )
    with pytest.raises(PermissionDeniedError):
        conflict_declare(person=people.grid.person, unit=many_units.units[0], reason="x", by=people.grid)

    officer = persona("discipline", orgs.detachment, "discipline_officer")
    declaration = conflict_declare(
        person=people.qiaocheng.person, unit=many_units.units[0], reason="兼职", by=officer
    )
    assert declaration.region_id == many_units.units[0].region_id


def test_bad_declarations_name_the_field(people, many_units):
    conflict_declare(
        person=people.qiaocheng.person, unit=many_units.units[0], reason="兼职", by=people.qiaocheng
    )
    with pytest.raises(ValidationError) as exc:
        conflict_declare(
            person=people.qiaocheng.person, unit=many_units.units[0], reason=" ", by=people.qiaocheng,
            valid_from=dt.date(2026, 5, 1), valid_to=dt.date(2026, 4, 1),
        )  # fmt: skip
    assert set(exc.value.message_dict) == {"reason", "valid_to", "unit"}


def test_a_brigade_discipline_officer_picks_only_people_within_their_jurisdiction(orgs, people, many_units):
    from flameblue.inspections.planning.forms import ConflictForm

    officer = persona("qc_discipline", orgs.qiaocheng_brigade, "discipline_officer")
    offered = ConflictForm(user=officer).fields["person"].queryset
    assert people.qiaocheng.person in offered
    assert people.mengcheng.person not in offered

    form = ConflictForm(
        {"person": people.mengcheng.person.pk, "unit": many_units.units[0].pk, "reason": "兼职"}, user=officer
    )
    assert not form.is_valid() and "person" in form.errors
