"""Part A's fixtures: the detachment's offices and people (``chain``) and a published month (``published``)."""

import pytest

from tests.corps.staffing.world import make_chain, publish_month


@pytest.fixture
def chain(orgs, corps):
    return make_chain(orgs, corps)


@pytest.fixture
def published(orgs, corps):
    return publish_month(orgs, corps)
