"""Unit input the key-unit rules cannot read (a negative area) is a field error on the page and in the API,
not a 500; a name that differs from an existing one only by invisible or compatibility characters (zero-width
space, right-to-left override, full-width letters) is the same name, and the normalised name is stored."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from flameblue.geo.models import Region
from flameblue.units import services
from flameblue.units.models import Unit

pytestmark = pytest.mark.django_db

URL = "/api/v1/units/"


def _township() -> Region:
    return Region.objects.get(pk="341602001")


def _api(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


@pytest.mark.parametrize("field", ["building_area_m2", "waiting_hall_area_m2"])
def test_api_refuses_a_negative_area_naming_the_field(people, field):
    data = {"name": "花戏楼网吧", "region": "341602001", "category": "entertainment", field: "-5"}
    response = _api(people.qiaocheng).post(URL, data, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Unit.objects.filter(name="花戏楼网吧").exists()


def test_api_refuses_a_negative_area_on_edit(people, units):
    response = _api(people.qiaocheng).patch(
        f"{URL}{units.mall.pk}/", {"building_area_m2": "-1", "version": units.mall.version}, format="json"
    )
    assert response.status_code == 400 and "building_area_m2" in response.json()


@pytest.mark.parametrize("field", ["building_area_m2", "waiting_hall_area_m2"])
def test_create_page_shows_a_negative_area_next_to_the_field(login, people, field):
    data = {"name": "花戏楼网吧", "region": "341602001", "category": "entertainment", "status": "operating",
            field: "-260"}  # fmt: skip
    response = login(people.qiaocheng).post(reverse("units:unit-create"), data)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not Unit.objects.filter(name="花戏楼网吧").exists()


@pytest.mark.parametrize(
    "disguised",
    [
        "亳州万达\u200b广场",  # zero-width space
        "\u202e亳州万达广场",  # right-to-left override
        "亳州万达广场\u2066",  # left-to-right isolate
        "\ufeff亳州万达广场",  # byte-order mark
        "亳州万达广场 ",
    ],
)
def test_invisible_characters_do_not_get_round_the_duplicate_name_check(people, units, disguised):
    with pytest.raises(services.ValidationError) as caught:
        services.unit_create(by=people.qiaocheng, data={"name": disguised, "region": _township()})
    assert "同名" in str(caught.value)


def test_full_width_letters_are_the_same_name(people):
    first = services.unit_create(
        by=people.qiaocheng, data={"name": "ＫＴＶ歌城(北店)", "region": _township()}
    )
    assert first.name == "KTV歌城（北店）"
    with pytest.raises(services.ValidationError):
        services.unit_create(by=people.qiaocheng, data={"name": "KTV歌城（北店）", "region": _township()})


def test_api_stores_the_normalised_name(people):
    response = _api(people.qiaocheng).post(
        URL, {"name": "花戏楼\u200d网吧", "region": "341602001", "category": "entertainment"}, format="json"
    )
    assert response.status_code == 201 and response.json()["name"] == "花戏楼网吧"
