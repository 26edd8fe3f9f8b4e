import pytest

from tests.hazards.conftest import units  # noqa: F401  (the hazard tests' units: a 谯城 school and mall, a 蒙城 hospital)


@pytest.fixture(autouse=True)
def _no_series_from_another_test():
    """Series are per-scope summaries kept in the (per-process) cache: a test must not read another's."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
