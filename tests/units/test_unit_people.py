"""The unit's responsible people (消防安全责任人 / 消防安全管理人) on the create and edit pages: chosen among
the people the user may see, or entered as new people (name, phone, ID number) and registered with the
unit through the person service — with the validator's reason next to the field when something is wrong."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from flameblue.core.models import AuditEvent
from flameblue.org.models import Person
from flameblue.units import services
from flameblue.units.models import Unit
from tests.factories import PersonFactory, make_id_number

pytestmark = pytest.mark.django_db

CREATE = reverse("units:unit-create")
BASE = {"name": "花戏楼网吧", "region": "341602001", "category": "entertainment", "status": "operating"}


def test_create_with_a_new_responsible_person_and_a_chosen_manager(login, people, orgs):
    manager = PersonFactory(organization=orgs.mall, name="钱管理")
    data = {**BASE, "responsible_person_name": "赵老板", "responsible_person_phone": "13955556666",
            "responsible_person_id_number": make_id_number(41), "safety_manager": manager.pk}  # fmt: skip
    response = login(people.qiaocheng).post(CREATE, data)

    unit = Unit.objects.select_related("responsible_person").get(name="花戏楼网吧")
    assert response.status_code == 302
    boss = unit.responsible_person
    assert (boss.name, boss.phone, boss.id_number) == ("赵老板", "13955556666", make_id_number(41))
    assert boss.organization_id == unit.organization_id and boss.title == "消防安全责任人"
    assert unit.safety_manager_id == manager.pk
    created = AuditEvent.objects.get(object_type="org.person", object_id=str(boss.pk), action="create")
    assert created.actor == people.qiaocheng
    assert make_id_number(41) not in str(created.changes)
    body = login(people.qiaocheng).get(reverse("units:unit-detail", args=[unit.pk])).content.decode()
    assert "赵老板" in body and "139****6666" in body and "13955556666" not in body


def test_bad_id_number_is_reported_with_its_reason_and_nothing_is_saved(login, people):
    bad = make_id_number(41)[:-1] + ("0" if make_id_number(41)[-1] != "0" else "1")
    data = {**BASE, "safety_manager_name": "孙安全", "safety_manager_id_number": bad,
            "safety_manager_phone": "13800001111"}  # fmt: skip
    response = login(people.qiaocheng).post(CREATE, data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "校验位" in str(errors["safety_manager_id_number"])
    assert not Unit.objects.filter(name="花戏楼网吧").exists()
    assert not Person.objects.filter(name="孙安全").exists()
    body = response.content.decode()
    assert "孙安全" in body and "13800001111" in body  # the input is kept


def test_bad_phone_is_reported_next_to_the_phone_field(login, people):
    data = {**BASE, "responsible_person_name": "赵老板", "responsible_person_phone": "12345"}
    response = login(people.qiaocheng).post(CREATE, data)
    assert "手机号" in str(response.context["form"].errors["responsible_person_phone"])
    assert not Unit.objects.filter(name="花戏楼网吧").exists()


def test_phone_without_a_name_asks_for_the_name(login, people):
    response = login(people.qiaocheng).post(CREATE, {**BASE, "responsible_person_phone": "13955556666"})
    assert "姓名" in str(response.context["form"].errors["responsible_person_name"])


def test_choosing_and_entering_a_person_at_once_is_refused(login, people, orgs):
    chosen = PersonFactory(organization=orgs.mall)
    data = {**BASE, "responsible_person": chosen.pk, "responsible_person_name": "赵老板"}
    response = login(people.qiaocheng).post(CREATE, data)
    assert "清空" in str(response.context["form"].errors["responsible_person_name"])
    assert not Unit.objects.filter(name="花戏楼网吧").exists()


def test_only_people_in_scope_are_offered_and_accepted(login, people, orgs):
    mine = PersonFactory(organization=orgs.mall, name="谯城人")
    theirs = PersonFactory(organization=orgs.mengcheng_hospital, name="蒙城人")
    form = login(people.qiaocheng).get(CREATE).context["form"]
    offered = set(form.fields["responsible_person"].queryset.values_list("pk", flat=True))
    assert mine.pk in offered and theirs.pk not in offered
    response = login(people.qiaocheng).post(CREATE, {**BASE, "responsible_person": theirs.pk})
    assert "responsible_person" in response.context["form"].errors
    with pytest.raises(ValidationError) as exc:
        services.unit_create(by=people.qiaocheng, data={**BASE, "responsible_person": theirs})
    assert "responsible_person" in exc.value.message_dict


def test_unit_manager_registers_a_new_safety_manager_on_edit(login, people, units):
    unit = units.school
    data = {"name": unit.name, "region": unit.region_id, "category": unit.category, "status": unit.status,
            "version": unit.version, "dormitory_beds": "120", "safety_manager_name": "周主任",
            "safety_manager_phone": "0558-5123456"}  # fmt: skip
    response = login(people.unit_manager).post(reverse("units:unit-update", args=[unit.pk]), data)
    assert response.status_code == 302
    unit.refresh_from_db()
    assert (
        unit.safety_manager.name == "周主任" and unit.safety_manager.organization_id == unit.organization_id
    )
    assert unit.version == 2  # one unit update for the edit and the new person


def test_edit_keeps_a_current_person_the_editor_cannot_see(login, people, units, orgs):
    outsider = PersonFactory(organization=orgs.mall, name="万达经理")
    Unit.objects.filter(pk=units.school.pk).update(responsible_person=outsider)
    unit = Unit.objects.get(pk=units.school.pk)
    data = {"name": unit.name, "region": unit.region_id, "category": unit.category, "status": unit.status,
            "version": unit.version, "responsible_person": outsider.pk, "address": "新地址"}  # fmt: skip
    response = login(people.unit_manager).post(reverse("units:unit-update", args=[unit.pk]), data)
    assert response.status_code == 302
    unit.refresh_from_db()
    assert unit.address == "新地址" and unit.responsible_person_id == outsider.pk
