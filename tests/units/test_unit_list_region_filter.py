"""``/units/?region=`` filters the unit list by the region's subtree (the list's one filter definition)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.units.factories import make_unit

pytestmark = pytest.mark.sqlite


@pytest.fixture
def two_counties(orgs):
    return make_unit(orgs.school, category="school"), make_unit(orgs.mengcheng_hospital, category="hospital")


def _names(client, region: str) -> str:
    return client.get(reverse("units:unit-list"), {"region": region}).content.decode()


def test_a_county_code_shows_only_that_countys_units(login, people, two_counties):
    school, hospital = two_counties
    client = login(people.detachment)
    page = _names(client, "341622")
    assert hospital.name in page and school.name not in page
    page = _names(client, "341602")
    assert school.name in page and hospital.name not in page


def test_a_region_outside_the_users_scope_is_not_ignored(login, people, two_counties):
    school, _ = two_counties
    page = _names(login(people.qiaocheng), "341622")
    assert school.name not in page  # 蒙城县 holds none of 谯城区's units


def test_a_parent_region_keeps_the_users_units_and_shows_it_chosen(login, people, two_counties):
    school, hospital = two_counties
    page = _names(login(people.qiaocheng), "3416")
    assert school.name in page and hospital.name not in page
    assert '<option value="3416" selected>' in page


def test_an_unknown_region_code_shows_nothing_instead_of_everything(login, people, two_counties):
    school, _ = two_counties
    page = _names(login(people.qiaocheng), "999999")
    assert school.name not in page
