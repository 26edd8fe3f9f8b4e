"""The major-hazard determination record: the engine's suggestion kept beside the human conclusion, the
collective discussion, the expert panel and its two-thirds vote, and the hazard graded major."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.core.errors import DomainError, PermissionDeniedError
from flameblue.core.models import AuditEvent
from flameblue.hazards import determination_services as dets
from flameblue.hazards.models import HazardTransition
from tests.hazards.lifecycle_helpers import confirm, report
from tests.hazards.supervision_helpers import PARTICIPANTS, panel

pytestmark = pytest.mark.sqlite


@pytest.fixture
def hazard(units, people):
    return confirm(report(units.mall, people.qiaocheng), people.qiaocheng)


def _create(hazard, by, **kw):
    kw.setdefault("standard", "GB35181-2017")
    kw.setdefault("categories", ["crowded"])
    kw.setdefault("elements", ["7.3.1", "7.3.2", "7.5"])
    kw.setdefault("found_on", dt.date(2025, 6, 1))
    return dets.determination_create(hazard=hazard, by=by, **kw)


def _discussed(hazard, by, **kw):
    det = _create(hazard, by, **kw)
    return dets.determination_record_discussion(det=det, by=by, participants=PARTICIPANTS, minutes="讨论纪要")


def test_engine_suggestion_and_rule_set_version_are_stored_beside_the_inputs(hazard, people):
    det = _create(hazard, people.qiaocheng)
    assert det.engine_result["major"] is True
    assert det.engine_result["basis"] == "comprehensive"
    assert det.engine_result["rules"] == ["5.3.2a"]
    assert det.ruleset_version.startswith("GB35181-2017@")
    assert det.elements == ["7.3.1", "7.3.2", "7.5"]
    assert not any("2025-10-31" in w for w in det.engine_warnings)


def test_elements_corrected_on_the_spot_do_not_count(hazard, people):
    det = _create(hazard, people.qiaocheng, corrected_on_spot=["7.5"])
    assert det.engine_result["major"] is False
    assert det.engine_result["counted"] == ["7.3.1", "7.3.2"]


def test_using_2017_for_a_finding_after_2025_10_31_warns(hazard, people):
    det = _create(hazard, people.qiaocheng, found_on=dt.date(2025, 11, 3))
    assert any("2025-10-31" in w and "GB35181-2025" in w for w in det.engine_warnings)


def test_unknown_clause_is_refused_naming_the_field(hazard, people):
    with pytest.raises(DomainError) as exc:
        _create(hazard, people.qiaocheng, elements=["9.9"])
    assert exc.value.field == "elements"


def test_collective_discussion_needs_three_participants(hazard, people):
    det = _create(hazard, people.qiaocheng)
    with pytest.raises(DomainError, match="不得少于3人"):
        dets.determination_record_discussion(
            det=det, by=people.qiaocheng, participants=PARTICIPANTS[:2], minutes="纪要"
        )
    det = dets.determination_record_discussion(
        det=det, by=people.qiaocheng, participants=PARTICIPANTS, minutes="纪要"
    )
    assert len(det.discussion_participants) == 3 and det.discussion_at is not None


def test_panel_needs_seven_members(hazard, people):
    det = _create(hazard, people.qiaocheng)
    with pytest.raises(DomainError, match="不得少于7人"):
        dets.determination_record_panel(
            det=det, by=people.qiaocheng, members=panel(6), votes_for=6, votes_against=0
        )


def test_interested_party_is_refused_as_member_but_may_be_heard(hazard, people):
    det = _create(hazard, people.qiaocheng)
    with pytest.raises(DomainError, match="利害关系"):
        dets.determination_record_panel(
            det=det, by=people.qiaocheng, members=panel(7, interested=3), votes_for=7, votes_against=0
        )
    det = dets.determination_record_panel(
        det=det, by=people.qiaocheng, members=panel(7), votes_for=7, votes_against=0,
        heard=[{"name": "商场负责人", "organisation": "亳州万达广场"}],
    )  # fmt: skip
    assert det.expert_heard == [{"name": "商场负责人", "organisation": "亳州万达广场"}]
    assert "商场负责人" not in [m["name"] for m in det.expert_panel]


@pytest.mark.parametrize(
    ("members", "votes_for", "passed"), [(7, 5, True), (7, 4, False), (9, 6, True), (9, 5, False)]
)
def test_panel_passes_with_two_thirds_of_members_exactly_at_the_edge(
    hazard, people, members, votes_for, passed
):
    det = _create(hazard, people.qiaocheng)
    det = dets.determination_record_panel(
        det=det,
        by=people.qiaocheng,
        members=panel(members),
        votes_for=votes_for,
        votes_against=members - votes_for,
    )
    assert det.expert_passed is passed


def test_votes_cannot_exceed_members(hazard, people):
    det = _create(hazard, people.qiaocheng)
    with pytest.raises(DomainError, match="超过"):
        dets.determination_record_panel(
            det=det, by=people.qiaocheng, members=panel(7), votes_for=6, votes_against=2
        )


def test_conclusion_requires_the_collective_discussion(hazard, people):
    det = _create(hazard, people.qiaocheng)
    with pytest.raises(DomainError, match="集体讨论"):
        dets.determination_conclude(det=det, by=people.qiaocheng, is_major=True, conclusion="重大")


def test_conclusion_differing_from_the_suggestion_needs_a_reason(hazard, people):
    det = _discussed(hazard, people.qiaocheng)
    with pytest.raises(DomainError) as exc:
        dets.determination_conclude(det=det, by=people.qiaocheng, is_major=False, conclusion="不构成")
    assert exc.value.field == "reason"
    det = dets.determination_conclude(
        det=det, by=people.qiaocheng, is_major=False, conclusion="不构成", reason="疏散楼梯已于次日恢复"
    )
    assert det.is_major is False and det.engine_result["major"] is True
    assert det.deviation_reason == "疏散楼梯已于次日恢复"


def test_major_conclusion_grades_the_hazard_major_with_an_audit_event(hazard, people):
    transitions = HazardTransition.objects.filter(hazard=hazard).count()
    det = _discussed(hazard, people.qiaocheng)
    dets.determination_conclude(
        det=det, by=people.qiaocheng, is_major=True, conclusion="构成重大火灾隐患",
        proposed_measures="增设疏散楼梯", proposed_deadline=dt.date(2026, 6, 30),
    )  # fmt: skip
    hazard.refresh_from_db()
    assert hazard.grade == "major"
    assert HazardTransition.objects.filter(hazard=hazard).count() == transitions
    event = AuditEvent.objects.filter(
        object_type="hazards.hazard", object_id=str(hazard.pk), action="update"
    ).last()
    assert event.changes["grade"] == ["general", "major"]


def test_a_concluded_record_cannot_be_changed(hazard, people):
    det = _discussed(hazard, people.qiaocheng)
    dets.determination_conclude(det=det, by=people.qiaocheng, is_major=True, conclusion="构成")
    with pytest.raises(DomainError, match="已作出结论"):
        dets.determination_record_panel(
            det=det, by=people.qiaocheng, members=panel(7), votes_for=7, votes_against=0
        )


def test_a_government_leader_cannot_open_a_determination(hazard, people):
    with pytest.raises(PermissionDeniedError):
        _create(hazard, people.city_leader)
