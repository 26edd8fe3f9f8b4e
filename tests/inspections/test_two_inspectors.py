"""《消防监督检查规定》第十四条: a supervision inspection or a spot check has at least two inspectors; the
co-inspectors are people of the inspecting organization (not free text), and draws give each unit two."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from flameblue.inspections.planning.draws import draw_create
from flameblue.inspections.record import record_context
from flameblue.inspections.services import inspection_start, inspection_submit
from tests.factories import PersonFactory
from tests.inspections.inspection_fixtures import answer_all, co_inspector

SIGNED = {"inspector_name": "监督员", "unit_representative_name": "值班经理"}


def _supervision(people, units):
    inspection = inspection_start(kind="supervision", unit=units.mall, by=people.qiaocheng)
    answer_all(inspection, people.qiaocheng)
    return inspection


def test_a_supervision_inspection_with_one_inspector_is_refused(people, units):
    inspection = _supervision(people, units)
    with pytest.raises(ValidationError) as exc:
        inspection_submit(inspection=inspection, by=people.qiaocheng, **SIGNED)
    message = " ".join(exc.value.message_dict["co_inspector_people"])
    assert "不得少于 2 人" in message and "第十四条" in message
    inspection.refresh_from_db()
    assert inspection.status == "draft"


def test_the_inspector_alone_does_not_count_twice(people, units):
    inspection = _supervision(people, units)
    with pytest.raises(ValidationError):
        inspection_submit(
            inspection=inspection,
            by=people.qiaocheng,
            co_inspector_people=[people.qiaocheng.person],
            **SIGNED,
        )


def test_a_co_inspector_from_another_organization_is_refused(people, units, orgs):
    inspection = _supervision(people, units)
    stranger = PersonFactory(organization=orgs.mengcheng_brigade, name="外队人员")
    with pytest.raises(ValidationError) as exc:
        inspection_submit(
            inspection=inspection, by=people.qiaocheng, co_inspector_people=[stranger], **SIGNED
        )
    assert "外队人员 不是检查单位的人员" in " ".join(exc.value.message_dict["co_inspector_people"])


def test_two_inspectors_submit_and_the_record_names_both(people, units):
    inspection = _supervision(people, units)
    colleague = co_inspector(people.qiaocheng, "监督员王五")
    done = inspection_submit(
        inspection=inspection, by=people.qiaocheng, co_inspector_people=colleague, **SIGNED
    )

    assert done.status == "submitted"
    assert list(done.co_inspector_people.all()) == colleague
    assert "监督员王五" in record_context(done)["inspectors"]


def test_a_grid_patrol_needs_no_second_inspector(people, units):
    patrol = inspection_start(kind="grid_patrol", unit=units.mall, by=people.grid)
    answer_all(patrol, people.grid)
    assert inspection_submit(inspection=patrol, by=people.grid, **SIGNED).status == "submitted"


def test_a_draw_of_one_inspector_per_unit_is_refused(orgs, people):
    with pytest.raises(ValidationError) as exc:
        draw_create(
            brigade=orgs.qiaocheng_brigade, title="抽查", pool_filter={}, unit_count=1, inspectors_per_unit=1,
            inspector_pool=None, by=people.qiaocheng,
        )  # fmt: skip
    assert "至少为 2" in " ".join(exc.value.message_dict["inspectors_per_unit"])


def test_free_text_co_inspectors_of_old_records_become_people_when_the_name_is_unique(people, units):
    inspection = _supervision(people, units)
    brigade = people.qiaocheng.person.organization
    wang = PersonFactory(organization=brigade, name="王五")
    PersonFactory(organization=brigade, name="赵六")
    PersonFactory(organization=brigade, name="赵六")  # two people of that name: not guessed
    type(inspection).objects.filter(pk=inspection.pk).update(co_inspectors="王五、赵六，不认识的人")

    migration = importlib.import_module("flameblue.inspections.migrations.0009_co_inspector_people")
    migration.link_named_co_inspectors(apps, None)

    inspection.refresh_from_db()
    assert list(inspection.co_inspector_people.all()) == [wang]
    assert inspection.co_inspectors == "王五、赵六，不认识的人"  # the text is kept as written
