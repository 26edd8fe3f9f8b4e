"""双随机 draws: recorded, reproducible from the seed, honouring declared conflicts, and published."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from flameblue.core.errors import ConcurrencyError, DomainError, PermissionDeniedError
from flameblue.core.workflow import IllegalTransition
from flameblue.inspections.models import DrawAssignment
from flameblue.inspections.planning.conflicts import conflict_declare
from flameblue.inspections.planning.draws import draw_create, draw_execute, draw_publish, draw_verify

pytestmark = pytest.mark.date_sensitive


def _draw(orgs, by, *, units=4, per_unit=2, pool=None, pool_filter=None):
    return draw_create(
        brigade=orgs.qiaocheng_brigade, title="2026年第一批双随机抽查", pool_filter=pool_filter or {},
        unit_count=units, inspectors_per_unit=per_unit, inspector_pool=pool, by=by,
    )  # fmt: skip


def _result(draw):
    return [(a.unit_id, sorted(i.pk for i in a.inspectors.all())) for a in draw.assignments.order_by("order")]


def test_the_pool_is_the_brigades_operating_units_matching_the_filter(orgs, people, many_units, brigade_team):
    draw = _draw(orgs, people.qiaocheng)
    assert draw.pool_size == 12
    assert many_units.outside.pk not in draw.pool_filter["unit_ids"]
    assert sorted(draw.inspector_pool) == sorted(u.pk for u in brigade_team)

    keys = _draw(
        orgs, people.qiaocheng, units=2, pool_filter={"key_units_only": True, "township": "341602001"}
    )
    expected = [u.pk for u in many_units.units if u.is_key_unit and u.region_id == "341602001"]
    assert keys.pool_filter["unit_ids"] == sorted(expected)


def test_same_seed_gives_the_same_result_and_verification_passes(orgs, people, many_units, brigade_team):
    first = draw_execute(draw=_draw(orgs, people.qiaocheng), by=people.qiaocheng, seed="seed-2026-01")
    second = draw_execute(draw=_draw(orgs, people.qiaocheng), by=people.qiaocheng, seed="seed-2026-01")
    other = draw_execute(draw=_draw(orgs, people.qiaocheng), by=people.qiaocheng, seed="seed-2026-02")

    assert _result(first) == _result(second)
    assert _result(first) != _result(other)
    assert len(_result(first)) == 4 and all(len(i) == 2 for _u, i in _result(first))
    assert draw_verify(first) and draw_verify(other)


def test_a_generated_seed_is_stored_and_reproduces_the_draw(orgs, people, many_units, brigade_team):
    draw = draw_execute(draw=_draw(orgs, people.qiaocheng), by=people.qiaocheng)
    assert len(draw.seed) == 32 and draw.status == "drawn"
    assert draw_verify(draw)


def test_changing_units_after_the_draw_does_not_break_verification(orgs, people, many_units, brigade_team):
    draw = draw_execute(draw=_draw(orgs, people.qiaocheng), by=people.qiaocheng, seed="fixed")
    for unit in many_units.units[:6]:
        unit.status = "closed"
        unit.is_key_unit = not unit.is_key_unit
        unit.save()
    conflict_declare(person=brigade_team[1].person, unit=many_units.units[7], reason="近亲属经营", by=None)

    assert draw_verify(draw)


def test_tampered_result_fails_verification(orgs, people, many_units, brigade_team):
    draw = draw_execute(draw=_draw(orgs, people.qiaocheng), by=people.qiaocheng, seed="fixed")
    assignment = draw.assignments.order_by("order").first()
    drawn = set(assignment.inspectors.values_list("pk", flat=True))
    outsider = next(u for u in brigade_team if u.pk not in drawn)
    assignment.inspectors.set([outsider, *list(drawn)[:1]])

    assert not draw_verify(draw)


def test_a_conflicted_inspector_is_never_drawn_for_that_unit(orgs, people, many_units, brigade_team):
    target = many_units.units[4]
    conflicted = brigade_team[2]
    conflict_declare(person=conflicted.person, unit=target, reason="配偶为该单位法定代表人", by=None)
    drawn_for_target = 0
    for n in range(60):
        draw = draw_execute(draw=_draw(orgs, people.qiaocheng, units=6, per_unit=3), by=None, seed=f"s{n}")
        for assignment in DrawAssignment.objects.filter(draw=draw, unit=target):
            drawn_for_target += 1
            assert conflicted.pk not in assignment.inspectors.values_list("pk", flat=True)
        assert draw_verify(draw)
    assert drawn_for_target > 10  # the unit was drawn often enough for the check to mean something


def test_too_few_eligible_inspectors_is_a_clear_error(orgs, people, many_units, brigade_team):
    pool = brigade_team[:2]
    for unit in many_units.units:
        conflict_declare(person=pool[0].person, unit=unit, reason="兼职", by=None)
    draw = _draw(orgs, people.qiaocheng, units=1, per_unit=2, pool=pool)

    with pytest.raises(DomainError, match="可抽取的检查人员只有 1 名"):
        draw_execute(draw=draw, by=people.qiaocheng, seed="x")
    draw.refresh_from_db()
    assert draw.status == "draft" and not draw.assignments.exists()


def test_bad_requests_name_the_field(orgs, people, many_units, brigade_team, orgs_mengcheng_inspector=None):
    with pytest.raises(ValidationError) as exc:
        _draw(orgs, people.qiaocheng, units=50, per_unit=9)
    assert "unit_count" in exc.value.message_dict and "inspectors_per_unit" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        _draw(orgs, people.qiaocheng, pool=[people.mengcheng])
    assert "inspector_pool" in exc.value.message_dict


def test_only_people_allowed_to_draw_may_draw_and_publish(orgs, people, many_units, brigade_team):
    with pytest.raises(PermissionDeniedError):
        _draw(orgs, people.grid)
    draw = draw_execute(draw=_draw(orgs, people.qiaocheng), by=people.qiaocheng, seed="p")
    with pytest.raises(PermissionDeniedError):
        draw_publish(draw=draw, by=people.city_leader)

    published = draw_publish(draw=draw, by=people.qiaocheng)
    assert published.status == "published" and published.published_at
    with pytest.raises(IllegalTransition, match="已公开"):  # a state error, not a stale page
        draw_execute(draw=published, by=people.qiaocheng)


def test_a_draw_changed_since_the_page_was_read_is_a_stale_edit_with_a_transition_row_per_move(
    orgs, people, many_units, brigade_team
):
    draw = _draw(orgs, people.qiaocheng)
    seen = draw.version
    drawn = draw_execute(draw=draw, by=people.qiaocheng, seed="s", expected_version=seen)
    with pytest.raises(ConcurrencyError, match="qiaocheng"):
        draw_publish(draw=drawn, by=people.qiaocheng, expected_version=seen)
    draw_publish(draw=drawn, by=people.qiaocheng, expected_version=drawn.version)
    moves = list(drawn.transitions.order_by("at", "id").values_list("from_status", "to_status"))
    assert moves == [("", "draft"), ("draft", "drawn"), ("drawn", "published")]
    assert drawn.transitions.order_by("at", "id")[1].data["seed"] == "s"
