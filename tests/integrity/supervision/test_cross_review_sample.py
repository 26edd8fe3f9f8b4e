"""The cross-review sample (消防执法网上交叉巡查): drawn from one brigade's inspections and hazards of the
period with a stored seed — the same seed, period and records draw the same sample; only that brigade's
records of that period are drawn; reviewers may not be of the reviewed brigade."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from flameblue.integrity.supervision import sampling, services
from flameblue.integrity.supervision.models import CrossReview
from tests.dates import frozen_on
from tests.integrity.supervision.conftest import make_hazard, make_inspection

pytestmark = [pytest.mark.date_sensitive, frozen_on(dt.date(2026, 4, 10))]

PERIOD = (dt.date(2026, 1, 1), dt.date(2026, 3, 31))


@pytest.fixture
def books(sv, orgs):
    """谯城 brigade's first quarter: 12 hazards and 8 inspections, plus records that must never be drawn."""
    brigade = orgs.qiaocheng_brigade
    for i in range(12):
        make_hazard(sv.mall if i % 2 else sv.school, brigade, dt.date(2026, 1, 5) + dt.timedelta(days=6 * i))
    for i in range(8):
        make_inspection(sv.school, brigade, dt.date(2026, 2, 1) + dt.timedelta(days=5 * i))
    outside = [
        make_hazard(sv.school, brigade, dt.date(2026, 4, 2)),  # after the period
        make_hazard(sv.meng, orgs.mengcheng_brigade, dt.date(2026, 2, 2)),  # another brigade
        make_inspection(sv.school, brigade, dt.date(2026, 2, 3), status="draft"),  # never submitted
    ]
    return outside


def _activity(sv, orgs, reviewer):
    return services.activity_create(
        by=None, organizer=orgs.detachment, kind="cross_review", title="一季度消防执法网上交叉巡查", units=[],
        team=[reviewer.person], starts_on=dt.date(2026, 4, 1), ends_on=dt.date(2026, 4, 30),
    )  # fmt: skip


def _draw(sv, orgs, people, seed, size=6):
    return services.cross_review_draw(
        by=None, activity=_activity(sv, orgs, people.mengcheng), brigade=orgs.qiaocheng_brigade,
        period_start=PERIOD[0], period_end=PERIOD[1], sample_size=size, seed=seed,
    )  # fmt: skip


def _keys(review: CrossReview):
    return [(i.record_type, i.hazard_id or i.inspection_id) for i in review.items.order_by("position")]


def test_a_cross_review_sample_drawn_twice_with_the_same_seed_is_identical(sv, orgs, people, books):
    first = _draw(sv, orgs, people, seed=20260401)
    second = _draw(sv, orgs, people, seed=20260401)

    assert len(_keys(first)) == 6 and _keys(first) == _keys(second)
    assert first.seed == second.seed == 20260401 and first.population == 20
    again = sampling.draw(
        brigade=orgs.qiaocheng_brigade, start=PERIOD[0], end=PERIOD[1], size=6, seed=first.seed
    )
    assert list(again.keys) == _keys(first)


def test_another_seed_draws_another_sample(sv, orgs, people, books):
    assert _keys(_draw(sv, orgs, people, seed=1)) != _keys(_draw(sv, orgs, people, seed=2))


def test_only_the_brigades_submitted_records_of_the_period_are_drawn(sv, orgs, people, books):
    review = _draw(sv, orgs, people, seed=7, size=50)
    drawn = set(_keys(review))
    assert len(drawn) == 20 == review.population
    for record in books:
        kind = "hazard" if record._meta.model_name == "hazard" else "inspection"
        assert (kind, record.pk) not in drawn


def test_without_a_seed_a_random_one_is_drawn_and_kept(sv, orgs, people, books):
    review = services.cross_review_draw(
        by=None, activity=_activity(sv, orgs, people.mengcheng), brigade=orgs.qiaocheng_brigade,
        period_start=PERIOD[0], period_end=PERIOD[1], sample_size=5,
    )  # fmt: skip
    again = sampling.draw(
        brigade=orgs.qiaocheng_brigade, start=PERIOD[0], end=PERIOD[1], size=5, seed=review.seed
    )
    assert list(again.keys) == _keys(review)


def test_a_brigade_does_not_review_its_own_files_and_a_review_is_drawn_once(sv, orgs, people, books):
    own = _activity(sv, orgs, people.qiaocheng)
    with pytest.raises(ValidationError, match="本大队人员"):
        services.cross_review_draw(by=None, activity=own, brigade=orgs.qiaocheng_brigade, period_start=PERIOD[0],
                                   period_end=PERIOD[1], sample_size=5, seed=1)  # fmt: skip
    review = _draw(sv, orgs, people, seed=3)
    with pytest.raises(ValidationError, match="已经抽取"):
        services.cross_review_draw(by=None, activity=review.activity, brigade=orgs.qiaocheng_brigade,
                                   period_start=PERIOD[0], period_end=PERIOD[1], sample_size=5, seed=3)  # fmt: skip
    with pytest.raises(ValidationError, match="交叉巡查"):
        services.cross_review_draw(by=None, activity=sv.activity, brigade=orgs.qiaocheng_brigade,
                                   period_start=PERIOD[0], period_end=PERIOD[1], sample_size=5, seed=3)  # fmt: skip
