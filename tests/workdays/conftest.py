import pytest

from flameblue.workdays import services


@pytest.fixture(autouse=True)
def _fresh_calendar_cache():
    """Each test's database rolls back; the per-process calendar cache must not outlive it."""
    services._cache.clear()
    yield
    services._cache.clear()
