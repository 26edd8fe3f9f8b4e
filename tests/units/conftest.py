"""Units on the persona fixtures' social-unit organizations: a boarding school and a mall in 花戏楼街道
(谯城区) and a hospital in 蒙城县."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.units.factories import make_unit


@pytest.fixture
def units(orgs):
    return SimpleNamespace(
        school=make_unit(orgs.school, category="school", place_type_id="school", dormitory_beds=120),
        mall=make_unit(
            orgs.mall, category="shop", place_type_id="mall", building_area_m2=5000, sells_combustibles=True
        ),
        hospital=make_unit(
            orgs.mengcheng_hospital, category="hospital", place_type_id="medical", inpatient_beds=300
        ),
    )
