"""Test data of the dashboard tests: units on the persona organizations and hazards brought to a status
through the real services (tests/hazards/lifecycle_helpers.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.units.factories import make_unit


@pytest.fixture(name="units")
def units_fixture(orgs):
    return SimpleNamespace(
        school=make_unit(orgs.school, category="school", address="谯城区学府路1号"),
        mall=make_unit(orgs.mall, category="shop", address="谯城区万达广场"),
        hospital=make_unit(orgs.mengcheng_hospital, category="hospital"),
    )
