"""``/api/v1/figures/`` gives every readable figure with its value, definition and the period used, so a
report's numbers are auditable; ``records`` lists what makes one figure."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.hazards.lifecycle_helpers import report

pytestmark = pytest.mark.django_db

WHEN = dt.datetime(2019, 6, 3, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_figures_with_value_definition_and_period(login, units, people):
    hazard = report(units.mall, people.qiaocheng, found_at=WHEN)
    client = login(people.qiaocheng)
    listing = client.get("/api/v1/figures/", {"year": 2019}).json()
    found = next(f for f in listing if f["code"] == "hazards.found")
    assert found["value"] == 1 and found["start"] == "2019-01-01" and found["end"] == "2019-12-31"
    assert "发现时间" in found["definition"]
    one = client.get("/api/v1/figures/hazards.found/", {"year": 2019, "region": "341602"}).json()
    assert one["value"] == 1 and one["region"] == "341602"
    records = client.get("/api/v1/figures/hazards.found/records/", {"year": 2019}).json()
    assert records["count"] == 1 and records["results"][0]["id"] == hazard.pk


def test_bad_parameters_and_unknown_figures(login, people):
    client = login(people.qiaocheng)
    bad = client.get("/api/v1/figures/", {"year": "3000"})
    assert bad.status_code == 400 and "年份须在" in bad.json()["year"][0]
    assert client.get("/api/v1/figures/no.such/").status_code == 404
