"""The 双拥 demo seed on the persona org tree with two stations, as of 2026-12-04 (a small number of partners
to keep it fast): partners with agreements, plans for 2019 and this year whose gaps look real, activities
inside their plans' years; a second run changes nothing."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from flameblue.community import demo
from flameblue.community.models import (
    Activity,
    AnnualPlan,
    Partner,
    ServiceHours,
    ServiceRecord,
    VolunteerTeam,
)
from flameblue.community.selectors import plan_discipline
from tests.community.conftest import stations
from tests.dates import frozen_on

TODAY = dt.date(2026, 12, 4)
pytestmark = [pytest.mark.date_sensitive, frozen_on(TODAY)]


def test_demo_seeds_partners_plans_with_gaps_and_activities_once(orgs):
    stations(orgs)
    out = io.StringIO()
    created = demo.seed(out, total=10, teams=3)
    assert created["partners"] == 10 and "共建单位 10 个" in out.getvalue()
    assert set(AnnualPlan.objects.values_list("year", flat=True)) == {2019, 2026}
    assert not Activity.objects.filter(held_on__gt=TODAY).exists()
    assert all(
        a.held_on.year == a.plan_item.plan.year for a in Activity.objects.select_related("plan_item__plan")
    )

    rows = plan_discipline(Partner.objects.all(), 2026, TODAY)
    assert any(r.missing_plan for r in rows) and any(r.missing_quarters for r in rows)
    assert any(r.months_without_content for r in rows) and any(r.compliant for r in rows)

    assert created["teams"] == 3 and VolunteerTeam.objects.count() == 3
    assert ServiceHours.objects.filter(record__served_on__year=2026).exists()
    assert not ServiceRecord.objects.filter(served_on__gt=TODAY).exists()

    assert demo.seed(io.StringIO()) == {}
    assert Partner.objects.count() == 10
