"""The unit and hazard lists' 监管部门 filter searches on the server like the region picker: a province has
hundreds of supervising departments, so the page renders only the chosen one and the rest come from
``core:lookup`` "department" — departments only, inside the user's jurisdiction."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.units.factories import make_unit

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def _select(html: str, name: str) -> str:
    start = html.index(f'<select name="{name}"')
    return html[start : html.index("</select>", start)]


def _search(client, q: str) -> list[str]:
    response = client.get(reverse("core:lookup", args=["department"]), {"q": q})
    assert response.status_code == 200
    return [row["text"] for row in response.json()["results"]]


@pytest.mark.parametrize("url_name", ["units:unit-list", "hazards:hazard-list"])
def test_the_list_renders_only_the_chosen_department(client, people, orgs, url_name):
    client.force_login(people.detachment)
    empty = _select(client.get(reverse(url_name)).content.decode(), "department")
    assert 'data-lookup-url="/lookup/department/"' in empty
    assert empty.count("<option") == 1  # 全部部门 only, no list of every department
    chosen = client.get(reverse(url_name), {"department": orgs.qiaocheng_edu.pk}).content.decode()
    select = _select(chosen, "department")
    assert select.count("<option") == 2 and "谯城区教育局" in select and " selected" in select


def test_the_filter_keeps_the_units_the_department_supervises(client, people, orgs):
    school = make_unit(orgs.school, category="school")
    school.supervising_departments.add(orgs.qiaocheng_edu)
    other = make_unit(orgs.mall, category="shop")
    client.force_login(people.detachment)
    page = client.get(reverse("units:unit-list"), {"department": orgs.qiaocheng_edu.pk}).content.decode()
    assert school.name in page and other.name not in page


def test_the_search_offers_departments_in_the_users_jurisdiction_only(client, people):
    client.force_login(people.qiaocheng)
    found = _search(client, "教育局")
    assert any("谯城区教育局" in text for text in found)
    assert not any("蒙城县" in text for text in found)  # another county's department
    assert _search(client, "消防救援") == []  # brigades and stations are not departments
