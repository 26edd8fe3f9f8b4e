from tests.hazards.conftest import units  # noqa: F401  (the hazard tests' units: a 谯城 school and mall, a 蒙城 hospital)
