"""“三个必到”: the occasions of ``rules/must-attend.yaml`` — festivals from the rule file and recorded
incidents or problems at a station — oblige each member with that liaison point to visit within the
occasion's window; the due list and each member's compliance say who went."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from flameblue.integrity import services as liaison
from flameblue.integrity.models import LiaisonPoint
from flameblue.integrity.supervision import services
from flameblue.integrity.supervision.models import MustAttendOccasion
from flameblue.integrity.supervision.policy import must_attend_policy
from flameblue.integrity.supervision.selectors import must_attend_compliance, must_attend_due
from tests.dates import frozen_on

pytestmark = [pytest.mark.date_sensitive, frozen_on(dt.date(2026, 10, 10))]


@pytest.fixture
def point(sv, orgs):
    return liaison.liaison_point_create(
        by=None, member=sv.discipline.person, organization=sv.station, since=dt.date(2026, 1, 1)
    )


def _due(on=dt.date(2026, 10, 10)):
    return must_attend_due(LiaisonPoint.objects.all(), MustAttendOccasion.objects.all(), on=on)


def _visit(point, day):
    liaison.liaison_visit_log(by=None, point=point, visited_on=day, work="走访慰问，检查节日战备")


def test_a_visit_within_the_festival_window_counts_and_a_festival_without_one_is_missed(point):
    _visit(point, dt.date(2026, 2, 16))  # 春节 2026-02-17, window 02-14 … 02-20
    _visit(point, dt.date(2026, 10, 2))  # 国庆节
    _visit(point, dt.date(2026, 9, 1))  # an ordinary visit: no festival window

    rows = {r.title: r.state for r in _due()}

    assert rows == {"元旦": "missed", "春节": "met", "中秋节": "missed", "国庆节": "met"}
    [member] = must_attend_compliance(_due())
    assert (member["met"], member["missed"], member["pending"], member["rate"]) == (2, 2, 0, 50)


def test_a_recorded_incident_obliges_the_members_of_that_station_within_a_day(point, sv, orgs):
    incident = services.occasion_record(
        by=None, occasion="major_incident", organization=sv.station, occurred_on=dt.date(2026, 10, 8),
        description="城西某仓库火灾，站里全员出动",
    )  # fmt: skip
    services.occasion_record(
        by=None, occasion="major_problem", organization=orgs.mengcheng_brigade, occurred_on=dt.date(2026, 10, 9),
        description="队伍思想波动",
    )  # fmt: skip

    assert incident.due_on == dt.date(2026, 10, 9) and incident.rules_version == must_attend_policy().version
    [row] = [r for r in _due() if r.occasion.code == "major_incident"]
    assert row.state == "missed" and row.point == point
    assert not [r for r in _due() if r.occasion.code == "major_problem"]  # nobody has 蒙城 as a point

    _visit(point, dt.date(2026, 10, 9))
    [row] = [r for r in _due() if r.occasion.code == "major_incident"]
    assert row.state == "met" and row.visited_on == dt.date(2026, 10, 9)


def test_an_occasion_whose_window_is_still_open_is_pending(point, sv):
    services.occasion_record(
        by=None, occasion="major_problem", organization=sv.station, occurred_on=dt.date(2026, 10, 9),
        description="站内发生违纪问题",
    )  # fmt: skip
    [row] = [r for r in _due() if r.occasion.code == "major_problem"]
    assert row.state == "pending" and row.window_end == dt.date(2026, 10, 12)


def test_festivals_before_a_point_existed_are_not_due(sv):
    liaison.liaison_point_create(by=None, member=sv.discipline.person, organization=sv.station,
                                 since=dt.date(2026, 9, 1))  # fmt: skip
    assert {r.title for r in _due()} == {"中秋节", "国庆节"}


def test_only_recorded_occasions_at_a_station_or_brigade_today_or_before_can_be_recorded(sv, orgs):
    with pytest.raises(ValidationError, match="不是需要登记"):
        services.occasion_record(by=None, occasion="major_festival", organization=sv.station,
                                 occurred_on=dt.date(2026, 10, 1), description="国庆")  # fmt: skip
    with pytest.raises(ValidationError, match="晚于今天"):
        services.occasion_record(by=None, occasion="major_incident", organization=sv.station,
                                 occurred_on=dt.date(2026, 10, 11), description="火灾")  # fmt: skip
    with pytest.raises(ValidationError, match="消防救援站或大队"):
        services.occasion_record(by=None, occasion="major_incident", organization=orgs.school,
                                 occurred_on=dt.date(2026, 10, 1), description="火灾")  # fmt: skip


def test_the_political_officer_records_occasions_and_the_brigade_inspector_may_not(sv, people, orgs):
    from flameblue.core.errors import PermissionDeniedError
    from tests.factories import persona

    political = persona("sv_political", orgs.detachment, "political_officer")
    record = services.occasion_record(by=political, occasion="major_incident", organization=sv.station,
                                      occurred_on=dt.date(2026, 10, 1), description="火灾")  # fmt: skip
    assert record.created_by == political
    with pytest.raises(PermissionDeniedError):
        services.occasion_record(by=people.qiaocheng, occasion="major_incident", organization=sv.station,
                                 occurred_on=dt.date(2026, 10, 1), description="火灾")  # fmt: skip
