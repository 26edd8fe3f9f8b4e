"""Liaison points (联系点) and visits (蹲点): logged through the service, checked, and counted against the
recurring obligations of ``rules/liaison-obligations.yaml`` in the due list."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from flameblue.core.models import AuditEvent
from flameblue.integrity import services
from flameblue.integrity.models import LiaisonPoint
from flameblue.integrity.policy import obligation_policy, period_of
from flameblue.integrity.selectors import liaison_due_list, member_compliance
from tests.dates import frozen_on

pytestmark = [pytest.mark.date_sensitive, frozen_on(dt.date(2026, 5, 20))]


def test_quarters_and_years_have_their_calendar_bounds():
    assert period_of("quarter", dt.date(2026, 5, 20)) == (dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    assert period_of("quarter", dt.date(2026, 11, 2)) == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert period_of("year", dt.date(2026, 5, 20)) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def test_a_visit_in_the_quarter_meets_the_quarterly_obligation_but_not_the_yearly_one(integrity_world):
    w = integrity_world
    services.liaison_visit_log(
        by=w.political, point=w.point, visited_on=dt.date(2026, 4, 8), work="检查执勤训练"
    )
    services.liaison_visit_log(by=w.political, point=w.point, visited_on=dt.date(2026, 3, 3), work="上党课")

    rows = {
        r.obligation.code: r for r in liaison_due_list(LiaisonPoint.objects.all(), on=dt.date(2026, 5, 20))
    }

    assert rows["quarterly_visit"].visits == 1 and rows["quarterly_visit"].complied
    assert rows["yearly_depth"].visits == 2 and rows["yearly_depth"].missing == 1
    [member] = member_compliance(list(rows.values()))
    assert (member["met"], member["due"]) == (1, len(obligation_policy().obligations))


def test_a_point_without_visits_this_quarter_is_due(integrity_world):
    services.liaison_visit_log(
        by=None, point=integrity_world.point, visited_on=dt.date(2026, 2, 1), work="调研"
    )
    rows = liaison_due_list(LiaisonPoint.objects.all(), on=dt.date(2026, 5, 20))
    assert not next(r for r in rows if r.obligation.code == "quarterly_visit").complied


def test_visits_cannot_be_in_the_future_or_before_the_point_existed(integrity_world):
    w = integrity_world
    with pytest.raises(ValidationError):
        services.liaison_visit_log(by=w.political, point=w.point, visited_on=dt.date(2026, 5, 21), work="x")
    with pytest.raises(ValidationError):
        services.liaison_visit_log(by=w.political, point=w.point, visited_on=dt.date(2025, 12, 1), work="x")


def test_problems_found_need_a_follow_up_and_the_visit_is_audited(integrity_world):
    w = integrity_world
    with pytest.raises(ValidationError) as refused:
        services.liaison_visit_log(
            by=w.political,
            point=w.point,
            visited_on=dt.date(2026, 5, 1),
            work="检查",
            problems="车辆保养不到位",
        )
    assert "follow_up" in refused.value.message_dict
    visit = services.liaison_visit_log(
        by=w.political, point=w.point, visited_on=dt.date(2026, 5, 1), work="检查", problems="车辆保养不到位",
        follow_up="站长负责，月底前整改",
    )  # fmt: skip
    assert AuditEvent.objects.filter(
        action="create", object_type="integrity.liaisonvisit", object_id=str(visit.pk)
    )


def test_a_liaison_point_is_a_station_or_brigade_taken_once(integrity_world, orgs):
    w = integrity_world
    with pytest.raises(ValidationError):
        services.liaison_point_create(
            by=w.political, member=w.political.person, organization=w.station, since=dt.date(2026, 2, 1)
        )
    with pytest.raises(ValidationError):
        services.liaison_point_create(
            by=w.political,
            member=w.political.person,
            organization=orgs.qiaocheng_edu,
            since=dt.date(2026, 2, 1),
        )


def test_obligations_are_loaded_once_per_version_and_the_due_list_names_it(db):
    from flameblue.integrity.models import LiaisonObligation
    from flameblue.integrity.policy import load_obligations

    assert load_obligations() == 0  # the migration loaded the file's version already
    versions = set(LiaisonObligation.objects.values_list("version", flat=True))
    assert versions == {obligation_policy().version}
