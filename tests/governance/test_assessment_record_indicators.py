"""The assessment indicators read from hazards, inspections and committee records — listed hazards delisted
on time, key units' monthly self-inspection, supervision inspections done against the due list, committee
meetings held per mechanism — and the scoring rules of the scheme turn each measure into points. Every test
has records that count, that miss, and that must be left out, so a wrong filter changes the numbers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from flameblue.governance.assessment import indicators
from flameblue.governance.assessment.indicators import Measure, score_of
from flameblue.hazards.models import Hazard, SupervisionCase
from flameblue.inspections.planning.services import supervision_due_refresh
from flameblue.org.choices import OrgKind
from tests.dates import SHANGHAI
from tests.factories import org
from tests.governance.conftest import make_meeting
from tests.inspections.planning.fixtures import submitted
from tests.units.factories import make_unit

pytestmark = [pytest.mark.date_sensitive, pytest.mark.django_db]


def at(y, m, d, h=10):
    return dt.datetime(y, m, d, h, 0, tzinfo=SHANGHAI)


def unit(name, region="341602001", industry="commerce", **fields):
    return make_unit(org(name, OrgKind.SOCIAL_UNIT, region, industry=industry), **fields)


def case(u, number, *, status, deadline, delisted=None):
    hazard = Hazard.objects.create(
        unit=u, region_id=u.region_id, industry_id=u.industry_id, description="消防控制室无人值班",
        source="supervision", status="rectifying", grade="major", found_at=at(2025, 1, 5),
    )  # fmt: skip
    return SupervisionCase.objects.create(
        hazard=hazard, case_number=number, region_id=u.region_id, industry_id=u.industry_id, status=status,
        deadline=deadline, delisted_at=delisted,
    )  # fmt: skip


def test_listed_hazards_count_delisting_on_or_before_the_supervision_deadline(orgs):
    mall = unit("谯城区某商场")
    on_time = case(
        mall, "督1", status="delisted", deadline=dt.date(2025, 6, 30), delisted=at(2025, 6, 30, 22)
    )
    late = case(mall, "督2", status="delisted", deadline=dt.date(2025, 6, 30), delisted=at(2025, 7, 1, 9))
    still = case(mall, "督3", status="listed", deadline=dt.date(2025, 9, 30))
    case(mall, "督4", status="refused", deadline=dt.date(2025, 9, 30))  # never listed: left out
    case(mall, "督5", status="listed", deadline=dt.date(2026, 3, 31))  # due next year
    case(
        unit("蒙城县某商场", "341622"), "督6", status="listed", deadline=dt.date(2025, 9, 30)
    )  # another county
    m = indicators.listed_hazards_delisted_on_time(orgs.qiaocheng_gov, 2025)
    assert (m.counted, m.met) == (3, 1)
    assert sorted(m.missed_ids) == sorted([late.pk, still.pk]) and on_time.pk not in m.missed_ids
    assert (
        indicators.listed_hazards_delisted_on_time(orgs.qiaocheng_edu, 2025).counted == 0
    )  # commerce, not edu


def test_key_units_monthly_self_inspection_counts_each_finished_month(frozen, orgs):
    # Frozen on 2026-03-20: January and February have ended, March has not.
    diligent = unit("谯城区某宾馆", is_key_unit=True, status="operating")
    forgetful = unit("谯城区某医院", is_key_unit=True, status="operating")
    ordinary = unit("谯城区某小店", is_key_unit=False, status="operating")
    closed = unit("谯城区某歌厅", is_key_unit=True, status="closed")
    elsewhere = unit("蒙城县某宾馆", "341622", is_key_unit=True, status="operating")
    for u in (diligent, elsewhere):
        submitted(u, "self_monthly", dt.date(2026, 1, 10))
        submitted(u, "self_monthly", dt.date(2026, 2, 10))
    submitted(diligent, "self_monthly", dt.date(2026, 2, 20))  # twice in a month still counts once
    submitted(forgetful, "self_monthly", dt.date(2026, 1, 31))
    submitted(forgetful, "self_monthly", dt.date(2026, 3, 5))  # this month: not yet due
    submitted(ordinary, "self_monthly", dt.date(2026, 1, 10))
    m = indicators.key_unit_self_inspection(orgs.qiaocheng_gov, 2026)
    assert (m.counted, m.met) == (4, 3)
    assert m.missed_ids == [forgetful.pk]
    assert closed.pk not in m.missed_ids


def test_supervision_done_counts_units_due_by_today_or_inspected_this_year(frozen, orgs):
    inspected = unit("谯城区某商场甲", is_key_unit=True, category="shop", status="operating")
    submitted(inspected, "supervision", dt.date(2026, 2, 1))
    never = unit(
        "谯城区某商场乙", is_key_unit=True, category="shop", status="operating"
    )  # due since registered
    not_yet = unit("谯城区某商场丙", is_key_unit=True, category="shop", status="operating")
    submitted(not_yet, "supervision", dt.date(2025, 6, 1))  # next due 2026-06-01: not due yet
    by_draw = unit("谯城区某小店", is_key_unit=False, category="other", status="operating")
    submitted(by_draw, "spot_check", dt.date(2026, 2, 2))  # not on a cycle: left out
    supervision_due_refresh()
    m = indicators.supervision_inspections_done(orgs.qiaocheng_gov, 2026)
    assert (m.counted, m.met) == (2, 1)
    assert m.missed_ids == [never.pk]


def test_committee_meetings_are_counted_per_mechanism_up_to_the_target(frozen, orgs, gov):
    committee = gov.qiaocheng_committee
    for day in (dt.date(2026, 1, 20), dt.date(2026, 2, 20), dt.date(2026, 3, 10)):
        make_meeting(committee, held_on=day, kind="analysis")
    make_meeting(committee, held_on=dt.date(2026, 1, 5), kind="plenary", title="全体会议")
    make_meeting(
        committee, held_on=dt.date(2026, 1, 6), kind="plenary", title="第二次全体会议"
    )  # above target
    make_meeting(committee, held_on=dt.date(2025, 12, 20), kind="coordination", title="协调会")  # last year
    make_meeting(gov.mengcheng_committee, held_on=dt.date(2026, 2, 1), kind="consultation", title="会商")
    targets = {"plenary": 1, "analysis": 4, "coordination": 1, "consultation": 1, "supervision": 1}
    m = indicators.committee_meetings_held(orgs.qiaocheng_gov, 2026, {"targets": targets})
    assert (m.counted, m.met) == (8, 4)
    assert len(m.held_ids) == 5
    assert "研判 3/4" in m.basis and "全体会议 2/1" in m.basis


@pytest.mark.parametrize(
    ("counted", "met", "scoring", "expected"),
    [
        (100, 96, {"full_at": 0.95, "per_point": 0.5}, "6.00"),  # above the full-marks line
        (100, 95, {"full_at": 0.95, "per_point": 0.5}, "6.00"),  # on it
        (100, 93, {"full_at": 0.95, "per_point": 0.5}, "5.00"),  # two points below: 1 off
        (100, 50, {"full_at": 0.95, "per_point": 0.5}, "0.00"),  # never below zero
        (10, 8, {"per_miss": 2}, "2.00"),  # two missed, 2 each
        (10, 8, {"per_miss": 5}, "0.00"),
        (4, 3, {}, "4.50"),  # no rule: weight × rate
        (0, 0, {"per_miss": 2}, "6.00"),  # nothing due: nothing missed
    ],
)
def test_scoring_rules_turn_a_measure_into_points(counted, met, scoring, expected):
    assert score_of(Decimal(6), Measure(counted, met, "", ""), scoring) == Decimal(expected)


def test_the_item_page_links_the_records_behind_the_score(frozen, orgs, gov, login):
    from django.urls import reverse

    from flameblue.governance.assessment import services as a
    from flameblue.governance.assessment.models import ItemScore
    from flameblue.governance.models import AssessmentScheme

    mall = unit("谯城区某商场")
    late = case(mall, "谯消督〔2025〕7号", status="listed", deadline=dt.date(2025, 9, 30))
    make_meeting(gov.qiaocheng_committee, held_on=dt.date(2025, 4, 1), kind="analysis", title="二季度研判会")
    scheme = AssessmentScheme.objects.get(code="county-government")
    assessment = a.assessment_open(
        by=None, organizer=orgs.city_gov, scheme=scheme, year=2025, assessed=[orgs.qiaocheng_gov]
    )
    county = login(gov.qiaocheng_leader)
    delisting = ItemScore.objects.get(entry__assessment=assessment, item__code="A03")
    assert delisting.computed_score == Decimal(4)  # 6 points, 2 off for the one case not delisted in time
    page = county.get(reverse("governance:itemscore-detail", args=[delisting.pk])).content.decode()
    assert "未达标记录" in page and reverse("hazards:supervision-detail", args=[late.pk]) in page
    meetings = ItemScore.objects.get(entry__assessment=assessment, item__code="C02")
    page = county.get(reverse("governance:itemscore-detail", args=[meetings.pk])).content.decode()
    assert "二季度研判会" in page and "研判：1 / 4" in page


def test_overdue_listed_hazards_are_the_deduction_items_events(frozen, orgs, gov):
    from flameblue.core.errors import DomainError
    from flameblue.governance.assessment import services as a
    from flameblue.governance.assessment.models import ItemScore
    from flameblue.governance.models import AssessmentScheme

    mall = unit("谯城区某商场")
    case(mall, "督1", status="listed", deadline=dt.date(2025, 5, 31))
    case(mall, "督2", status="delisted", deadline=dt.date(2025, 5, 31), delisted=at(2025, 6, 3))
    case(mall, "督3", status="delisted", deadline=dt.date(2025, 5, 31), delisted=at(2025, 5, 30))  # on time
    scheme = AssessmentScheme.objects.get(code="county-government")
    assessment = a.assessment_open(
        by=None, organizer=orgs.city_gov, scheme=scheme, year=2025, assessed=[orgs.qiaocheng_gov]
    )
    score = ItemScore.objects.get(entry__assessment=assessment, item__code="A09")
    assert score.events == 2 and a.proposed_score(score) == Decimal(3)  # 5 points, 1 per event
    assert "未达标 2 起" in score.computed_detail["basis"]
    with pytest.raises(DomainError, match="由记录计算"):
        a.item_self_assess(by=None, score=score, events=0)
    assert a.item_self_assess(by=None, score=score, note="督1 已于6月整改").events == 2


def test_a_listed_case_whose_deadline_has_not_come_is_not_missed_yet(frozen, orgs):
    case(unit("谯城区某商场"), "督1", status="listed", deadline=dt.date(2026, 5, 31))  # frozen on 2026-03-20
    m = indicators.listed_hazards_delisted_on_time(orgs.qiaocheng_gov, 2026)
    assert (m.counted, m.met) == (0, 0)
