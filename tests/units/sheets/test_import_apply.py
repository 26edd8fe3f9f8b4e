"""A clean sheet is imported in one transaction; importing it again changes nothing; a changed row updates
its unit and the change is audited as an import; a job is applied at most once."""

from __future__ import annotations

import pytest

from flameblue.core.models import AuditAction, AuditEvent
from flameblue.units.models import ImportJobStatus, Unit
from flameblue.units.sheets.import_jobs import job_apply
from tests.units.sheets.sheets import xlsx

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

NAME, CODE, TOWN, AREA = "单位名称*", "统一社会信用代码", "所在乡镇（街道）*", "建筑面积（㎡）"


def fixed_rows() -> list[dict]:
    return [
        {
            NAME: "\u3000亳州华佗大药房\u00a0",
            CODE: "９１３４１６０００ＭＡ２Ｎ１２３４Ｅ",
            TOWN: " 古井 ",
            AREA: "１２００",
            "客房数": "30",
            "经营可燃商品": "√",
            "风险标签": "九小场所，人员密集",
            "消防安全责任人": "张三",
            "责任人电话": "138 0558 1234",
        },
        {
            NAME: "谯城区第一幼儿园",
            CODE: "913416020MA2N5678F",
            TOWN: "花戏楼街道",
            AREA: 300,
            "儿童床位": 60,
            "场所类型": "学校幼儿园/校外培训",
            "主管行业": "教育",
            "重点单位类别": "托儿所、幼儿园",
        },
        {NAME: "亳州市某超市", CODE: "913416020MA2N9999J", TOWN: "汤陵街道", AREA: 800},
        {NAME: "某某宾馆", TOWN: "薛阁", AREA: 500, "客房数": 40, "经营状态": "停业"},
        {NAME: "古井镇农家乐", TOWN: "古井镇", AREA: 100},
        {NAME: "城父镇农贸市场", TOWN: "城父", AREA: 50},
    ]


def _import(upload, apply, user, rows):
    _response, job = upload(user, xlsx(rows, title="谯城区社会单位统计表"))
    assert job.status == ImportJobStatus.READY, job.errors
    apply(user, job)
    return job


def test_fixed_sheet_imports_every_row(upload, apply, people):
    job = _import(upload, apply, people.qiaocheng, fixed_rows())

    assert job.status == ImportJobStatus.DONE
    assert (job.created, job.updated, job.unchanged) == (6, 0, 0)
    pharmacy = Unit.objects.get(credit_code="913416000MA2N1234E")
    assert pharmacy.name == "亳州华佗大药房"
    assert pharmacy.region_id == "341602100"  # 古井镇
    assert pharmacy.building_area_m2 == 1200 and pharmacy.guest_rooms == 30 and pharmacy.sells_combustibles
    assert sorted(t.name for t in pharmacy.risk_tags.all()) == ["九小场所", "人员密集"]
    assert pharmacy.responsible_person.name == "张三"
    assert pharmacy.responsible_person.phone == "13805581234"
    assert pharmacy.responsible_person.organization == pharmacy.organization
    kindergarten = Unit.objects.get(name="谯城区第一幼儿园")
    assert kindergarten.place_type_id == "school" and kindergarten.industry_id == "education"
    assert kindergarten.category == "kindergarten"
    assert Unit.objects.get(name="某某宾馆").status == "suspended"
    imports = AuditEvent.objects.filter(action=AuditAction.IMPORT, object_type="units.unit")
    # every write an import makes is audited as IMPORT (one row per write, naming the sheet row), never as a
    # plain create/update
    assert imports.values("object_id").distinct().count() == 6
    assert all("第" in event.reason for event in imports)
    assert not AuditEvent.objects.filter(action__in=["create", "update"], object_type="units.unit").exists()


def test_reimporting_the_same_sheet_changes_nothing(upload, apply, people):
    _import(upload, apply, people.qiaocheng, fixed_rows())
    writes = AuditEvent.objects.exclude(action__in=[AuditAction.LOGIN, AuditAction.LOGOUT])
    before_audit = writes.count()
    before_versions = dict(Unit.objects.values_list("pk", "version"))

    job = _import(upload, apply, people.qiaocheng, fixed_rows())

    assert (job.created, job.updated, job.unchanged) == (0, 0, 6)
    assert writes.count() == before_audit
    assert dict(Unit.objects.values_list("pk", "version")) == before_versions


def test_a_changed_row_updates_its_unit_and_is_audited_as_import(upload, apply, people):
    _import(upload, apply, people.qiaocheng, fixed_rows())
    rows = fixed_rows()
    rows[2][AREA] = 1500  # matched by credit code
    rows[3]["客房数"] = 60  # no credit code: matched by name + township
    rows[0]["责任人电话"] = "13905581234"

    job = _import(upload, apply, people.qiaocheng, rows)

    assert (job.created, job.updated, job.unchanged) == (0, 3, 3)
    supermarket = Unit.objects.get(credit_code="913416020MA2N9999J")
    assert supermarket.building_area_m2 == 1500
    hotel = Unit.objects.get(name="某某宾馆")
    assert hotel.guest_rooms == 60
    event = AuditEvent.objects.filter(action=AuditAction.IMPORT, object_id=str(supermarket.pk)).latest("at")
    assert event.changes["building_area_m2"] == ["800.00", "1500.00"]
    assert event.actor == people.qiaocheng
    assert f"任务 #{job.pk}" in event.reason
    pharmacy = Unit.objects.get(credit_code="913416000MA2N1234E")
    assert pharmacy.responsible_person.phone == "13905581234"


def test_nothing_is_written_when_one_row_fails_during_the_import(upload, apply, people, monkeypatch):
    from flameblue.units.sheets import writing

    # Batches of two: the first batches are written, then the third fails — and everything is rolled back.
    monkeypatch.setattr(writing, "BATCH_SIZE", 2)
    real_batch = writing._people_and_units
    calls = {"n": 0}

    def flaky_batch(plans, *rest):
        calls["n"] += 1
        if calls["n"] == 3:
            from django.core.exceptions import ValidationError

            raise ValidationError({"name": ["模拟的写入失败"]})
        return real_batch(plans, *rest)

    monkeypatch.setattr(writing, "_people_and_units", flaky_batch)
    _response, job = upload(people.qiaocheng, xlsx(fixed_rows()))

    apply(people.qiaocheng, job)

    assert job.status == ImportJobStatus.FAILED
    assert "模拟的写入失败" in job.errors[0]["message"]
    assert Unit.objects.count() == 0
    assert not AuditEvent.objects.filter(action=AuditAction.IMPORT).exists()


def test_a_job_is_applied_only_once(upload, apply, people):
    _response, job = upload(people.qiaocheng, xlsx(fixed_rows()))

    assert job_apply(job, by=people.qiaocheng) is True
    assert job_apply(job, by=people.qiaocheng) is False  # a second click or a second tab

    response = apply(people.qiaocheng, job)  # the HTTP path refuses too
    assert response.status_code == 302
    assert Unit.objects.count() == 0  # the claimed job has not been run yet in this test


def test_only_the_uploader_may_see_or_apply_a_job(upload, client, people):
    from django.urls import reverse

    _response, job = upload(people.qiaocheng, xlsx(fixed_rows()))
    client.force_login(people.detachment)

    assert client.get(reverse("units:import-job", kwargs={"pk": job.pk})).status_code == 404
    assert client.post(reverse("units:import-apply", kwargs={"pk": job.pk})).status_code == 404
    job.refresh_from_db()
    assert job.status == ImportJobStatus.READY


def test_a_unit_outside_the_jurisdiction_cannot_be_changed_by_import(upload, apply, people):
    _import(
        upload,
        apply,
        people.detachment,
        [{NAME: "蒙城县人民商场", TOWN: "双涧镇", CODE: "913416220MA2N0001B"}],
    )

    # The 谯城 inspector names the 蒙城 unit by its credit code with a 谯城 township.
    _response, job = upload(
        people.qiaocheng, xlsx([{NAME: "蒙城县人民商场", TOWN: "古井镇", CODE: "913416220MA2N0001B"}])
    )

    assert job.status == ImportJobStatus.FAILED
    assert "不在您的管辖范围" in job.errors[0]["message"]


def test_a_written_unit_found_outside_the_importers_scope_stops_the_whole_import(
    upload, apply, people, monkeypatch
):
    from flameblue.units.sheets import writing

    # Checked a few units at a time (the last check finds it), as a 100k-row sheet is checked.
    monkeypatch.setattr(writing, "SCOPE_CHUNK", 4)
    real = Unit.objects.visible_to

    def visible_to(user, action="view"):
        scoped = real(user, action)
        return scoped.exclude(name="某某宾馆") if action == "add" else scoped

    monkeypatch.setattr(Unit.objects, "visible_to", visible_to)
    job = _import(upload, apply, people.qiaocheng, fixed_rows())

    assert job.status == ImportJobStatus.FAILED
    assert "不在您的管辖范围内" in job.errors[0]["message"]
    assert not Unit.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.IMPORT).exists()
