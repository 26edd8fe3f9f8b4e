"""Unit maps: the detail page's pin with the units around it, and the map of the filtered list — both
drawn from a JSON endpoint that only ever returns units in the user's jurisdiction."""

from __future__ import annotations

import pytest
from django.urls import reverse

from flameblue.units.models import Unit
from flameblue.units.selectors import map_points
from tests.factories import org
from tests.units.factories import make_unit

pytestmark = pytest.mark.django_db

DATA = reverse("units:unit-map-data")


@pytest.fixture
def located(units):
    """The mall and school 1 km apart in 花戏楼街道, the hospital in 蒙城, and a far-off Qiaocheng shop."""
    Unit.objects.filter(pk=units.mall.pk).update(
        latitude="33.844000", longitude="115.779000", is_key_unit=True
    )
    Unit.objects.filter(pk=units.school.pk).update(latitude="33.850000", longitude="115.785000")
    Unit.objects.filter(pk=units.hospital.pk).update(latitude="33.260000", longitude="116.560000")
    far = make_unit(
        org("古井镇超市", "social_unit", "341602100", industry="commerce"),
        category="shop", latitude="33.990000", longitude="116.100000",
    )  # fmt: skip
    return {"far": far, **{name: getattr(units, name) for name in ("mall", "school", "hospital")}}


def _names(response) -> set[str]:
    return {p["name"] for p in response.json()["points"]}


def test_list_map_data_holds_only_units_in_scope_with_coordinates(login, people, located):
    Unit.objects.filter(pk=located["far"].pk).update(latitude=None)
    response = login(people.qiaocheng).get(DATA)
    assert response.status_code == 200
    assert _names(response) == {"亳州万达广场", "亳州市第一中学"}
    assert response.json()["total"] == 2
    assert _names(login(people.mengcheng).get(DATA)) == {"蒙城县人民医院"}


def test_list_map_data_follows_the_list_filters(login, people, located):
    client = login(people.detachment)
    assert _names(client.get(DATA, {"key_unit": "yes"})) == {"亳州万达广场"}
    assert _names(client.get(DATA, {"region": "341622"})) == {"蒙城县人民医院"}
    points = client.get(DATA, {"q": "万达"}).json()["points"]
    assert points == [
        {"id": located["mall"].pk, "name": "亳州万达广场", "lat": 33.844, "lng": 115.779, "key": True}
    ]


def test_map_points_are_capped_and_the_total_is_reported(located):
    points, total = map_points(Unit.objects.all(), limit=2)
    assert len(points) == 2 and total == 4


def test_pin_data_shows_neighbours_in_scope_but_not_far_ones(login, people, located):
    response = login(people.qiaocheng).get(DATA, {"around": located["mall"].pk})
    data = response.json()
    assert data["center"]["name"] == "亳州万达广场" and data["center"]["key"] is True
    assert _names(response) == {"亳州市第一中学"}  # the Guijing shop is ~40 km away


def test_pin_data_for_a_unit_out_of_scope_is_404(login, people, located):
    client = login(people.mengcheng)
    assert client.get(DATA, {"around": located["mall"].pk}).status_code == 404
    assert client.get(DATA, {"around": "x"}).status_code == 404


def test_unit_manager_sees_no_neighbours(login, people, located):
    data = login(people.unit_manager).get(DATA, {"around": located["school"].pk}).json()
    assert data["center"]["name"] == "亳州市第一中学" and data["points"] == []


def test_detail_page_draws_the_pin_only_with_coordinates(login, people, located, units):
    client = login(people.qiaocheng)
    body = client.get(reverse("units:unit-detail", args=[located["mall"].pk])).content.decode()
    assert 'data-lat="33.844000"' in body and 'data-lng="115.779000"' in body
    assert f"{DATA}?around={located['mall'].pk}" in body and "js/unit-map.js" in body
    assert "<script>" not in body  # CSP: no inline scripts
    Unit.objects.filter(pk=units.mall.pk).update(latitude=None, longitude=None)
    body = client.get(reverse("units:unit-detail", args=[units.mall.pk])).content.decode()
    assert "unit-map.js" not in body and "未登记坐标" in body


def test_map_page_passes_the_filters_to_the_points(login, people, located):
    response = login(people.qiaocheng).get(reverse("units:unit-map"), {"key_unit": "yes"})
    body = response.content.decode()
    assert response.status_code == 200
    assert f'data-points-url="{DATA}?key_unit=yes"' in body and "js/unit-map.js" in body
    table = login(people.qiaocheng).get(reverse("units:unit-list"), {"key_unit": "yes"}).content.decode()
    assert f"{reverse('units:unit-map')}?key_unit=yes" in table
