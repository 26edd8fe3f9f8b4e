"""``/api/v1/inspections/``: start (a repeated client UUID starts one), answer, submit (twice is once), 409
when the inspection was already submitted, the list filter and scope."""

from __future__ import annotations

import uuid

from django.urls import reverse

from flameblue.inspections.models import Finding, Inspection


def _post(client, url, data):
    return client.post(url, data, content_type="application/json")


def test_a_phone_runs_a_patrol_through_the_api(login, people, units):
    client = login(people.grid)
    key = str(uuid.uuid4())
    start = {"kind": "grid_patrol", "unit": units.mall.pk, "client_uuid": key}
    created = _post(client, reverse("api:inspection-list"), start)
    assert created.status_code == 201
    retried = _post(client, reverse("api:inspection-list"), start)
    assert retried.json()["id"] == created.json()["id"] and Inspection.objects.count() == 1
    pk = created.json()["id"]
    inspection = Inspection.objects.get(pk=pk)

    answers_url = reverse("api:inspection-answers", args=[pk])
    for item in inspection.checklist.items.all():
        result = "fail" if item.code == "MALL-016" else "pass"
        assert _post(client, answers_url, {"item": item.code, "result": result}).status_code == 200
    bad = _post(
        client,
        answers_url,
        {"item": "MALL-011", "result": "fail", "measurement_values": {"numerator": "x", "denominator": "6"}},
    )
    assert bad.status_code == 400 and "numerator" in bad.json()

    submit_url = reverse("api:inspection-submit", args=[pk])
    signed = {"inspector_signature_name": "王五", "unit_signature_name": "赵六"}
    first, second = _post(client, submit_url, signed), _post(client, submit_url, signed)
    assert first.status_code == second.status_code == 200
    assert first.json()["status"] == "submitted" and len(first.json()["findings"]) == 1
    assert Finding.objects.count() == 1

    late = _post(client, answers_url, {"item": "MALL-016", "result": "pass"})
    assert late.status_code == 409 and late.json()["code"] == "stale"


def test_submit_with_missing_answers_names_them(login, people, units):
    client = login(people.grid)
    pk = _post(client, reverse("api:inspection-list"), {"kind": "grid_patrol", "unit": units.mall.pk}).json()[
        "id"
    ]
    response = _post(
        client, reverse("api:inspection-submit", args=[pk]), {"inspector_signature_name": "王五"}
    )
    assert response.status_code == 400
    body = response.json()
    assert "answers" in body and "unit_representative_name" in body


def test_stale_version_is_409(login, people, units):
    client = login(people.grid)
    created = _post(
        client, reverse("api:inspection-list"), {"kind": "grid_patrol", "unit": units.mall.pk}
    ).json()
    response = _post(
        client,
        reverse("api:inspection-submit", args=[created["id"]]),
        {
            "inspector_signature_name": "a",
            "unit_signature_name": "b",
            "expected_version": created["version"] + 1,
        },
    )
    assert response.status_code == 409


def test_scope_and_kind_rules_apply(login, people, units):
    manager = login(people.unit_manager)
    refused = _post(manager, reverse("api:inspection-list"), {"kind": "supervision", "unit": units.school.pk})
    assert refused.status_code == 403
    other = _post(manager, reverse("api:inspection-list"), {"kind": "self_patrol", "unit": units.mall.pk})
    assert other.status_code == 404

    mine = _post(
        manager, reverse("api:inspection-list"), {"kind": "self_patrol", "unit": units.school.pk}
    ).json()
    mengcheng = login(people.mengcheng)
    assert mengcheng.get(reverse("api:inspection-detail", args=[mine["id"]])).status_code == 404
    assert mengcheng.get(reverse("api:inspection-list")).json()["count"] == 0
    listed = login(people.qiaocheng).get(reverse("api:inspection-list"), {"kind": "self_patrol"}).json()
    assert [row["id"] for row in listed["results"]] == [mine["id"]]
