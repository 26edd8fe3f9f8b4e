"""``/api/v1/figures/<code>/series/``: a figure's values by month or by child region, for the reader, each
point with its period and the records page behind it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.hazards.lifecycle_helpers import report

pytestmark = pytest.mark.django_db

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def hazards(units, people):
    report(units.mall, people.qiaocheng, found_at=dt.datetime(2019, 5, 5, 9, 0, tzinfo=ZONE))
    report(units.hospital, people.mengcheng, found_at=dt.datetime(2019, 5, 6, 9, 0, tzinfo=ZONE))


def test_by_month(login, hazards, people):
    data = login(people.detachment).get("/api/v1/figures/hazards.found/series/", {"year": 2019}).json()
    assert data["by"] == "month" and data["year"] == 2019 and len(data["points"]) == 12
    may = data["points"][4]
    assert (
        may["key"] == "5"
        and may["value"] == 2
        and may["start"] == "2019-05-01"
        and may["end"] == "2019-05-31"
    )
    assert may["records_url"] == "/reports/figures/hazards.found/?year=2019&month=5"


def test_by_region_is_scoped(login, hazards, people):
    city = login(people.detachment).get(
        "/api/v1/figures/hazards.found/series/", {"year": 2019, "by": "region"}
    )
    values = {p["label"]: p["value"] for p in city.json()["points"]}
    assert city.json()["region"] == "3416" and values["谯城区"] == 1 and values["蒙城县"] == 1
    county = login(people.qiaocheng).get(
        "/api/v1/figures/hazards.found/series/", {"year": 2019, "by": "region"}
    )
    points = county.json()["points"]
    assert county.json()["region"] == "341602" and all(p["region"].startswith("341602") for p in points)
    assert sum(p["value"] for p in points) == 1


def test_bad_parameters(login, people):
    client = login(people.qiaocheng)
    assert client.get("/api/v1/figures/hazards.found/series/", {"by": "week"}).status_code == 400
    assert client.get("/api/v1/figures/hazards.found/series/", {"year": "x"}).status_code == 400
    outside = client.get("/api/v1/figures/hazards.found/series/", {"by": "region", "region": "341622"})
    assert outside.status_code == 404
    assert client.get("/api/v1/figures/no.such/series/").status_code == 404
