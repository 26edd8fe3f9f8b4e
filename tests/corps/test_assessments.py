"""The month's assessment through its services: results scored from the item's table (never typed), crews
by their slowest member, stations ranked, a bad time refused with nothing saved, publishing with its
objection period, and the roster's rules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from flameblue.core.errors import DomainError, PermissionDeniedError
from flameblue.core.models import AuditEvent
from flameblue.core.workflow import IllegalTransition
from flameblue.corps import services
from flameblue.corps.models import AssessmentResult, RosterEntry
from flameblue.corps.selectors import ranking
from tests.corps.conftest import item, make_plan
from tests.dates import frozen_on
from tests.factories import PersonFactory

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(dt.date(2026, 11, 20))]


def test_a_recorded_time_is_scored_from_the_table_with_its_version(plan, corps):
    result = services.result_record(
        by=None, plan=plan, station=corps.tegin, item=item("run-3000m"), member=corps.members["张伟"],
        raw=["12'45\""],
    )  # fmt: skip
    assert result.value == 765 and result.score == 90 and result.rules_version == "2026.1"
    assert result.crew == "一班"
    assert AuditEvent.objects.filter(object_type="corps.assessmentresult", object_id=str(result.pk)).exists()


def test_a_crew_drill_counts_the_slowest_member(plan, corps):
    result = services.result_record(
        by=None, plan=plan, station=corps.xincheng, item=item("suction-drafting"), crew="一班",
        raw=["44", "49\"", "0'46\""],
    )  # fmt: skip
    assert result.value == 49 and result.score == 90 and result.member is None


def test_stations_are_ranked_by_their_mean_item_score(plan, corps):
    record = services.result_record
    record(
        by=None,
        plan=plan,
        station=corps.tegin,
        item=item("run-3000m"),
        member=corps.members["张伟"],
        raw=["750"],
    )
    record(
        by=None,
        plan=plan,
        station=corps.tegin,
        item=item("run-3000m"),
        member=corps.members["李强"],
        raw=["810"],
    )
    record(
        by=None,
        plan=plan,
        station=corps.xincheng,
        item=item("bar-rollup"),
        member=corps.members["王磊"],
        raw=["18"],
    )
    record(
        by=None,
        plan=plan,
        station=corps.xincheng,
        item=item("run-3000m"),
        member=corps.members["王磊"],
        raw=["780"],
    )
    items, standings = ranking(plan)
    assert [s.name for s in standings] == ["谯城区新城消防救援站", "特勤站", "蒙城县城关消防救援站"]
    xincheng, tegin, mengcheng = standings
    assert xincheng.total == Decimal("63.33") and xincheng.rank == 1
    assert tegin.item_scores[item("run-3000m").pk] == 90 and tegin.total == 30
    assert mengcheng.total == 0 and mengcheng.rank == 3


def test_a_bad_time_is_refused_and_nothing_is_saved(plan, corps):
    with pytest.raises(DomainError, match="秒数须小于 60"):
        services.result_record(
            by=None, plan=plan, station=corps.tegin, item=item("run-3000m"), member=corps.members["张伟"],
            raw=["12:75"],
        )  # fmt: skip
    assert not AssessmentResult.objects.exists()


def test_a_result_needs_a_member_of_that_station_and_an_item_of_the_plan(plan, corps):
    with pytest.raises(DomainError, match="本站在册人员"):
        services.result_record(by=None, plan=plan, station=corps.tegin, item=item("run-3000m"),
                               member=corps.members["王磊"], raw=["750"])  # fmt: skip
    with pytest.raises(DomainError, match="不在本月考核项目"):
        services.result_record(by=None, plan=plan, station=corps.tegin, item=item("obstacle-100m"),
                               member=corps.members["张伟"], raw=["25"])  # fmt: skip
    with pytest.raises(DomainError, match="须填写班组"):
        services.result_record(
            by=None, plan=plan, station=corps.tegin, item=item("suction-drafting"), raw=["45"]
        )


def test_publishing_sets_the_objection_period_and_closes_results_entry(plan, corps, people):
    with pytest.raises(DomainError, match="尚未录入"):
        services.plan_publish(plan=plan, by=people.detachment)
    services.result_record(by=None, plan=plan, station=corps.tegin, item=item("run-3000m"),
                           member=corps.members["张伟"], raw=["750"])  # fmt: skip
    plan.refresh_from_db()
    published = services.plan_publish(plan=plan, by=people.detachment, expected_version=plan.version)
    assert published.status == "published" and published.objection_until == dt.date(2026, 11, 25)
    assert [t.to_status for t in published.transitions.all()] == ["draft", "published"]
    with pytest.raises(IllegalTransition):
        services.result_record(by=None, plan=published, station=corps.tegin, item=item("run-3000m"),
                               member=corps.members["李强"], raw=["750"])  # fmt: skip


def test_only_the_detachment_publishes(plan, people, corps):
    with pytest.raises(PermissionDeniedError):
        services.plan_publish(plan=plan, by=corps.commander)


def test_one_plan_a_month_and_its_date_inside_the_month(orgs, corps, plan):
    with pytest.raises(DomainError, match="已有月度考核计划"):
        make_plan(orgs, corps)
    with pytest.raises(DomainError, match="考核月份内"):
        services.plan_create(by=None, organizer=orgs.detachment, month=dt.date(2026, 12, 1),
                             held_on=dt.date(2027, 1, 3), team="考核组", stations=[corps.tegin],
                             items=[item("run-3000m")])  # fmt: skip


def test_the_roster_is_built_on_existing_people_once_each(orgs, corps, people):
    person = PersonFactory(organization=corps.tegin, name="孙浩")
    entry = services.roster_enlist(by=people.detachment, person=person, station=corps.tegin, post="驾驶员",
                                   rank="ff3", joined_on=dt.date(2022, 9, 1), posted_on=dt.date(2023, 1, 1))  # fmt: skip
    assert entry.person == person and RosterEntry.objects.filter(person=person).count() == 1
    with pytest.raises(DomainError, match="已在名册中"):
        services.roster_enlist(by=None, person=person, station=corps.tegin, post="x", rank="ff3",
                               joined_on=dt.date(2022, 9, 1), posted_on=dt.date(2023, 1, 1))  # fmt: skip
    other = PersonFactory(organization=orgs.qiaocheng_edu, name="教育局职员")
    with pytest.raises(DomainError, match="消防救援队伍"):
        services.roster_enlist(by=None, person=other, station=orgs.qiaocheng_edu, post="x", rank="ff3",
                               joined_on=dt.date(2022, 9, 1), posted_on=dt.date(2023, 1, 1))  # fmt: skip


def test_a_brigade_sees_its_county_stations_roster_and_a_government_none(corps, people):
    from flameblue.corps.models import RosterEntry as R

    assert set(R.objects.visible_to(people.qiaocheng).values_list("person__name", flat=True)) == {
        "张伟",
        "李强",
        "王磊",
    }
    assert R.objects.visible_to(people.detachment).count() == 4
    assert not R.objects.visible_to(people.city_leader).exists()


def test_trends_show_each_station_month_over_month_and_the_weakest_items(orgs, corps, plan, people):
    from flameblue.corps.selectors import station_trends, weakest_items

    october = make_plan(orgs, corps, month=dt.date(2026, 10, 1))
    record = services.result_record
    record(
        by=None,
        plan=october,
        station=corps.tegin,
        item=item("run-3000m"),
        member=corps.members["张伟"],
        raw=["900"],
    )
    record(
        by=None,
        plan=plan,
        station=corps.tegin,
        item=item("run-3000m"),
        member=corps.members["张伟"],
        raw=["750"],
    )
    record(
        by=None,
        plan=plan,
        station=corps.tegin,
        item=item("bar-rollup"),
        member=corps.members["张伟"],
        raw=["16"],
    )
    months, trends = station_trends([plan, october])
    assert [m.month.month for m in months] == [10, 11]
    tegin = next(t for t in trends if t.name == "特勤站")
    assert tegin.totals == [Decimal("0.00"), Decimal("63.33")]
    weakest = weakest_items([plan, october])
    assert weakest[0]["code"] == "run-3000m" and weakest[0]["mean"] == 50 and weakest[0]["n"] == 2


def test_a_correction_in_the_objection_period_keeps_the_original_as_superseded(
    plan, corps, people, time_machine
):
    original = services.result_record(by=None, plan=plan, station=corps.tegin, item=item("run-3000m"),
                                      member=corps.members["张伟"], raw=["14'10\""])  # fmt: skip
    plan.refresh_from_db()
    services.plan_publish(plan=plan, by=people.detachment)
    corrected = services.result_correct(
        by=people.detachment, result=original, raw=["12'40\""], reason="计时员读数有误"
    )
    original.refresh_from_db()
    assert original.superseded_by == corrected and original.score == 60 and corrected.score == 90
    _items, standings = ranking(plan)
    assert next(s for s in standings if s.name == "特勤站").item_scores[item("run-3000m").pk] == 90
    with pytest.raises(DomainError, match="已被更正"):
        services.result_correct(by=people.detachment, result=original, raw=["750"], reason="x")
    time_machine.move_to(dt.datetime(2026, 11, 27, 10, tzinfo=dt.UTC))  # objection period ended on the 25th
    with pytest.raises(DomainError, match="异议期已过"):
        services.result_correct(by=people.detachment, result=corrected, raw=["750"], reason="逾期异议")
