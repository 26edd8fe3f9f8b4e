import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_region_tree_shows_28_townships_for_qiaocheng(login, people):
    response = login(people.qiaocheng).get(reverse("geo:region-list"))
    assert response.status_code == 200
    [(root, children)] = response.context["tree"]
    assert root.code == "341602"
    assert len(children) == 28
    assert all(child.level == "township" for child in children)
    html = response.content.decode()
    assert "花戏楼街道" in html
    assert "蒙城县" not in html


def test_detachment_tree_starts_at_bozhou_with_its_four_counties(login, people):
    response = login(people.detachment).get(reverse("geo:region-list"))
    [(root, children)] = response.context["tree"]
    assert root.name == "亳州市"
    assert {c.name for c in children} == {"谯城区", "涡阳县", "蒙城县", "利辛县"}


def test_township_page_shows_breadcrumbs_children_and_its_organizations(login, people, orgs):
    response = login(people.qiaocheng).get(reverse("geo:region-detail", kwargs={"pk": "341602001"}))
    html = response.content.decode()
    assert response.status_code == 200
    assert reverse("geo:region-detail", kwargs={"pk": "341602"}) in html  # the district is a breadcrumb link
    assert "亳州市" in html  # above the jurisdiction: named, not linked
    assert reverse("geo:region-detail", kwargs={"pk": "3416"}) not in html
    assert orgs.school.name in html and orgs.huaxilou_gov.name in html
    assert orgs.mengcheng_hospital.name not in html


def test_county_page_lists_townships(login, people):
    response = login(people.mengcheng).get(reverse("geo:region-detail", kwargs={"pk": "341622"}))
    assert len(response.context["children"]) > 10
    assert all(c.code.startswith("341622") for c in response.context["children"])


def test_other_county_is_a_404_page(login, people):
    response = login(people.qiaocheng).get(reverse("geo:region-detail", kwargs={"pk": "341622"}))
    assert response.status_code == 404
    assert "不在您的管辖范围内" in response.content.decode()
