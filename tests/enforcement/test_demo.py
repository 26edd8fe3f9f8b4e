"""The enforcement demo seed on the persona org tree: the brigade's first officer becomes its leader, the
谯城区 brigade gets its three sealings (one lifted, one awaiting the lift check, one awaiting the decision),
pre-opening checks on both paths and two event checks; the 蒙城县 brigade one sealing; a second run changes
nothing."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from flameblue.core.scoping import in_region
from flameblue.enforcement import demo
from flameblue.enforcement.choices import PreOpeningStatus, SealingStatus
from flameblue.enforcement.models import EventCheck, PreOpeningCheck, Sealing
from flameblue.enforcement.selectors import due_list
from flameblue.org.models import Membership
from tests.dates import frozen_on

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


# Not on the module: the shared demo data set (the ``demo`` fixture below) is seeded by whichever demo test
# runs first in the process, and must be seeded on the session's day, not on a frozen one.
@frozen_on(dt.date(2026, 12, 4))
def test_demo_seeds_realistic_cases_once(people, units):
    created = demo.seed(io.StringIO())
    assert created["sealings"] == 4 and created["preopening"] == 6 and created["events"] == 4
    assert Membership.objects.filter(
        role__code="fire_leader", organization__name="谯城区消防救援大队"
    ).exists()
    qiaocheng = Sealing.objects.filter(in_region("341602"))
    assert sorted(qiaocheng.values_list("status", flat=True)) == sorted(
        [SealingStatus.LIFTED, SealingStatus.LIFT_REQUESTED, SealingStatus.PROPOSED]
    )
    assert all(s.late_steps == [] for s in Sealing.objects.all())
    assert PreOpeningCheck.objects.filter(status=PreOpeningStatus.LICENSED).count() == 2
    assert EventCheck.objects.count() == 4
    rows = due_list(people.qiaocheng, dt.date(2026, 12, 4))
    assert rows and not any(r.overdue for r in rows)
    assert demo.seed(io.StringIO()) == {}
    assert Sealing.objects.count() == 4


@pytest.fixture
def units(orgs):
    from tests.enforcement.conftest import make_units

    return make_units(orgs)


def test_the_bozhou_demo_has_enforcement_cases_decided_by_the_brigade_leader(demo):
    leader = Membership.objects.get(role__code="fire_leader", organization__name="谯城区消防救援大队")
    assert leader.title == "大队长"
    sealings = Sealing.objects.filter(in_region("341602"))
    assert sealings.filter(status=SealingStatus.LIFTED).exists()
    assert all(s.review.chaired_by.person == leader.person for s in sealings.exclude(status="proposed"))
    assert not Membership.objects.filter(
        role__code="fire_leader", person__user__username="woyang_fire"
    ).exists()
