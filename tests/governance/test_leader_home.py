"""A county leader's home page shows the county's responsibility status at a glance: the latest assessment's
standing once published (score, grade, rank among the counties), hazards under listed supervision (past
their deadline in red), and situation analyses the county committee has missed — and nothing of another
county's."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from flameblue.governance import analysis
from flameblue.governance.assessment import services as a
from flameblue.governance.models import AssessmentScheme
from flameblue.hazards.models import Hazard, SupervisionCase
from tests.governance.test_annual_assessment import fill
from tests.units.factories import make_unit

pytestmark = [pytest.mark.date_sensitive, pytest.mark.django_db]


def listed(unit, number, deadline):
    hazard = Hazard.objects.create(
        unit=unit, region_id=unit.region_id, industry_id=unit.industry_id, description="自动喷水灭火系统瘫痪",
        source="supervision", status="rectifying", grade="major",
    )  # fmt: skip
    return SupervisionCase.objects.create(
        hazard=hazard, case_number=number, region_id=unit.region_id, status="listed", deadline=deadline
    )


def test_county_leader_sees_standing_listed_hazards_and_missed_analyses(frozen, login, orgs, gov, people):
    scheme = AssessmentScheme.objects.get(code="county-government")
    assessment = a.assessment_open(
        by=None, organizer=orgs.city_gov, scheme=scheme, year=2025,
        assessed=[orgs.qiaocheng_gov, orgs.mengcheng_gov],
    )  # fmt: skip
    fill(assessment, orgs.qiaocheng_gov, Decimal(5))
    fill(assessment, orgs.mengcheng_gov, Decimal(3))
    a.assessment_start_review(by=people.city_leader, assessment=assessment)
    for entry in assessment.entries.all():
        a.entry_review_complete(by=people.city_leader, entry=entry)
    a.assessment_publish(by=people.city_leader, assessment=assessment)
    mine = assessment.entries.get(assessed=orgs.qiaocheng_gov)

    listed(make_unit(orgs.mall), "谯消督〔2026〕1号", dt.date(2026, 3, 1))  # frozen on 2026-03-20: past
    listed(make_unit(orgs.school), "谯消督〔2026〕2号", dt.date(2026, 6, 1))
    analysis.refresh_dues(dt.date(2026, 3, 20))  # January and February missed

    page = login(gov.qiaocheng_leader).get(reverse("core:dashboard")).content.decode()
    assert f"{mine.total:.2f}".rstrip("0").rstrip(".") in page
    assert f"第 {mine.rank} / 2 名" in page and mine.grade in page
    assert "蒙城县人民政府" not in page
    assert "督办中 2" in page and "超期未销案 1" in page
    assert "逾期未研判 2 期" in page
