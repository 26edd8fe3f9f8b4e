"""Progress is counted from records: a target is checked when a submitted inspection of it is dated in the
campaign period, its hazards found in the period count as found, rectified (closed) or overdue (open past
the deadline) — for the whole campaign, by township and by assignee."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from flameblue.campaigns import services
from flameblue.campaigns.reports import weekly_report_xlsx
from flameblue.campaigns.selectors import progress
from flameblue.hazards.choices import HazardStatus
from flameblue.hazards.models import Hazard
from flameblue.inspections.choices import InspectionKind
from tests.campaigns.conftest import DAY
from tests.dates import frozen_on
from tests.hazards.lifecycle_helpers import report
from tests.inspections.planning.fixtures import submitted

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(DAY)]


@pytest.fixture
def launched(campaign, people, orgs):
    services.assignment_add(campaign=campaign, assignee=orgs.huaxilou_gov, by=people.qiaocheng)
    return services.campaign_launch(campaign=campaign, by=people.qiaocheng)


def test_inspection_and_hazard_in_the_period_count_as_progress(launched, estates, people):
    submitted(estates.lanting, InspectionKind.CAMPAIGN, DAY)
    submitted(estates.xinhua, InspectionKind.SUPERVISION, dt.date(2026, 3, 20))  # before the campaign
    report(estates.lanting, people.qiaocheng, source="campaign", description="楼道内电动自行车充电")
    total = progress(launched, people.qiaocheng)["total"]
    assert (total.targets, total.checked, total.with_hazards, total.hazards) == (3, 1, 1, 1)
    assert (total.rectified, total.overdue) == (0, 0)


def test_open_hazard_past_its_deadline_is_overdue_and_closed_one_rectified(launched, estates, people):
    late = report(estates.lanting, people.qiaocheng)
    Hazard.objects.filter(pk=late.pk).update(status=HazardStatus.RECTIFYING, deadline=dt.date(2026, 4, 10))
    done = report(estates.xinhua, people.qiaocheng)
    Hazard.objects.filter(pk=done.pk).update(status=HazardStatus.CLOSED)
    total = progress(launched, people.qiaocheng)["total"]
    assert (total.hazards, total.rectified, total.overdue) == (2, 1, 1)


def test_progress_is_split_by_township_and_by_assignee(launched, estates, people):
    submitted(estates.suburb, InspectionKind.CAMPAIGN, DAY)
    data = progress(launched, people.qiaocheng)
    by_region = {p.label: (p.targets, p.checked) for p in data["by_region"]}
    assert sum(t for t, _ in by_region.values()) == 3
    assert [(p.label, p.targets, p.checked) for p in data["by_assignee"]] == [("花戏楼街道办事处", 2, 0)]


def test_township_sees_only_its_own_targets_progress(launched, estates, people):
    assert progress(launched, people.grid)["total"].targets == 2


def test_weekly_report_lists_the_totals_and_each_target(launched, estates, people):
    submitted(estates.lanting, InspectionKind.CAMPAIGN, DAY)
    book = load_workbook(io.BytesIO(weekly_report_xlsx(launched, people.qiaocheng, DAY)))
    summary = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    assert summary[-1][:3] == [launched.name, 3, 1]
    targets = [r for r in book.worksheets[3].iter_rows(values_only=True)][1:]
    assert {r[0] for r in targets} == {"兰亭小区", "新华苑", "古井花园"}
