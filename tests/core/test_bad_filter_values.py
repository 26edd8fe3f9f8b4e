"""Out-of-range filter values on lists (a year of 0 or 10000, an id beyond 64 bits) are refused as invalid
filters: the API answers 400 naming the filter, the page ignores the filter; nothing answers 500."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

HUGE = "9999999999999999999999"


@pytest.fixture
def api(people):
    client = APIClient()
    client.force_login(people.detachment)
    return client


@pytest.mark.parametrize("year", ["0", "-1", "10000", "1e400", "nan"])
@pytest.mark.parametrize("url", ["/api/v1/supervision-cases/", "/api/v1/hazards/"])
def test_api_refuses_an_absurd_year_with_a_message(api, url, year):
    response = api.get(url, {"year": year})
    assert response.status_code == 400
    assert "year" in response.json()


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/api/v1/hazards/", "unit"),
        ("/api/v1/inspections/", "unit"),
        ("/api/v1/organizations/", "parent"),
    ],
)
@pytest.mark.parametrize("value", [HUGE, "-" + HUGE, "1.5"])
def test_api_refuses_an_id_out_of_range(api, url, name, value):
    response = api.get(url, {name: value})
    assert response.status_code == 400
    assert name in response.json()


@pytest.mark.sqlite
@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/hazards/supervision/", {"year": "0"}),
        ("/hazards/supervision/", {"year": "10000"}),
        ("/hazards/supervision/", {"year": "-1"}),
        ("/hazards/", {"unit": HUGE}),
        ("/hazards/", {"year": "10000"}),
        ("/inspections/", {"unit": HUGE}),
    ],
)
def test_pages_ignore_an_out_of_range_filter(client, people, url, params):
    client.force_login(people.detachment)
    response = client.get(url, params)
    assert response.status_code == 200


def test_a_plausible_year_still_filters(api):
    assert api.get("/api/v1/supervision-cases/", {"year": "2026"}).status_code == 200
    assert api.get("/api/v1/hazards/", {"unit": "12"}).json()["results"] == []
