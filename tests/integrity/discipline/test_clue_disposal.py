"""The clue register (廉政问题线索): a clue moves along the disposal path of the rule file, each step gets its
deadline, an illegal move or a stale page is refused, and the sweep marks an overdue step once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from flameblue.core.errors import ConcurrencyError
from flameblue.core.models import Notification
from flameblue.core.workflow import IllegalTransition
from flameblue.integrity.discipline import services
from flameblue.integrity.discipline.models import Clue
from flameblue.integrity.discipline.sweep import sweep_clues
from tests.dates import frozen_on

pytestmark = [pytest.mark.date_sensitive, frozen_on(dt.date(2026, 5, 20))]


@pytest.fixture
def clue(people, integrity_world):
    return services.clue_register(
        by=integrity_world.discipline, source="letter", subject=people.qiaocheng.person,
        received_on=dt.date(2026, 5, 1), summary="反映其接受管理对象宴请",
    )  # fmt: skip


def test_a_registered_clue_is_numbered_and_must_be_disposed_within_fifteen_days(clue):
    assert clue.number == "LX2026-0001" and clue.status == "registered"
    assert clue.step_due_on == dt.date(2026, 5, 16) and clue.rules_version == "2026.1"
    assert list(clue.transitions.values_list("to_status", flat=True)) == ["registered"]


def test_each_disposal_step_gets_its_own_deadline_and_a_transition_row(clue, integrity_world):
    moved = services.clue_dispose(clue=clue, by=integrity_world.discipline, to="preliminary", reason="转初核")
    assert moved.status == "preliminary" and moved.step_due_on == dt.date(2026, 8, 18)
    filed = services.clue_dispose(clue=moved, by=integrity_world.discipline, to="filed", reason="初核属实")
    assert filed.step_due_on == dt.date(2026, 11, 16)
    done = services.clue_dispose(clue=filed, by=integrity_world.discipline, to="concluded", reason="审结")
    assert done.step_due_on is None
    assert list(done.transitions.order_by("at", "id").values_list("to_status", flat=True)) == [
        "registered", "preliminary", "filed", "concluded",
    ]  # fmt: skip


def test_a_move_the_table_does_not_allow_is_refused_naming_the_status(clue, integrity_world):
    with pytest.raises(IllegalTransition, match="待处置"):
        services.clue_dispose(clue=clue, by=integrity_world.discipline, to="concluded", reason="直接结案")
    with pytest.raises(ValidationError):
        services.clue_dispose(clue=clue, by=integrity_world.discipline, to="talk", reason=" ")


def test_a_stale_page_is_refused_naming_who_moved_it(clue, integrity_world):
    services.clue_dispose(
        clue=clue, by=integrity_world.discipline, to="talk", reason="谈话函询", expected_version=1
    )
    with pytest.raises(ConcurrencyError, match="zhidui_discipline"):
        services.clue_dispose(
            clue=clue, by=integrity_world.discipline, to="shelved", reason="暂存", expected_version=1
        )


def test_the_sweep_marks_an_overdue_step_once_and_tells_the_registrar(clue, integrity_world):
    first = sweep_clues(today=dt.date(2026, 5, 20))
    again = sweep_clues(today=dt.date(2026, 5, 21))
    clue.refresh_from_db()
    assert (first.flagged, again.flagged) == (1, 0)
    assert clue.overdue_since == dt.date(2026, 5, 17)
    assert (
        Notification.objects.filter(
            recipient=integrity_world.discipline, subject__contains=clue.number
        ).count()
        == 1
    )
    moved = services.clue_dispose(clue=clue, by=integrity_world.discipline, to="preliminary", reason="转初核")
    assert moved.overdue_since is None


def test_a_clue_about_someone_outside_the_officers_jurisdiction_is_refused(people, integrity_world):
    from flameblue.core.errors import OutOfScope

    with pytest.raises(OutOfScope):
        services.clue_register(
            by=integrity_world.mc_discipline, source="letter", subject=people.qiaocheng.person,
            received_on=dt.date(2026, 5, 1), summary="反映问题",
        )  # fmt: skip
    assert not Clue.objects.exists()
