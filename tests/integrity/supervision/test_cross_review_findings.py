"""Reviewers of a cross-review answer each checklist point of a drawn record beside the computed answer; a
problem becomes a finding of the brigade that owns the record, which that brigade's chain then sees and
rectifies. Reviewers from another brigade see the review through the activity's team only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from flameblue.core.errors import ConcurrencyError, OutOfScope
from flameblue.integrity.supervision import services
from flameblue.integrity.supervision.models import CrossReview, CrossReviewItem, SupervisionFinding
from tests.dates import frozen_on
from tests.integrity.supervision.conftest import make_hazard

pytestmark = [pytest.mark.date_sensitive, frozen_on(dt.date(2026, 4, 10))]


@pytest.fixture
def review(sv, orgs, people):
    for i in range(3):
        make_hazard(sv.school, orgs.qiaocheng_brigade, dt.date(2026, 3, 1 + i), deadline=dt.date(2026, 3, 20),
                    status="rectifying")  # fmt: skip
    activity = services.activity_create(
        by=None, organizer=orgs.detachment, kind="cross_review", title="网上交叉巡查", units=[],
        team=[people.mengcheng.person], starts_on=dt.date(2026, 4, 1), ends_on=dt.date(2026, 4, 30),
    )  # fmt: skip
    return services.cross_review_draw(by=sv.discipline, activity=activity, brigade=orgs.qiaocheng_brigade,
                                      period_start=dt.date(2026, 3, 1), period_end=dt.date(2026, 3, 31),
                                      sample_size=2, seed=11)  # fmt: skip


ANSWERS = {"deadline_met": False, "notice_in_time": True, "recheck_done": True, "evidence": True,
           "grade_proper": True}  # fmt: skip


def test_the_reviewer_of_another_brigade_answers_beside_the_computed_answers(review, people):
    item = review.items.first()
    assert item.computed["deadline_met"] is False and "grade_proper" not in item.computed

    answered = services.cross_review_answer(
        item=item, by=people.mengcheng, answers=ANSWERS, note="逾期未整改"
    )

    assert answered.answers == ANSWERS and answered.reviewed_by == people.mengcheng and answered.version == 2
    assert CrossReview.objects.visible_to(people.mengcheng).filter(pk=review.pk).exists()
    assert not CrossReview.objects.visible_to(people.qiaocheng).filter(pk=review.pk).exists()


def test_every_point_needs_an_answer_and_unknown_points_are_refused(review, people):
    item = review.items.first()
    with pytest.raises(ValidationError, match="每个巡查要点"):
        services.cross_review_answer(item=item, by=people.mengcheng, answers={"deadline_met": False})
    with pytest.raises(ValidationError, match="未知"):
        services.cross_review_answer(
            item=item, by=people.mengcheng, answers={**ANSWERS, "two_inspectors": True}
        )
    services.cross_review_answer(item=item, by=people.mengcheng, answers=ANSWERS)
    with pytest.raises(ConcurrencyError, match="mengcheng"):
        services.cross_review_answer(item=item, by=people.mengcheng, answers=ANSWERS, expected_version=1)


def test_a_problem_becomes_a_finding_of_the_owning_brigade_which_its_chain_rectifies(
    review, people, orgs, sv
):
    item = review.items.first()
    finding = services.cross_review_finding(item=item, by=people.mengcheng, description="隐患逾期未整改未督促",
                                            deadline=dt.date(2026, 4, 30))  # fmt: skip

    assert finding.responsible == orgs.qiaocheng_brigade and finding.review_item == item
    assert finding.activity == review.activity and finding.status == "open"
    assert SupervisionFinding.objects.visible_to(people.qiaocheng).filter(pk=finding.pk).exists()
    assert SupervisionFinding.objects.visible_to(sv.discipline).filter(pk=finding.pk).exists()
    services.finding_rectify(finding=finding, by=people.qiaocheng, text="已督促单位整改")


def test_someone_outside_the_team_and_the_detachment_cannot_review(review, people, sv):
    item = review.items.first()
    assert not CrossReviewItem.objects.visible_to(people.qiaocheng, "review").filter(pk=item.pk).exists()
    with pytest.raises(OutOfScope):
        services.cross_review_answer(item=item, by=people.qiaocheng, answers=ANSWERS)
    with pytest.raises(OutOfScope):
        services.cross_review_finding(
            item=item, by=sv.mc_discipline, description="问题", deadline=dt.date(2026, 4, 30)
        )
