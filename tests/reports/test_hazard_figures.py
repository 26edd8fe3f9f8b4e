"""The hazard loop's figures count records, not typed totals: one more hazard found, one more listed
major hazard moves its figure by one; a reader counts only their jurisdiction; a region narrows it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from flameblue.core.figures import FigurePeriod, figure, figure_records, figure_value
from flameblue.hazards.choices import HazardGrade, SupervisionStatus
from flameblue.hazards.models import SupervisionCase
from tests.hazards.lifecycle_helpers import report

pytestmark = pytest.mark.django_db

BOZHOU = ZoneInfo("Asia/Shanghai")
YEAR = FigurePeriod.year(2019)
WHEN = dt.datetime(2019, 6, 3, 10, 0, tzinfo=BOZHOU)


def value(code, period=YEAR, user=None):
    return figure_value(figure(code), period, user=user).value


def test_one_more_hazard_found_moves_the_figure_by_one(units, people):
    before = value("hazards.found")
    report(units.mall, people.qiaocheng, found_at=WHEN)
    assert value("hazards.found") == before + 1
    report(units.mall, people.qiaocheng, found_at=WHEN.replace(year=2020))  # another year
    assert value("hazards.found") == before + 1


def test_a_reader_counts_their_jurisdiction_and_a_region_narrows_it(units, people):
    report(units.mall, people.qiaocheng, found_at=WHEN)  # 谯城区
    report(units.hospital, people.mengcheng, found_at=WHEN)  # 蒙城县
    assert value("hazards.found", user=people.qiaocheng) == 1
    assert value("hazards.found", user=people.detachment) == 2
    city, mengcheng = FigurePeriod.year(2019, "3416"), FigurePeriod.year(2019, "341622")
    assert value("hazards.found", city) == 2 and value("hazards.found", mengcheng) == 1
    assert value("hazards.found", mengcheng, user=people.qiaocheng) == 0


def _case(hazard, status, grade, decided_at):
    """A supervision case in the given state (the listing services are tested in tests/hazards; here only
    what the figure counts matters)."""
    hazard.grade = grade
    hazard.save(update_fields=["grade"])
    return SupervisionCase.objects.create(
        hazard=hazard, case_number=f"亳消督〔2019〕{hazard.pk}号", region_id=hazard.region_id,
        status=status, decided_at=decided_at,
    )  # fmt: skip


def test_listed_hazards_are_counted_by_grade_and_listing_date(units, people):
    listed = _case(report(units.mall, people.qiaocheng), SupervisionStatus.LISTED, HazardGrade.MAJOR, WHEN)
    _case(report(units.mall, people.qiaocheng), SupervisionStatus.DELISTED, HazardGrade.MAJOR, WHEN)
    _case(report(units.mall, people.qiaocheng), SupervisionStatus.REFUSED, HazardGrade.MAJOR, WHEN)
    _case(report(units.mall, people.qiaocheng), SupervisionStatus.LISTED, HazardGrade.PROMINENT, WHEN)
    _case(report(units.mall, people.qiaocheng), SupervisionStatus.LISTED, HazardGrade.MAJOR,
          WHEN.replace(year=2018))  # fmt: skip
    assert value("hazards.listed_major") == 2  # listed and delisted; not refused, not 2018
    assert value("hazards.listed_prominent") == 1
    assert listed in figure_records(figure("hazards.listed_major"), YEAR)
