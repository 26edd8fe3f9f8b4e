"""The corps sub-domains in the shared Bozhou demo: a year of incidents whose counts look like a city of
five million, the two seed case reviews with corrective actions in every state (the overdue one escalated),
2019's honours (5 third-class merits, 52 commended at 总队 level or above, Mengcheng and Lixin stations
honoured), readiness findings in every state."""

from __future__ import annotations

from flameblue.corps.honours.models import Honour
from flameblue.corps.honours.selectors import honour_summary
from flameblue.corps.incidents.models import CaseReview, Incident, ReviewAction
from flameblue.corps.incidents.selectors import incident_counts
from flameblue.corps.readiness.models import ReadinessFinding


def test_a_year_of_incidents_by_type_and_county(demo):
    counts = incident_counts(Incident.objects.all())
    assert 3000 <= counts.total <= 4000
    share = {k: n / counts.total for k, n in counts.by_kind.items()}
    assert 0.30 < share["fire"] < 0.40 and 0.35 < share["rescue"] < 0.45 and 0.20 < share["social"] < 0.30
    assert set(counts.by_county) == {"341602", "341621", "341622", "341623"}
    assert min(counts.by_county.values()) > 0.15 * counts.total
    assert Incident.objects.filter(stations__isnull=True).count() == 0


def test_the_seed_case_reviews_have_actions_in_every_state(demo):
    titles = set(CaseReview.objects.values_list("incident__title", flat=True))
    assert titles == {"谯城“3.22”深井救援", "特勤“7.15”煤气罐爆炸"}
    actions = ReviewAction.objects.all()
    assert {a.status for a in actions} == {"open", "submitted", "closed"}
    assert actions.filter(status="open", escalation_level__gte=1).exists()


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
