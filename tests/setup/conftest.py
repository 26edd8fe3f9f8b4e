from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.fixture
def seeded(db) -> str:
    """The Bozhou demo set, seeded once for the test; returns the command's output."""
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()
