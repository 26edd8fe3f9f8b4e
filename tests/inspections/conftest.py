"""Fixtures shared by the inspections tests: units and a 九小场所 shop for the inspection tests
(``inspection_fixtures.py``), and the planning, draw, conflict and compliance fixtures (``planning/fixtures.py``)."""

from tests.inspections.inspection_fixtures import small_shop, units  # noqa: F401
from tests.inspections.planning.fixtures import brigade_team, many_units, plan_units  # noqa: F401
