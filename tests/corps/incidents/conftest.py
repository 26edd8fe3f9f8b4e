import pytest

from tests.corps.subdomains import make_world


@pytest.fixture
def cw(orgs):
    return make_world(orgs)
