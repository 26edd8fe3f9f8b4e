"""Property-based: any sequence of attempted moves keeps the hazard consistent. Every status is one of
the enum, a closed hazard accepts nothing, every successful move leaves exactly one transition row, and the
timeline is a connected chain ending in the current status."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flameblue.core.errors import DomainError
from flameblue.hazards import services
from flameblue.hazards.choices import OPEN_STATUSES, HazardSource, HazardStatus
from flameblue.hazards.models import Hazard
from tests.hazards.conftest import png
from tests.hazards.lifecycle_helpers import DAY

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]

MOVES = {
    "fix_on_spot": lambda h, p: services.hazard_fix_on_spot(hazard=h, by=p.qiaocheng, photos=[png()]),
    "confirm": lambda h, p: services.hazard_confirm(hazard=h, by=p.qiaocheng, grade="general",
                                                    responsible_party="单位", today=DAY),
    "confirm_start": lambda h, p: services.hazard_confirm(hazard=h, by=p.qiaocheng, grade="major",
                                                          responsible_party="单位", today=DAY, start=True),
    "start": lambda h, p: services.hazard_start(hazard=h, by=p.qiaocheng),
    "report_completion": lambda h, p: services.hazard_report_completion(hazard=h, by=p.unit_manager,
                                                                        photos=[png()], today=DAY),
    "recheck_pass": lambda h, p: services.hazard_recheck(hazard=h, by=p.qiaocheng, passed=True),
    "recheck_fail": lambda h, p: services.hazard_recheck(hazard=h, by=p.qiaocheng, passed=False, note="未改",
                                                         today=DAY),
    "withdraw": lambda h, p: services.hazard_withdraw(hazard=h, by=p.qiaocheng, reason="误报"),
    "dismiss": lambda h, p: services.hazard_dismiss(hazard=h, by=p.qiaocheng, reason="不属实"),
}  # fmt: skip


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moves=st.lists(st.sampled_from(sorted(MOVES)), min_size=1, max_size=8), tip=st.booleans())
def test_random_move_sequences_keep_the_hazard_consistent(units, people, moves, tip):
    hazard = services.hazard_report(
        by=people.qiaocheng,
        unit=units.school,
        description="随机",
        source=HazardSource.PUBLIC_TIP if tip else "supervision",
    )
    expected_rows = 1
    for move in moves:
        before = Hazard.objects.get(pk=hazard.pk)
        try:
            MOVES[move](before, people)
        except DomainError:
            after = Hazard.objects.get(pk=hazard.pk)
            assert (after.status, after.version) == (
                before.status,
                before.version,
            )  # refused: nothing changed
            continue
        finally:
            current = Hazard.objects.get(pk=hazard.pk)
            assert current.status in HazardStatus.values
        assert before.status in OPEN_STATUSES, f"{move} moved a hazard out of {before.status}"
        expected_rows += 2 if move == "confirm_start" else 1
        assert current.transitions.count() == expected_rows

    chain = list(Hazard.objects.get(pk=hazard.pk).transitions.values_list("from_status", "to_status"))
    assert chain[0] == ("", HazardStatus.FOUND)
    assert all(prev[1] == nxt[0] for prev, nxt in zip(chain, chain[1:], strict=False))
    assert chain[-1][1] == Hazard.objects.get(pk=hazard.pk).status
