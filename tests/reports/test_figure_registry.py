"""Figures are registered once by code; a period counts date-times by Bozhou's calendar day, both ends
included."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from flameblue.core.figures import Figure, FigurePeriod, figure, figures, register_figure, unregister_figure
from flameblue.hazards.models import Hazard

BOZHOU = ZoneInfo("Asia/Shanghai")


def test_the_apps_register_their_figures():
    codes = {f.code for f in figures()}
    assert {
        "hazards.found",
        "hazards.listed_major",
        "hazards.listed_prominent",
        "inspections.submitted",
    } <= codes
    assert str(figure("hazards.listed_major").unit) == "处"


def test_a_code_cannot_be_registered_twice_with_another_definition():
    one = Figure("test.twice", "甲", "个", "定义", Hazard, lambda qs, p: qs)
    register_figure(one)
    try:
        register_figure(one)  # the same figure again is harmless
        with pytest.raises(ValueError):
            register_figure(Figure("test.twice", "乙", "个", "另一定义", Hazard, lambda qs, p: qs))
    finally:
        unregister_figure("test.twice")


@pytest.mark.django_db
def test_a_year_counts_local_days_at_both_ends(units, people):
    from tests.hazards.lifecycle_helpers import report

    def found(when):
        return report(units.mall, people.qiaocheng, found_at=when)

    inside = [
        found(dt.datetime(2019, 1, 1, 0, 5, tzinfo=BOZHOU)),
        found(dt.datetime(2019, 12, 31, 23, 55, tzinfo=BOZHOU)),
    ]
    found(dt.datetime(2018, 12, 31, 23, 55, tzinfo=BOZHOU))
    found(dt.datetime(2020, 1, 1, 0, 5, tzinfo=BOZHOU))
    year = FigurePeriod.year(2019)
    assert set(Hazard.objects.filter(year.between(Hazard, "found_at"))) == set(inside)
