"""Computed assessment indicators count the right records: each test builds records that must count, records
that must count as missed, and records that must be left out (another year, another county, another
industry, withdrawn), so a wrong filter changes the numbers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from flameblue.governance import services
from flameblue.governance.assessment import indicators
from flameblue.governance.models import LetterTemplate, ResponsibilityLetter
from flameblue.hazards.models import Hazard, Tip
from tests.dates import SHANGHAI
from tests.governance.conftest import make_meeting
from tests.units.factories import make_unit

pytestmark = [pytest.mark.date_sensitive, pytest.mark.django_db]


def at(y, m, d, h=10, minute=0):
    return dt.datetime(y, m, d, h, minute, tzinfo=SHANGHAI)


@pytest.fixture
def units(orgs):
    from flameblue.org.choices import OrgKind
    from tests.factories import org

    meng = org("蒙城县某商场", OrgKind.SOCIAL_UNIT, "341622", industry="commerce")
    return {"school": make_unit(orgs.school), "mall": make_unit(orgs.mall), "meng": make_unit(meng)}


def hazard(unit, *, found, status="confirmed", deadline=None, closed=None):
    return Hazard.objects.create(
        unit=unit, region_id=unit.region_id, industry_id=unit.industry_id, description="安全出口锁闭",
        source="supervision", status=status, found_at=found, deadline=deadline, closed_at=closed,
    )  # fmt: skip


def test_rectification_rate_counts_the_years_hazards_closed_by_year_end(orgs, units):
    school, mall = units["school"], units["mall"]
    hazard(school, found=at(2025, 3, 1), status="closed", closed=at(2025, 12, 31, 23, 30))  # met
    hazard(mall, found=at(2025, 4, 1), status="closed", closed=at(2026, 1, 1, 0, 30))  # closed next year
    hazard(school, found=at(2025, 5, 1), status="rectifying")  # still open
    hazard(school, found=at(2025, 5, 1), status="withdrawn")  # left out
    hazard(school, found=at(2024, 12, 31, 23, 0), status="rectifying")  # last year
    hazard(units["meng"], found=at(2025, 5, 1), status="rectifying")  # another county
    m = indicators.hazard_rectification(orgs.qiaocheng_gov, 2025)
    assert (m.counted, m.met) == (3, 1)
    assert str(m.rate) == "0.3333"
    edu = indicators.hazard_rectification(orgs.qiaocheng_edu, 2025)  # only the school is education
    assert (edu.counted, edu.met) == (2, 1)


def test_on_time_rate_compares_the_closing_day_in_bozhou_with_the_deadline(orgs, units):
    school = units["school"]
    deadline = dt.date(2025, 6, 30)
    late_evening = at(2025, 6, 30, 23, 30)  # already 1 July in UTC? no: 15:30 UTC, still 30 June locally
    hazard(school, found=at(2025, 6, 1), status="closed", deadline=deadline, closed=late_evening)  # met
    hazard(
        school, found=at(2025, 6, 1), status="closed", deadline=deadline, closed=at(2025, 7, 1, 0, 30)
    )  # late
    hazard(school, found=at(2025, 6, 1), status="rectifying", deadline=dt.date(2025, 8, 1))  # open, missed
    hazard(school, found=at(2025, 12, 1), status="rectifying", deadline=dt.date(2026, 1, 10))  # due next year
    hazard(school, found=at(2025, 6, 1), status="dismissed", deadline=deadline)  # unfounded
    m = indicators.hazard_on_time(orgs.qiaocheng_gov, 2025)
    assert (m.counted, m.met) == (3, 1)
    assert len(m.missed_ids) == 2


def tip(region, *, received, due, checked=None, n=[0]):  # noqa: B006  (a counter for unique codes)
    n[0] += 1
    return Tip.objects.create(
        tracking_code=f"T{n[0]:06d}", description="通道堵塞", region_id=region, address="某路1号",
        received_at=received, check_due_at=due, checked_at=checked, status="checking" if checked else "received",
    )  # fmt: skip


def test_tips_checked_on_time_counts_checks_before_their_deadline(orgs):
    tip("341602001", received=at(2025, 3, 1), due=at(2025, 3, 2), checked=at(2025, 3, 1, 20))  # met
    tip("341602001", received=at(2025, 3, 1), due=at(2025, 3, 2), checked=at(2025, 3, 2, 10, 1))  # late
    tip("341602001", received=at(2025, 3, 1), due=at(2025, 3, 2))  # never checked
    tip("341602001", received=at(2024, 3, 1), due=at(2024, 3, 2), checked=at(2024, 3, 1))  # last year
    tip("341622", received=at(2025, 3, 1), due=at(2025, 3, 2), checked=at(2025, 3, 1))  # another county
    m = indicators.tips_checked_on_time(orgs.qiaocheng_gov, 2025)
    assert (m.counted, m.met) == (3, 1)


def letter(issuer, signatory, year, signed):
    template = LetterTemplate.objects.first()
    return ResponsibilityLetter.objects.create(
        year=year, issuer=issuer, signatory=signatory, template=template, template_version=template.version,
        title="责任书", status="signed" if signed else "draft",
    )  # fmt: skip


def test_letters_signed_counts_a_governments_issued_letters_and_a_departments_own(orgs):
    letter(orgs.qiaocheng_gov, orgs.qiaocheng_edu, 2025, signed=True)
    letter(orgs.qiaocheng_gov, orgs.qiaocheng_health, 2025, signed=False)
    letter(orgs.qiaocheng_gov, orgs.huaxilou_gov, 2025, signed=True)
    letter(orgs.qiaocheng_gov, orgs.qiaocheng_health, 2024, signed=True)  # last year
    letter(orgs.city_gov, orgs.qiaocheng_gov, 2025, signed=False)  # the county signs, does not issue
    m = indicators.letters_signed(orgs.qiaocheng_gov, 2025)
    assert (m.counted, m.met) == (3, 2)
    assert (indicators.letters_signed(orgs.qiaocheng_health, 2025).met) == 0
    assert (indicators.letters_signed(orgs.qiaocheng_edu, 2025).counted) == 1


def test_action_items_count_answers_by_their_feedback_date(orgs, gov):
    meeting = make_meeting(gov.qiaocheng_committee, held_on=dt.date(2025, 3, 1))
    decision = services.decision_add(
        by=None, meeting=meeting, text="开展学校医院专项检查", due_on=dt.date(2025, 6, 1),
        owners=[orgs.qiaocheng_edu, orgs.qiaocheng_health, orgs.huaxilou_gov],
        feedback_due_on=dt.date(2025, 3, 16),
    )  # fmt: skip
    items = {i.owner_id: i for i in decision.action_items.all()}
    items[orgs.qiaocheng_edu.pk].__class__.objects.filter(pk=items[orgs.qiaocheng_edu.pk].pk).update(
        answered_at=at(2025, 3, 16, 23, 0), status="answered"
    )  # on the day, late in the evening
    items[orgs.qiaocheng_health.pk].__class__.objects.filter(pk=items[orgs.qiaocheng_health.pk].pk).update(
        answered_at=at(2025, 3, 17, 9, 0), status="answered"
    )  # a day late; the township never answered
    meng = make_meeting(gov.mengcheng_committee, held_on=dt.date(2025, 3, 1))
    services.decision_add(
        by=None, meeting=meng, text="专项检查", owners=[orgs.mengcheng_edu], due_on=dt.date(2025, 6, 1)
    )  # another county
    m = indicators.action_items_answered_on_time(orgs.qiaocheng_gov, 2025)
    assert (m.counted, m.met) == (3, 1)
    assert indicators.action_items_answered_on_time(orgs.qiaocheng_health, 2025).met == 0
    assert indicators.action_items_answered_on_time(orgs.qiaocheng_edu, 2025).met == 1
    assert indicators.action_items_answered_on_time(orgs.qiaocheng_gov, 2024).counted == 0


def test_rate_score_is_weight_times_rate_and_full_when_nothing_was_due():
    from decimal import Decimal

    m = indicators.Measure(counted=3, met=2, basis="", record_type="")
    assert indicators.rate_score(Decimal(6), m) == Decimal("4.00")
    assert indicators.rate_score(Decimal(6), indicators.Measure(0, 0, "", "")) == Decimal("6.00")
    assert timezone.get_current_timezone_name() == "Asia/Shanghai"
