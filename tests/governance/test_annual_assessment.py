"""The annual assessment end to end in services: the city opens the county assessment, each county fills
its self-assessment with evidence (manual and veto items refuse to go without it), submits, the team
reviews item by item (a changed score needs a reason and is audited), and publishing ranks the counties and
grades them from the scheme's thresholds — a veto makes the grade 不合格 whatever the total."""

from __future__ import annotations

from decimal import Decimal

import pytest

from flameblue.core.errors import DomainError, OutOfScope
from flameblue.core.models import AuditEvent
from flameblue.governance.assessment import services as a
from flameblue.governance.assessment.models import Assessment, ItemScore
from flameblue.governance.models import AssessmentScheme
from tests.governance.conftest import scan

pytestmark = [pytest.mark.date_sensitive, pytest.mark.django_db]


@pytest.fixture
def counties(orgs, gov):
    return [orgs.qiaocheng_gov, orgs.mengcheng_gov]


@pytest.fixture
def scheme():
    return AssessmentScheme.objects.get(code="county-government")


@pytest.fixture
def assessment(frozen, orgs, counties, scheme):
    return a.assessment_open(by=None, organizer=orgs.city_gov, scheme=scheme, year=2025, assessed=counties)


def score_of(assessment, org, code) -> ItemScore:
    return ItemScore.objects.get(entry__assessment=assessment, entry__assessed=org, item__code=code)


def fill(assessment, org, manual_score=Decimal(4), by=None):
    entry = assessment.entries.get(assessed=org)
    for score in entry.scores.select_related("item").filter(a.HAND_SCORED):
        a.item_self_assess(
            by=by,
            score=score,
            self_score=min(manual_score, score.item.weight),
            note="见附件",
            evidence=[scan()],
        )
    a.entry_submit(by=by, entry=entry)


def test_opening_creates_a_score_row_per_item_and_computes_the_computed_ones(assessment, scheme):
    assert assessment.entries.count() == 2
    assert ItemScore.objects.filter(entry__assessment=assessment).count() == 2 * scheme.items.count()
    computed = ItemScore.objects.filter(
        entry__assessment=assessment, item__indicator="hazard_rectification_rate"
    )
    assert all(s.computed_detail["counted"] == 0 and s.computed_score == s.item.weight for s in computed)
    meetings = score_of(assessment, assessment.entries.first().assessed, "C02")  # no meeting held in 2025
    assert meetings.computed_detail["counted"] == 8 and meetings.computed_detail["met"] == 0
    assert meetings.computed_score == Decimal(0)  # 4 points, 0.5 per missing meeting


def test_the_assessed_must_be_the_schemes_kind_inside_the_organizers_region(frozen, orgs, gov, scheme):
    with pytest.raises(DomainError, match="不是该细则的考核对象"):
        a.assessment_open(
            by=None, organizer=orgs.city_gov, scheme=scheme, year=2025, assessed=[orgs.qiaocheng_edu]
        )
    with pytest.raises(DomainError, match="不在谯城区人民政府的辖区内"):
        a.assessment_open(
            by=None, organizer=orgs.qiaocheng_gov, scheme=scheme, year=2025, assessed=[orgs.mengcheng_gov]
        )
    with pytest.raises(OutOfScope):
        a.assessment_open(
            by=gov.qiaocheng_leader,
            organizer=orgs.city_gov,
            scheme=scheme,
            year=2025,
            assessed=[orgs.qiaocheng_gov],
        )
    assert not Assessment.objects.exists()


def test_a_manual_item_without_evidence_saves_nothing(assessment, orgs):
    score = score_of(assessment, orgs.qiaocheng_gov, "A07")
    with pytest.raises(DomainError, match="须上传佐证材料"):
        a.item_self_assess(by=None, score=score, self_score=Decimal(5))
    with pytest.raises(DomainError, match="0 到 5"):
        a.item_self_assess(by=None, score=score, self_score=Decimal(6), evidence=[scan()])
    score.refresh_from_db()
    assert score.self_score is None and not a.evidence_of(score).exists()


def test_a_veto_needs_evidence_and_a_reason(assessment, orgs):
    score = score_of(assessment, orgs.qiaocheng_gov, "A10")
    with pytest.raises(DomainError, match="理由"):
        a.item_self_assess(by=None, score=score, veto=True, evidence=[scan()])
    with pytest.raises(DomainError, match="佐证材料"):
        a.item_self_assess(by=None, score=score, veto=True, note="3月发生亡人火灾")
    assert a.item_self_assess(by=None, score=score, veto=True, note="3月发生亡人火灾", evidence=[scan()]).veto


def test_deduction_items_count_events_up_to_their_cap(assessment, orgs):
    score = score_of(assessment, orgs.qiaocheng_gov, "A09")  # 1 point per event, at most 5
    type(score.item).objects.filter(pk=score.item_id).update(scoring={})  # events reported, not counted
    assert a.item_self_assess(by=None, score=score, events=2).self_score == Decimal(3)
    assert a.item_self_assess(by=None, score=score, events=9).self_score == Decimal(0)


def test_submitting_needs_every_manual_item(assessment, orgs):
    entry = assessment.entries.get(assessed=orgs.qiaocheng_gov)
    with pytest.raises(DomainError, match="A07"):
        a.entry_submit(by=None, entry=entry)


def test_county_leader_fills_its_own_self_assessment_only(assessment, orgs, gov):
    own = score_of(assessment, orgs.qiaocheng_gov, "A07")
    a.item_self_assess(by=gov.qiaocheng_leader, score=own, self_score=Decimal(5), evidence=[scan()])
    with pytest.raises(OutOfScope):
        a.item_self_assess(
            by=gov.qiaocheng_leader,
            score=score_of(assessment, orgs.mengcheng_gov, "A07"),
            self_score=Decimal(5),
        )


def test_review_and_publish_rank_and_grade_with_a_veto_failing(assessment, orgs, gov, people):
    fill(assessment, orgs.qiaocheng_gov, Decimal(5))
    fill(assessment, orgs.mengcheng_gov, Decimal(5))
    with pytest.raises(OutOfScope):
        a.assessment_start_review(by=gov.qiaocheng_leader, assessment=assessment)
    a.assessment_start_review(by=people.city_leader, assessment=assessment)
    adjusted = score_of(assessment, orgs.qiaocheng_gov, "B04")
    with pytest.raises(DomainError, match="理由"):
        a.item_review(by=people.city_leader, score=adjusted, final_score=Decimal(2))
    a.item_review(by=people.city_leader, score=adjusted, final_score=Decimal(2), reason="专职队人员未配齐")
    event = (
        AuditEvent.objects.filter(object_type__icontains="itemscore", object_id=str(adjusted.pk))
        .order_by("id")
        .last()
    )
    assert event.changes["final_score"][1] == "2.00" and event.reason == "专职队人员未配齐"
    veto = score_of(assessment, orgs.mengcheng_gov, "A10")
    with pytest.raises(DomainError, match="佐证材料"):
        a.item_review(by=people.city_leader, score=veto, veto=True, reason="发生较大亡人火灾")
    a.item_review(by=people.city_leader, score=veto, veto=True, reason="发生较大亡人火灾", evidence=[scan()])
    for entry in assessment.entries.all():
        a.entry_review_complete(by=people.city_leader, entry=entry)
    a.assessment_publish(by=people.city_leader, assessment=assessment)
    assessment.refresh_from_db()
    assert assessment.status == "published"
    qiaocheng = assessment.entries.get(assessed=orgs.qiaocheng_gov)
    mengcheng = assessment.entries.get(assessed=orgs.mengcheng_gov)
    assert qiaocheng.total == mengcheng.total - 3  # B04: 5 → 2
    assert (qiaocheng.rank, mengcheng.rank) == (1, 2)
    assert mengcheng.vetoed and mengcheng.grade == "不合格"
    assert qiaocheng.grade == assessment.scheme.grade_for(float(qiaocheng.total))


def test_publishing_needs_every_review(assessment, orgs, people):
    fill(assessment, orgs.qiaocheng_gov)
    fill(assessment, orgs.mengcheng_gov)
    a.assessment_start_review(by=people.city_leader, assessment=assessment)
    with pytest.raises(DomainError, match="尚未完成审核"):
        a.assessment_publish(by=people.city_leader, assessment=assessment)


@pytest.fixture
def without_delisting_selector(monkeypatch):
    from flameblue.governance.assessment import indicators

    monkeypatch.delitem(indicators.COMPUTABLE, "listed_hazard_delisted_on_time")


def test_a_computed_item_not_computable_yet_is_scored_by_hand_with_evidence(
    without_delisting_selector, assessment, orgs
):
    score = score_of(assessment, orgs.qiaocheng_gov, "A03")  # 挂牌督办隐患按期销案 without its selector
    assert score.computed_score is None and "人工" in score.computed_detail["basis"]
    with pytest.raises(DomainError, match="佐证材料"):
        a.item_self_assess(by=None, score=score, self_score=Decimal(5))
    assert a.item_self_assess(by=None, score=score, self_score=Decimal(5), evidence=[scan()]).self_score == 5
    entry = assessment.entries.get(assessed=orgs.qiaocheng_gov)
    missing = str(pytest.raises(DomainError, a.entry_submit, by=None, entry=entry).value)
    assert "A07" in missing and "A03" not in missing  # A03 filled by hand; A05 is computed from records


def test_the_team_sends_an_entry_back_and_the_county_resubmits(
    assessment, orgs, gov, people, django_capture_on_commit_callbacks
):
    from flameblue.core.notify_models import Notification

    fill(assessment, orgs.qiaocheng_gov)
    fill(assessment, orgs.mengcheng_gov)
    a.assessment_start_review(by=people.city_leader, assessment=assessment)
    entry = assessment.entries.get(assessed=orgs.qiaocheng_gov)
    with pytest.raises(DomainError, match="理由"):
        a.entry_return(by=people.city_leader, entry=entry, reason=" ")
    with pytest.raises(OutOfScope):
        a.entry_return(by=gov.qiaocheng_leader, entry=entry, reason="自己退回自己")
    with django_capture_on_commit_callbacks(execute=True):
        returned = a.entry_return(by=people.city_leader, entry=entry, reason="B04 佐证材料不全")
    assert returned.status == "self_assessing"
    assert returned.transitions.order_by("-at", "-id").first().reason == "B04 佐证材料不全"
    assert Notification.objects.filter(recipient=gov.qiaocheng_leader, subject__contains="自评退回").exists()
    score = score_of(assessment, orgs.qiaocheng_gov, "B04")
    a.item_self_assess(by=gov.qiaocheng_leader, score=score, self_score=Decimal(3), evidence=[scan()])
    a.entry_submit(by=gov.qiaocheng_leader, entry=entry)
    a.entry_review_complete(by=people.city_leader, entry=entry)
    a.entry_review_complete(by=people.city_leader, entry=assessment.entries.get(assessed=orgs.mengcheng_gov))
    assert a.assessment_publish(by=people.city_leader, assessment=assessment).status == "published"
