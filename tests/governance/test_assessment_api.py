"""The assessment API: a department fills a manual item with evidence as multipart, a review without a reason
is refused with the message and saves nothing, and an entry lists its item scores."""

from __future__ import annotations

from decimal import Decimal

import pytest

from flameblue.governance.assessment import services as a
from flameblue.governance.models import AssessmentScheme
from tests.governance.conftest import scan

pytestmark = [pytest.mark.date_sensitive, pytest.mark.django_db]


@pytest.fixture
def assessment(frozen, orgs, gov):
    scheme = AssessmentScheme.objects.get(code="department")
    return a.assessment_open(
        by=None, organizer=orgs.qiaocheng_gov, scheme=scheme, year=2025, assessed=[orgs.qiaocheng_edu]
    )


def test_department_self_assesses_with_evidence_and_review_needs_a_reason(assessment, login, people, gov):
    entry = assessment.entries.get()
    score = entry.scores.get(item__code="A04")
    api = login(people.edu)
    url = f"/api/v1/assessment-scores/{score.pk}/self-assess/"
    refused = api.post(url, {"self_score": "8"})
    assert refused.status_code == 400 and "佐证材料" in refused.content.decode()
    done = api.post(url, {"self_score": "8", "note": "检查记录", "evidence": [scan(), scan("b.png")]})
    assert done.status_code == 200 and done.json()["self_score"] == "8.00"
    assert a.evidence_of(score).count() == 2
    listed = api.get(f"/api/v1/assessment-entries/{entry.pk}/").json()
    assert len(listed["scores"]) == entry.scores.count()

    for s in entry.scores.filter(a.HAND_SCORED).exclude(pk=score.pk):
        a.item_self_assess(by=None, score=s, self_score=s.item.weight, evidence=[scan()])
    a.entry_submit(by=None, entry=entry)
    office = login(gov.office)
    assert (
        office.post(
            f"/api/v1/assessments/{assessment.pk}/start-review/", {}, content_type="application/json"
        ).status_code
        == 200
    )
    review = office.post(
        f"/api/v1/assessment-scores/{score.pk}/review/", {"final_score": "6"}, content_type="application/json"
    )
    assert review.status_code == 400 and "理由" in review.content.decode()
    score.refresh_from_db()
    assert score.final_score is None and score.self_score == Decimal(8)
