"""The shared demo (``tests/demo_session.py``) is seen by the demo tests only, and each sees it as seeded.

Collection runs the demo tests first, so in a serial run (and on the xdist worker that runs the demo group)
the tests below that do not request ``demo`` run after it in the same process: they prove it was rolled back."""

from __future__ import annotations

import pytest

from flameblue.core.models import AuditEvent
from flameblue.org.models import Organization, User
from flameblue.units.models import Unit

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def _demo_rows() -> dict[str, bool]:
    return {
        "accounts": User.objects.filter(username="zhidui_admin").exists(),
        "organizations": Organization.objects.filter(name="亳州市消防救援支队").exists(),
        "units": Unit.objects.exists(),
        "import event": AuditEvent.objects.filter(actor_name="seed-demo").exists(),
    }


def test_a_demo_test_sees_the_demo_and_may_change_it(demo):
    assert all(_demo_rows().values())
    assert demo.seeds >= 1
    Unit.objects.filter(pk=Unit.objects.order_by("pk").first().pk).update(name="改名")
    User.objects.filter(username="zhidui_admin").update(username="renamed")


def test_the_next_demo_test_sees_the_demo_as_seeded(demo):
    assert all(_demo_rows().values())
    assert not Unit.objects.filter(name="改名").exists()


def test_a_test_without_the_fixture_sees_no_demo_rows():
    assert not any(_demo_rows().values())


def test_transactional_tests_see_no_demo_rows(transactional_db, django_db_serialized_rollback):
    # serialized_rollback as every other transactional test here: a flush without it re-creates the content
    # types under new ids, and the next serialized test on this worker could not restore its snapshot
    assert not any(_demo_rows().values())
