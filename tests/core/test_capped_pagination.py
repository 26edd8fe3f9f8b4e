"""Large lists count cheaply: past the cap the list says "N+" instead of counting every row, and the true
last page is still one click away (``?page=last``, read backwards through the list's order)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from flameblue.core.pagination import CappedPaginator
from flameblue.units.models import Unit
from flameblue.units.views import UnitListView
from tests.units.factories import make_unit

pytestmark = [pytest.mark.django_db]

LIST = reverse("units:unit-list")


@pytest.fixture
def five_units(orgs):
    from flameblue.org.choices import OrgKind
    from tests.factories import org

    made = []
    for i in range(5):
        unit_org = org(f"测试单位{i}", OrgKind.SOCIAL_UNIT, "341602001", industry="commerce")
        made.append(make_unit(unit_org))
    return made


@pytest.fixture
def small_pages(monkeypatch):
    """Two rows a page and a count cap of three rows, so five units overflow the cap."""
    monkeypatch.setattr(UnitListView, "paginate_by", 2)
    monkeypatch.setattr(CappedPaginator, "cap", 3)


def test_count_below_the_cap_is_exact(login, people, five_units):
    response = login(people.qiaocheng).get(LIST)
    assert response.context["paginator"].count == 5
    assert "共 5 个单位" in response.content.decode()


def test_count_past_the_cap_is_shown_as_cap_plus(login, people, five_units, small_pages):
    response = login(people.qiaocheng).get(LIST)
    body = response.content.decode()
    assert "共 3+ 个单位" in body and "共 5 个单位" not in body
    assert 'data-testid="page-last"' in body and "page=last" in body
    assert [u.name for u in response.context["object_list"]] == ["测试单位0", "测试单位1"]


def test_last_page_shows_the_last_rows_in_list_order(login, people, five_units, small_pages):
    response = login(people.qiaocheng).get(LIST, {"page": "last"})
    assert response.status_code == 200
    assert [u.name for u in response.context["object_list"]] == ["测试单位3", "测试单位4"]
    body = response.content.decode()
    assert "末页" in body and 'data-testid="page-last"' not in body


def test_last_page_keeps_the_filter(login, people, five_units, small_pages):
    Unit.objects.filter(name__in=["测试单位0", "测试单位4"]).update(status="closed")
    response = login(people.qiaocheng).get(LIST, {"page": "last", "status": "operating"})
    # three operating units: within the cap, so ``last`` is the exact last page (page 2: the third unit)
    assert [u.name for u in response.context["object_list"]] == ["测试单位3"]
    assert response.context["page_obj"].number == 2 and "2 / 2" in response.content.decode()


def test_last_page_is_still_scoped(login, people, five_units, small_pages):
    response = login(people.mengcheng).get(LIST, {"page": "last"})
    assert response.status_code == 200 and list(response.context["object_list"]) == []
