"""/api/v1/units/: the same scope, filters and services as the pages; stale versions answer 409."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from flameblue.units.models import Unit

pytestmark = pytest.mark.django_db

URL = "/api/v1/units/"


@pytest.fixture
def api():
    def _api(user):
        client = APIClient()
        client.force_authenticate(user)
        return client

    return _api


def _names(response) -> set[str]:
    return {row["name"] for row in response.json()["results"]}


def test_list_is_scoped_like_the_page(api, people, units):
    Unit.objects.filter(pk=units.school.pk).update(industry_id="education")
    assert _names(api(people.edu).get(URL)) == {"亳州市第一中学"}
    assert _names(api(people.unit_manager).get(URL)) == {"亳州市第一中学"}
    assert _names(api(people.mengcheng).get(URL)) == {"蒙城县人民医院"}


def test_list_uses_the_unit_filter(api, people, units):
    assert _names(api(people.detachment).get(URL, {"region": "341622"})) == {"蒙城县人民医院"}
    assert _names(api(people.detachment).get(URL, {"q": "万达"})) == {"亳州万达广场"}


def test_out_of_scope_unit_is_404(api, people, units):
    assert api(people.mengcheng).get(f"{URL}{units.mall.pk}/").status_code == 404


def test_create_goes_through_the_service(api, people):
    response = api(people.qiaocheng).post(
        URL,
        {
            "name": "亳州花园大酒店",
            "region": "341602001",
            "category": "hotel",
            "guest_rooms": 50,
            "risk_tags": ["crowded"],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["key_unit_suggested"] is True and body["key_unit_suggested_rules"] == ["N-HOTEL-50"]
    assert body["risk_tags"] == ["crowded"] and body["organization"]


def test_create_with_bad_check_character_names_the_field(api, people):
    response = api(people.qiaocheng).post(
        URL, {"name": "某店", "region": "341602001", "credit_code": "91341600MA2N0XY710"}, format="json"
    )
    assert response.status_code == 400
    assert "credit_code" in response.json()


def test_region_outside_scope_is_refused(api, people):
    response = api(people.mengcheng).post(URL, {"name": "某店", "region": "341602001"}, format="json")
    assert response.status_code == 400 and "region" in response.json()


def test_key_unit_status_cannot_be_set_through_the_api(api, people, units):
    response = api(people.qiaocheng).patch(
        f"{URL}{units.mall.pk}/", {"is_key_unit": True, "version": units.mall.version}, format="json"
    )
    assert response.status_code == 200
    assert Unit.objects.get(pk=units.mall.pk).is_key_unit is False


def test_stale_version_is_409(api, people, units):
    client = api(people.qiaocheng)
    first = client.patch(f"{URL}{units.mall.pk}/", {"address": "甲", "version": 1}, format="json")
    assert first.status_code == 200 and first.json()["version"] == 2
    second = client.patch(f"{URL}{units.mall.pk}/", {"address": "乙", "version": 1}, format="json")
    assert second.status_code == 409 and second.json()["code"] == "stale"
    assert Unit.objects.get(pk=units.mall.pk).address == "甲"
