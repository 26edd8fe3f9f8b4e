"""The Bozhou demo data set shows the supervision of the corps: activities of every kind used, findings in
every state (an overdue one among them, reported and closed ones with evidence), 三个必到 occasions, and a
cross-review of the 谯城 brigade's files whose sample the stored seed draws again, with answers and a finding
for the brigade."""

from __future__ import annotations

from flameblue.integrity.supervision import sampling
from flameblue.integrity.supervision.models import CrossReview, MustAttendOccasion, SupervisionFinding
from flameblue.integrity.supervision.services import evidence_of


def test_the_demo_has_findings_in_every_state_and_a_reproducible_cross_review(demo):
    statuses = set(SupervisionFinding.objects.values_list("status", flat=True))
    assert statuses == {"open", "rectifying", "overdue", "reported", "closed"}
    for finding in SupervisionFinding.objects.filter(status__in=["reported", "closed"]):
        assert evidence_of(finding).exists()
    assert MustAttendOccasion.objects.count() == 2  # 特勤站's incident, 蒙城站's problem

    review = CrossReview.objects.select_related("brigade").get()
    assert review.brigade.name == "谯城区消防救援大队" and review.items.exists()
    drawn = [(i.record_type, i.hazard_id or i.inspection_id) for i in review.items.all()]
    # Later demo apps may add records to the period, so the stored sample is checked against the population
    # and the seed's reproducibility on today's records (the exact re-draw is test_cross_review_sample's).
    population = set(
        sampling.population(brigade=review.brigade, start=review.period_start, end=review.period_end)
    )
    assert set(drawn) <= population
    args = dict(brigade=review.brigade, start=review.period_start, end=review.period_end, size=review.sample_size,
                seed=review.seed)  # fmt: skip
    assert sampling.draw(**args).keys == sampling.draw(**args).keys
    assert review.items.exclude(answers={}).count() == min(3, review.items.count())
    assert SupervisionFinding.objects.filter(review_item__review=review, responsible=review.brigade).exists()
