"""The inspection pages: list with filters, start, the mobile form with its autosave and photo endpoints,
submit (twice), the detail page, and scope (another county's inspection is a 404)."""

from __future__ import annotations

import io
import json

import pytest
from django.urls import reverse
from PIL import Image

from flameblue.core.notify_models import StoredFile
from flameblue.inspections.models import Finding, Inspection, InspectionAnswer
from flameblue.inspections.services import inspection_start, inspection_submit
from tests.inspections.inspection_fixtures import answer_all


@pytest.fixture
def patrol(people, units):
    return inspection_start(kind="grid_patrol", unit=units.mall, by=people.grid)


def _jpeg() -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, "JPEG")
    buffer.seek(0)
    buffer.name = "现场.jpg"
    return buffer


def test_start_page_preselects_kind_and_unit_and_starts_once(login, people, units):
    client = login(people.grid)
    page = client.get(reverse("inspections:inspection-new"), {"kind": "grid_patrol", "unit": units.mall.pk})
    assert page.status_code == 200
    form = page.context["form"]
    assert form.initial["kind"] == "grid_patrol" and str(form.initial["unit"]) == str(units.mall.pk)
    assert [k for k, _ in form.fields["kind"].choices] == ["grid_patrol", "campaign", "recheck"]

    data = {"kind": "grid_patrol", "unit": units.mall.pk, "client_uuid": str(form.initial["client_uuid"])}
    first = client.post(reverse("inspections:inspection-new"), data)
    second = client.post(reverse("inspections:inspection-new"), data)
    inspection = Inspection.objects.get()
    assert (
        first["Location"]
        == second["Location"]
        == reverse("inspections:inspection-form", args=[inspection.pk])
    )


def test_unit_manager_is_told_they_cannot_start_a_supervision(login, people, units):
    response = login(people.unit_manager).post(
        reverse("inspections:inspection-new"), {"kind": "supervision", "unit": units.school.pk}
    )
    assert response.status_code == 200
    assert "您不能发起这一类检查" in response.content.decode()
    assert not Inspection.objects.exists()


def test_form_page_renders_items_and_the_saved_draft(login, people, patrol):
    item = patrol.checklist.items.get(code="MALL-011")
    client = login(people.grid)
    saved = client.post(
        reverse("inspections:inspection-answer", args=[patrol.pk]),
        {"item": item.pk, "result": "fail", "note": "三层", "numerator": "4", "denominator": "6"},
    )
    assert saved.status_code == 200
    body = saved.json()
    assert body["result"] == "fail" and body["measurement_met"] is True
    assert body["measurement_values"]["ratio"] == "66.67"

    page = client.get(reverse("inspections:inspection-form", args=[patrol.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "MALL-011" in html and "js/inspection-form.js" in html and "<script>" not in html
    draft = json.loads(html.split('id="inspection-draft" type="application/json">')[1].split("</script>")[0])
    assert draft[str(item.pk)]["note"] == "三层"


def test_answer_endpoint_names_the_bad_field(login, people, patrol):
    item = patrol.checklist.items.get(code="MALL-011")
    response = login(people.grid).post(
        reverse("inspections:inspection-answer", args=[patrol.pk]),
        {"item": item.pk, "result": "fail", "numerator": "9", "denominator": "6"},
    )
    assert response.status_code == 400
    assert "不能大于" in response.json()["errors"]["numerator"][0]
    assert not InspectionAnswer.objects.exists()


def test_photo_is_stored_through_the_upload_service(login, people, patrol):
    item = patrol.checklist.items.get(code="MALL-016")
    client = login(people.grid)
    refused = client.post(
        reverse("inspections:inspection-photo", args=[patrol.pk]), {"item": item.pk, "photo": _jpeg()}
    )
    assert refused.status_code == 400 and "请先选择" in refused.json()["errors"]["item"][0]

    client.post(
        reverse("inspections:inspection-answer", args=[patrol.pk]), {"item": item.pk, "result": "fail"}
    )
    ok = client.post(
        reverse("inspections:inspection-photo", args=[patrol.pk]), {"item": item.pk, "photo": _jpeg()}
    )
    assert ok.status_code == 200 and len(ok.json()["photos"]) == 1
    stored = StoredFile.objects.get()
    assert stored.owner_type == "inspections.inspectionanswer" and stored.content_type == "image/jpeg"

    text = io.BytesIO(b"not an image")
    text.name = "x.jpg"
    bad = client.post(
        reverse("inspections:inspection-photo", args=[patrol.pk]), {"item": item.pk, "photo": text}
    )
    assert bad.status_code == 400 and "JPEG" in bad.json()["errors"]["photo"][0]


def test_submitting_twice_through_the_page_lands_once(login, people, patrol):
    answer_all(patrol, people.grid, answers={"MALL-016": {"result": "fail", "note": "堵塞"}})
    client = login(people.grid)
    data = {"inspector_name": "王五", "unit_representative_name": "赵六", "expected_version": patrol.version}
    url = reverse("inspections:inspection-submit", args=[patrol.pk])
    first, second = client.post(url, data), client.post(url, data)

    detail = reverse("inspections:inspection-detail", args=[patrol.pk])
    assert first["Location"] == second["Location"] == detail
    assert Inspection.objects.get().status == "submitted" and Finding.objects.count() == 1
    page = client.get(detail).content.decode()
    assert "堵塞" in page and "王五" in page
    assert client.get(reverse("inspections:inspection-form", args=[patrol.pk]))["Location"] == detail


def test_submit_with_missing_answers_keeps_what_was_typed(login, people, patrol):
    client = login(people.grid)
    response = client.post(
        reverse("inspections:inspection-submit", args=[patrol.pk]),
        {"inspector_name": "王五", "unit_representative_name": "", "summary": "总体良好"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "项未填写" in html and "请填写被检查单位签名" in html and "总体良好" in html
    assert Inspection.objects.get().status == "draft"


def test_list_filters_by_kind_status_and_findings(login, people, units, patrol):
    own = inspection_start(kind="self_patrol", unit=units.school, by=people.unit_manager)
    answer_all(own, people.unit_manager, answers={"PATROL-004": {"result": "fail"}})
    inspection_submit(
        inspection=own, by=people.unit_manager, inspector_name="a", unit_representative_name="b"
    )
    client = login(people.qiaocheng)
    url = reverse("inspections:inspection-list")

    assert set(client.get(url).context["object_list"]) == {patrol, own}
    assert list(client.get(url, {"kind": "self_patrol"}).context["object_list"]) == [own]
    assert list(client.get(url, {"status": "draft"}).context["object_list"]) == [patrol]
    assert list(client.get(url, {"has_findings": "yes"}).context["object_list"]) == [own]
    assert list(client.get(url, {"has_findings": "no"}).context["object_list"]) == [patrol]
    assert list(client.get(url, {"unit": units.school.pk}).context["object_list"]) == [own]
    assert (
        client.get(url, {"inspected_after": "2000-01-01", "inspected_before": "2000-12-31"})
        .context["object_list"]
        .count()
        == 0
    )


def test_unit_manager_lists_only_their_units_inspections(login, people, units, patrol):
    own = inspection_start(kind="self_patrol", unit=units.school, by=people.unit_manager)
    listed = login(people.unit_manager).get(reverse("inspections:inspection-list")).context["object_list"]
    assert list(listed) == [own]


def test_another_countys_inspector_gets_404(login, people, patrol):
    client = login(people.mengcheng)
    assert client.get(reverse("inspections:inspection-detail", args=[patrol.pk])).status_code == 404
    assert client.get(reverse("inspections:inspection-form", args=[patrol.pk])).status_code == 404
    item = patrol.checklist.items.first()
    answer = client.post(
        reverse("inspections:inspection-answer", args=[patrol.pk]), {"item": item.pk, "result": "pass"}
    )
    assert answer.status_code == 404 and not InspectionAnswer.objects.exists()


def test_unit_manager_home_shows_todays_patrol_and_this_months_check(login, people, units):
    client = login(people.unit_manager)
    home = client.get(reverse("core:dashboard")).content.decode()
    assert "今日防火巡查" in home and "本月防火检查" in home
    assert f"?kind=self_patrol&amp;unit={units.school.pk}" in home

    patrol = inspection_start(kind="self_patrol", unit=units.school, by=people.unit_manager)
    assert (
        reverse("inspections:inspection-form", args=[patrol.pk])
        in client.get(reverse("core:dashboard")).content.decode()
    )
    answer_all(patrol, people.unit_manager)
    inspection_submit(
        inspection=patrol, by=people.unit_manager, inspector_name="a", unit_representative_name="b"
    )
    home = client.get(reverse("core:dashboard")).content.decode()
    assert reverse("inspections:inspection-detail", args=[patrol.pk]) in home and "已完成" in home
    assert "今日防火巡查" not in login(people.qiaocheng).get(reverse("core:dashboard")).content.decode()


def test_list_page_queries_do_not_grow_with_the_rows(login, people, units):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(people.qiaocheng)
    url = reverse("inspections:inspection-list")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    inspection_start(kind="supervision", unit=units.mall, by=people.qiaocheng)
    count()  # the first request of a session does its own one-off queries
    one = count()
    for _ in range(5):
        inspection_start(kind="supervision", unit=units.mall, by=people.qiaocheng)
    assert count() == one
