"""The 双拥 demo seed on the persona org tree with two stations, as of 2026-12-04 (a small number of partners
to keep it fast): partners with agreements, plans for 2019 and this year whose gaps look real, activities
inside their plans' years; a second run changes nothing."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from flameblue.community import demo
from flameblue.community.agenda.selectors import agenda_compliance
from flameblue.community.education.selectors import coverage
from flameblue.community.models import (
    Activity,
    AnnualPlan,
    EducationProgramme,
    HolidayVisit,
    Opinion,
    OpinionTransition,
    Partner,
    ServiceHours,
    ServiceRecord,
    VolunteerTeam,
)
from flameblue.community.organization import group_for_year
from flameblue.community.selectors import plan_discipline
from flameblue.org.models import Organization, Person
from tests.community.conftest import stations
from tests.dates import frozen_on

TODAY = dt.date(2026, 12, 4)
# Only the first test freezes the day: the full demo is shared by the session and seeded on its own day.
pytestmark = [pytest.mark.date_sensitive]


@frozen_on(TODAY)
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

    _check_party_work()

    assert demo.seed(io.StringIO()) == {}
    assert Partner.objects.count() == 10


def _check_party_work() -> None:
    """The leading group of both years, meetings with a realistic gap, opinions in every state, the
    education programmes with attendance that leaves some people out."""
    fire = Organization.objects.filter(kind__in=["detachment", "detachment_office", "brigade", "station"])
    group_2019 = {m.person_id for m in group_for_year(fire, 2019)}
    group_now = {m.person_id for m in group_for_year(fire, 2026)}
    assert group_2019 and group_now and group_2019 != group_now
    committees = Organization.objects.filter(kind__in=["detachment", "brigade"])
    _tags, rows = agenda_compliance(committees, 2026, TODAY)
    assert any(r.compliant for r in rows) and any(not r.compliant for r in rows)
    assert set(Opinion.objects.values_list("status", flat=True)) == {"open", "answered", "closed"}
    assert Opinion.objects.filter(status="open", overdue_since__isnull=False).exists()
    assert OpinionTransition.objects.filter(from_status="answered", to_status="open").exists()  # sent back
    assert HolidayVisit.objects.filter(visited_on__year=2019).exists()
    assert not HolidayVisit.objects.filter(visited_on__gt=TODAY).exists()
    assert {v for v in HolidayVisit.objects.values_list("visitee_kind", flat=True)} == {
        "government",
        "partner",
        "resident",
    }
    titles = set(EducationProgramme.objects.values_list("title", flat=True))
    assert "“不忘初心、牢记使命”主题教育" in titles and "“学训词、铸忠诚、创新业、立新功”专题教育" in titles
    people, _reached = coverage(Person.objects.all(), list(EducationProgramme.objects.all()))
    assert any(r.sessions for r in people) and any(not r.sessions for r in people)


def test_the_bozhou_demo_has_46_partners_and_the_party_work(demo):
    """The full demo (seeded on the session's day): 46 partners and 11 teams, the leading group, meetings,
    visits with opinions and the education programmes — within a time budget."""
    assert Partner.objects.count() == 46 and VolunteerTeam.objects.count() == 11
    assert demo.seconds["community"] < 120
    assert EducationProgramme.objects.count() == 3 and HolidayVisit.objects.exists()
    assert Opinion.objects.filter(status="open").exists() and Opinion.objects.filter(status="closed").exists()
    fire = Organization.objects.filter(kind__in=["detachment", "detachment_office", "brigade", "station"])
    assert group_for_year(fire, 2019).filter(organization__name__contains="政治处").exists()
