from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.fixture
def org_seeded(db) -> None:
    """Only the org part of the demo set (organizations, people, accounts): quicker than every app's."""
    from flameblue.org.demo import seed

    seed()


@pytest.fixture
def seeded(db) -> str:
    """The whole demo set as `flameblue seed-demo` loads it (every app's hook); returns the output."""
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()
