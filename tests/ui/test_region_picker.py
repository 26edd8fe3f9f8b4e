"""The region picker searches on the server like the organization picker: a province user has 1,821 regions,
so list pages render only the chosen one and the rest come from ``core:lookup`` "region", in scope."""

from __future__ import annotations

import pytest
from django.urls import reverse

from flameblue.geo.models import Region
from flameblue.org.choices import OrgKind
from tests.factories import org, persona

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def province_officer(db):
    return persona("anhui", org("安徽省消防救援总队", OrgKind.DETACHMENT, "34"), "detachment_admin")


def _search(client, q: str) -> list[dict]:
    response = client.get(reverse("core:lookup", args=["region"]), {"q": q})
    assert response.status_code == 200
    return response.json()["results"]


def test_a_province_list_page_renders_only_the_chosen_region(client, province_officer):
    assert Region.objects.visible_to(province_officer).count() > 1000
    client.force_login(province_officer)
    html = client.get(reverse("hazards:hazard-list"), {"region": "341602"}).content.decode()
    select = html[html.index('name="region"') - 200 :]
    select = select[: select.index("</select>")]
    assert 'data-lookup-url="/lookup/region/"' in select
    assert select.count("<option") == 2  # the empty choice and 谯城区
    assert "341602 谯城区" in select


def test_regions_are_searched_by_name_or_code_prefix(client, province_officer):
    client.force_login(province_officer)
    assert {"value": "341602", "text": "341602 谯城区"} in _search(client, "谯城")
    assert all(row["value"].startswith("3416") for row in _search(client, "3416"))
    assert "3416" in [row["value"] for row in _search(client, "3416")]


def test_the_search_stays_inside_the_users_jurisdiction(client, people):
    client.force_login(people.qiaocheng)
    assert _search(client, "蒙城") == []
    assert all(row["value"].startswith("341602") for row in _search(client, ""))
    assert _search(client, "谯城")


def test_a_region_outside_scope_is_refused_by_the_filter(client, people):
    client.force_login(people.qiaocheng)
    response = client.get(reverse("hazards:hazard-list"), {"region": "341622"})  # 蒙城县
    assert response.status_code == 200
    assert response.context["filterset"].form.errors.get("region")
