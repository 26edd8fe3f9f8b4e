"""A figure's values by month of a year add up to the year's value; by child region they cover the reader's
own jurisdiction only (a county reader: their county's townships); a write shows in the next series."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from flameblue.core.figures import FigurePeriod, figure, figure_value
from flameblue.reports.series import by_month, by_region, scope_region
from tests.hazards.lifecycle_helpers import report

pytestmark = pytest.mark.django_db

ZONE = ZoneInfo("Asia/Shanghai")


def _at(month: int, day: int = 10) -> dt.datetime:
    return dt.datetime(2019, month, day, 9, 0, tzinfo=ZONE)


@pytest.fixture
def hazards(units, people):
    report(units.mall, people.qiaocheng, found_at=_at(1, 1))
    report(units.school, people.qiaocheng, found_at=_at(1, 31))
    report(units.mall, people.qiaocheng, found_at=_at(7))
    report(units.school, people.qiaocheng, found_at=_at(12, 31))
    report(units.hospital, people.mengcheng, found_at=_at(7))
    report(units.mall, people.qiaocheng, found_at=dt.datetime(2018, 12, 31, 23, 0, tzinfo=ZONE))


def test_the_months_add_up_to_the_year(hazards, people):
    found = figure("hazards.found")
    for user in (people.detachment, people.qiaocheng, None):
        points = by_month(found, 2019, user=user)
        assert [p.key for p in points] == [str(m) for m in range(1, 13)]
        year = figure_value(found, FigurePeriod.year(2019), user=user).value
        assert sum(p.value for p in points) == year
    city = {p.key: p.value for p in by_month(found, 2019, user=people.detachment)}
    assert city["1"] == 2 and city["7"] == 2 and city["12"] == 1 and city["6"] == 0
    qiaocheng = {p.key: p.value for p in by_month(found, 2019, user=people.qiaocheng)}
    assert qiaocheng["7"] == 1  # 蒙城's July hazard is not theirs


def test_by_region_a_city_reader_gets_the_counties(hazards, people):
    parent, points = by_region(figure("hazards.found"), FigurePeriod.year(2019), user=people.detachment)
    assert parent.code == "3416"
    values = {p.label: p.value for p in points}
    assert values["谯城区"] == 4 and values["蒙城县"] == 1 and values["涡阳县"] == 0
    assert all(len(p.key) == 6 and p.key.startswith("3416") for p in points)


def test_by_region_a_county_reader_gets_only_their_townships(hazards, people):
    found = figure("hazards.found")
    parent, points = by_region(found, FigurePeriod.year(2019), user=people.qiaocheng)
    assert parent.code == "341602"
    assert points and all(p.key.startswith("341602") and len(p.key) == 9 for p in points)
    assert {p.key: p.value for p in points}["341602001"] == 4
    assert sum(p.value for p in points) == 4
    # another county is outside their jurisdiction: no series at all
    assert by_region(found, FigurePeriod.year(2019, "341622"), user=people.qiaocheng) == (None, [])
    assert scope_region(people.qiaocheng, found.model, "3416") is None


def test_a_new_record_moves_the_cached_series(hazards, units, people):
    found = figure("hazards.found")
    before = {p.key: p.value for p in by_month(found, 2019, user=people.qiaocheng)}
    report(units.mall, people.qiaocheng, found_at=_at(7, 20))
    after = {p.key: p.value for p in by_month(found, 2019, user=people.qiaocheng)}
    assert after["7"] == before["7"] + 1
    city = {p.label: p.value for p in by_region(found, FigurePeriod.year(2019), user=people.detachment)[1]}
    assert city["谯城区"] == 5
