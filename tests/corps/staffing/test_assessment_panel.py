"""The home page's assessment panel: this month's status (stations assessed, results entered, published)
and the latest published ranking, for the user's part of the chain — the detachment all stations, a station
only its own line; governments get no panel."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from flameblue.corps import services
from flameblue.corps.staffing.dashboard import assessment_panel
from tests.corps.conftest import item, make_plan
from tests.dates import frozen_on

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(dt.date(2026, 11, 20))]
TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def november(orgs, corps, published):
    plan = make_plan(orgs, corps, month=dt.date(2026, 11, 1))
    services.result_record(by=None, plan=plan, station=corps.tegin, item=item("run-3000m"),
                           member=corps.members["张伟"], raw=["750"])  # fmt: skip
    return plan


def test_the_detachment_sees_the_months_status_and_the_whole_ranking(november, people):
    data = assessment_panel(people.detachment, TODAY)
    month = data["month"]
    assert month["plan"] == november and month["stations"] == 3 and month["results"] == 1
    assert month["stations_entered"] == 1 and not month["published"]
    assert [r.name for r in data["latest"]["rows"]] == [
        "谯城区新城消防救援站",
        "特勤站",
        "蒙城县城关消防救援站",
    ]


def test_a_station_sees_only_its_own_line(november, corps):
    data = assessment_panel(corps.commander, TODAY)
    assert data["month"]["stations"] == 1 and data["month"]["results"] == 1
    assert [(r.name, r.rank) for r in data["latest"]["rows"]] == [("特勤站", 2)]
    assert data["latest"]["url"] == reverse("corps:public-plan-detail", args=[data["latest"]["plan"].pk])


def test_governments_get_no_panel_and_the_home_page_shows_it_to_the_brigade(november, people, login):
    assert assessment_panel(people.city_leader, TODAY) is None
    page = login(people.qiaocheng).get(reverse("core:dashboard")).content.decode()
    assert 'id="panel-corps-assessment"' in page and "2026年11月站点月度考核" in page
