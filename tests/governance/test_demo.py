"""The governance demo seed on a small org tree (the persona governments with their committees), as of
2026-12-04: meetings of every mechanism in 2019 and this year, action items in every state with the overdue
ones flagged by the sweep, 2019's letters all signed with a scan, this year's prepared; a second run changes
nothing. One seed for all the checks: it is the slowest thing in this package."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from flameblue.core.notify_models import StoredFile
from flameblue.governance import demo
from flameblue.governance.models import ActionItem, Meeting, ResponsibilityLetter
from flameblue.governance.selectors import signing_progress

pytestmark = pytest.mark.django_db

TODAY = "2026-12-04"


def test_demo_seeds_meetings_action_items_in_every_state_and_letters_once(gov, orgs, people, frozen):
    for dept, government in ((orgs.qiaocheng_edu, orgs.qiaocheng_gov), (orgs.qiaocheng_health, orgs.qiaocheng_gov),
                             (orgs.mengcheng_edu, orgs.mengcheng_gov)):  # fmt: skip
        dept.parent = government
        dept.save()
    frozen.move_to(dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC))
    out = io.StringIO()
    created = demo.seed(out)
    assert created["meetings"] > 0 and "委员会会议" in out.getvalue()
    assert created["rosters"] == 2 * 3  # 2019 and this year, for the city and the two county committees

    kinds = set(Meeting.objects.filter(held_on__year=2019).values_list("kind", flat=True))
    assert kinds == {"plenary", "analysis", "coordination", "consultation", "supervision"}
    assert not Meeting.objects.filter(held_on__gt=TODAY).exists()

    assert set(ActionItem.objects.values_list("status", flat=True)) == {"open", "answered", "closed"}
    overdue = ActionItem.objects.filter(status="open", feedback_due_on__lt=TODAY)
    assert overdue.exists() and not overdue.filter(overdue_since=None).exists()
    assert ActionItem.objects.filter(transitions__data__late=True).exists()
    assert ActionItem.objects.filter(
        transitions__to_status="open", transitions__from_status="answered"
    ).exists()

    progress_2019 = signing_progress(people.city_leader, 2019)
    assert [(p["signed"], p["total"]) for p in progress_2019] == [(2, 2)]
    assert StoredFile.objects.filter(owner_type="governance.responsibilityletter").count() >= 2
    assert ResponsibilityLetter.objects.filter(year=2026).count() == 2

    from flameblue.governance.models import AnalysisDue, GovernmentRecord

    records = GovernmentRecord.objects.filter(held_on__year=2019)
    assert set(records.values_list("kind", flat=True)) == {"party_standing", "executive", "policy", "visit"}
    visit = records.get(kind="visit")
    assert visit.findings and ActionItem.objects.filter(decision__record=visit).count() == 2  # both counties
    assert AnalysisDue.objects.filter(due_on__year=2026, overdue_since__isnull=False).exists()

    again = io.StringIO()
    assert demo.seed(again) == {} and "未作改动" in again.getvalue()


def test_demo_publishes_the_2018_county_assessment(gov, orgs, people, frozen):
    from flameblue.governance.assessment.models import Assessment

    frozen.move_to(dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC))
    demo.seed(io.StringIO())
    assessment = Assessment.objects.get(year=2018)
    assert assessment.status == "published" and assessment.title == "对县区政府2018年度消防工作进行考核"
    entries = list(assessment.entries.order_by("rank"))
    assert [e.rank for e in entries] == [1, 2] and all(e.grade for e in entries)
    assert entries[0].total > entries[1].total
