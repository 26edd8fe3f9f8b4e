"""The unit and hazard maps draw exactly the user's units that have coordinates, at those coordinates, and
count the ones without coordinates beside the map instead of inventing points for them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.hazards.lifecycle_helpers import rectifying
from tests.units.factories import make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def mapped(orgs):
    return (
        make_unit(orgs.school, latitude="33.846500", longitude="115.779900"),
        make_unit(orgs.mall),  # no coordinates
        make_unit(orgs.mengcheng_hospital, latitude="33.265000", longitude="116.564000"),  # 蒙城县
    )


def test_the_unit_map_serves_exactly_the_scoped_units_with_coordinates(client, people, mapped):
    school, mall, hospital = mapped
    client.force_login(people.qiaocheng)
    data = client.get(reverse("units:unit-map-data")).json()

    assert [(p["id"], p["lat"], p["lng"]) for p in data["points"]] == [(school.pk, 33.8465, 115.7799)]
    assert data["total"] == 1 and data["unlocated"] == 1  # the mall, counted not drawn


def test_the_hazard_map_draws_hazards_at_their_units_and_counts_the_rest(client, people, mapped):
    school, mall, hospital = mapped
    on_school = rectifying(school, people.qiaocheng)
    rectifying(mall, people.qiaocheng)
    rectifying(hospital, people.mengcheng)
    client.force_login(people.qiaocheng)
    data = client.get(reverse("hazards:hazard-map-points")).json()

    assert [(p["id"], p["lat"], p["lng"]) for p in data["points"]] == [(on_school.pk, 33.8465, 115.7799)]
    assert data["unlocated"] == 1
