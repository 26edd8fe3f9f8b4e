"""The corps sub-domains in the shared Bozhou demo: a year of incidents whose counts look like a city of
five million, and the seed year 2019's; the two recent case reviews with corrective actions in every state
(the overdue one escalated) and the seed's two of 2019 (谯城"3.22", 特勤"7.15") with every action closed;
2019's honours (5 third-class merits, 52 commended at 总队 level or above, Mengcheng and Lixin stations
honoured), readiness findings in every state."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from flameblue.corps.honours.models import Honour
from flameblue.corps.honours.selectors import honour_summary
from flameblue.corps.incidents.models import CaseReview, Incident, ReviewAction
from flameblue.corps.incidents.selectors import incident_counts
from flameblue.corps.readiness.models import ReadinessFinding


def test_a_year_of_incidents_by_type_and_county(demo):
    since = timezone.now() - dt.timedelta(days=366)
    for rows, low, high in (
        (Incident.objects.filter(called_at__gte=since), 3000, 4000),
        (Incident.objects.filter(called_at__year=2019), 2800, 3400),
    ):
        counts = incident_counts(rows)
        assert low <= counts.total <= high
        share = {k: n / counts.total for k, n in counts.by_kind.items()}
        assert 0.30 < share["fire"] < 0.40 and 0.35 < share["rescue"] < 0.45 and 0.20 < share["social"] < 0.30
        assert set(counts.by_county) == {"341602", "341621", "341622", "341623"}
        assert min(counts.by_county.values()) > 0.15 * counts.total
    assert Incident.objects.filter(stations__isnull=True).count() == 0


def test_the_recent_case_reviews_have_actions_in_every_state(demo):
    recent = CaseReview.objects.exclude(held_on__year=2019)
    assert recent.count() == 2
    actions = ReviewAction.objects.filter(review__in=recent)
    assert {a.status for a in actions} == {"open", "submitted", "closed"}
    assert actions.filter(status="open", escalation_level__gte=1).exists()


def test_the_seed_years_case_reviews_closed_their_actions(demo):
    reviews = CaseReview.objects.filter(held_on__year=2019).select_related("incident")
    assert {(r.incident.title, r.incident.called_at.date()) for r in reviews} == {
        ("谯城“3.22”深井救援", dt.date(2019, 3, 22)),
        ("特勤“7.15”煤气罐爆炸", dt.date(2019, 7, 15)),
    }
    assert all(r.lessons for r in reviews)
    actions = ReviewAction.objects.filter(review__in=reviews)
    assert actions.count() == 6 and {a.status for a in actions} == {"closed"}


def test_2019_honours_give_the_seed_sentence(demo):
    summary = honour_summary(year=2019)
    assert summary.sentence() == "5名同志荣立个人三等功，52名指战员受到总队级以上表彰"
    units = {unit for unit, _grade, _title in summary.collective}
    assert any("蒙城" in u for u in units) and any("利辛" in u for u in units)
    assert Honour.objects.filter(category="activity").exists()


def test_readiness_findings_in_every_state(demo):
    findings = ReadinessFinding.objects.all()
    assert {f.status for f in findings} == {"open", "submitted", "closed"}
    assert findings.filter(status="open", overdue_since__isnull=False, escalation_level__gte=1).exists()
    assert findings.filter(status="open", overdue_since__isnull=True).exists()
