"""The compliance pages: rates for the user's scope and the drill-down to units with gaps."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.dates import frozen_on
from tests.inspections.planning.fixtures import submitted

pytestmark = pytest.mark.date_sensitive


# The ten-day window must stay inside one month: a window reaching into the previous month would also count
# that month's missing monthly check (谯城区档案馆) as a gap.
@frozen_on(dt.date(2026, 6, 20))
def test_a_township_sees_its_rates_and_the_units_with_gaps(login, people, plan_units):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    for i in range(10):
        submitted(plan_units.organ, "self_patrol", yesterday - dt.timedelta(days=i))
    client = login(people.grid)
    period = {"start": (yesterday - dt.timedelta(days=9)).isoformat(), "end": yesterday.isoformat()}

    page = client.get(reverse("inspections:compliance"), period).content.decode()
    assert "花戏楼街道" in page and "10 / 20" in page and "双涧镇" not in page

    gaps = client.get(
        reverse("inspections:compliance-units"), {**period, "region": "341602001"}
    ).content.decode()
    assert plan_units.school.name in gaps and plan_units.organ.name not in gaps
    assert plan_units.hospital.name not in gaps

    unit_page = client.get(
        reverse("inspections:compliance-unit", kwargs={"pk": plan_units.school.pk}), period
    )
    assert "0 / 10" in unit_page.content.decode()
    assert (
        client.get(reverse("inspections:compliance-unit", kwargs={"pk": plan_units.hospital.pk})).status_code
        == 404
    )
