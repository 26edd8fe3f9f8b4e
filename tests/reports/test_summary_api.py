"""``/api/v1/annual-reports/``: create a summary, read its text, edit, refresh, list versions and export;
a stale edit answers 409 and saves nothing; out of jurisdiction is 404."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from flameblue.reports.models import AnnualReport
from tests.reports.summary_helpers import YEAR, hazard_2019, session_2019

pytestmark = pytest.mark.django_db


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_create_edit_refresh_and_export_through_the_api(orgs, units, people):
    hazard_2019(units.mall, people.qiaocheng)
    client = api(people.qiaocheng)
    created = client.post(reverse("api:annual-report-list"), {"organization": orgs.qiaocheng_brigade.pk, "year": YEAR},
                          format="json")  # fmt: skip
    assert created.status_code == 201, created.content
    pk, version = created.data["id"], created.data["version"]

    text = client.get(reverse("api:annual-report-text", kwargs={"pk": pk})).data
    assert text["figures"]["hazards.found"] == "1" and text["blocks"][0]["key"] == "opening"

    edit = client.post(reverse("api:annual-report-edit", kwargs={"pk": pk}), {
        "title": created.data["title"], "version": version,
        "blocks": [{"key": "outlook", "heading": "五、下一步", "text": "培训{outreach.training_sessions}次。"}],
    }, format="json")  # fmt: skip
    assert edit.status_code == 200 and edit.data["number"] == 2

    stale = client.post(reverse("api:annual-report-edit", kwargs={"pk": pk}), {
        "title": "x", "version": version, "blocks": [{"key": "outlook", "text": "覆盖"}],
    }, format="json")  # fmt: skip
    assert stale.status_code == 409 and AnnualReport.objects.get().versions.count() == 2

    session_2019(orgs.qiaocheng_gov)
    refreshed = client.post(reverse("api:annual-report-refresh", kwargs={"pk": pk}), {}, format="json")
    assert refreshed.data["changed"] == {"outreach.training_sessions": ["0", "1"]}
    outlook = next(b for b in refreshed.data["blocks"] if b["key"] == "outlook")
    assert outlook["text"] == "培训{outreach.training_sessions}次。" and outlook["heading"] == "五、下一步"

    versions = client.get(reverse("api:annual-report-versions", kwargs={"pk": pk})).data
    assert [v["number"] for v in versions] == [3, 2, 1]
    exported = client.get(reverse("api:annual-report-export", kwargs={"pk": pk}), {"as": "json"})
    data = json.loads(b"".join(exported.streaming_content) if exported.streaming else exported.content)
    assert next(b for b in data["blocks"] if b["key"] == "outlook")["text"] == "培训1次。"


def test_the_api_refuses_an_organization_outside_the_writers_region(orgs, people):
    response = api(people.qiaocheng).post(
        reverse("api:annual-report-list"),
        {"organization": orgs.mengcheng_brigade.pk, "year": YEAR},
        format="json",
    )
    assert response.status_code == 400 and "organization" in response.data


def test_another_jurisdictions_summary_is_404(orgs, people):
    client = api(people.mengcheng)
    pk = client.post(reverse("api:annual-report-list"), {"organization": orgs.mengcheng_brigade.pk, "year": YEAR},
                     format="json").data["id"]  # fmt: skip
    assert api(people.qiaocheng).get(reverse("api:annual-report-text", kwargs={"pk": pk})).status_code == 404
    assert api(people.auditor).get(reverse("api:annual-report-list")).status_code == 403
