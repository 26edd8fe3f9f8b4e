"""The unit's page offers 开始检查 to those who may start an inspection of the unit, and only to them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.units.factories import make_unit

pytestmark = pytest.mark.sqlite


def test_a_brigade_inspector_starts_an_inspection_from_the_units_page(login, orgs, people):
    unit = make_unit(orgs.school, category="school")
    page = login(people.qiaocheng).get(reverse("units:unit-detail", kwargs={"pk": unit.pk})).content.decode()
    assert "开始检查" in page
    assert f"{reverse('inspections:inspection-new')}?unit={unit.pk}" in page


def test_a_reader_without_the_right_to_inspect_sees_no_start_button(login, orgs, people):
    unit = make_unit(orgs.school, category="school")
    response = login(people.city_leader).get(reverse("units:unit-detail", kwargs={"pk": unit.pk}))
    assert response.status_code == 200
    assert reverse("inspections:inspection-new") not in response.content.decode()
