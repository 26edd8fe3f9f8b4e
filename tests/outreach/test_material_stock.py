"""Materials: print runs add to the stock, distributions take from it, and a distribution of more than is
in stock is refused with the stock left, saving nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.core.errors import DomainError
from flameblue.geo.models import Region
from flameblue.outreach import services
from flameblue.outreach.models import Distribution
from tests.outreach.conftest import DAY, make_material

pytestmark = pytest.mark.django_db


@pytest.fixture
def handbook(orgs, people):
    material = make_material(orgs.qiaocheng_brigade, people.qiaocheng)
    services.print_run_add(material=material, printed_on=DAY, copies=800, by=people.qiaocheng)
    services.print_run_add(material=material, printed_on=DAY, copies=200, by=people.qiaocheng)
    return material


def _give(material, by, copies, township="341602001"):
    return services.distribution_add(material=material, township=Region.objects.get(code=township), copies=copies,
                                     distributed_on=DAY + dt.timedelta(days=1), by=by)  # fmt: skip


def test_stock_left_is_printed_less_distributed(handbook, people):
    _give(handbook, people.qiaocheng, 600)
    _give(handbook, people.qiaocheng, 150, "341602100")
    stock = services.stock(handbook)
    assert (stock.printed, stock.distributed, stock.left) == (1000, 750, 250)


def test_distributing_more_than_in_stock_is_refused_with_the_stock_left(handbook, people):
    _give(handbook, people.qiaocheng, 900)
    with pytest.raises(DomainError) as refused:
        _give(handbook, people.qiaocheng, 101)
    assert refused.value.field == "copies"
    assert refused.value.message == "库存不足：《消防自查一本通》现有库存 100 份，不能发放 101 份。"
    assert Distribution.objects.count() == 1
    _give(handbook, people.qiaocheng, 100)
    assert services.stock(handbook).left == 0


def test_only_townships_of_the_organiser_and_positive_counts(handbook, people):
    with pytest.raises(DomainError, match="辖区内的乡镇"):
        _give(handbook, None, 10, "341622101")
    with pytest.raises(DomainError, match="大于 0"):
        _give(handbook, people.qiaocheng, 0)


def test_the_page_shows_the_refusal_next_to_the_copies(handbook, people, login):
    from django.urls import reverse

    client = login(people.qiaocheng)
    response = client.post(reverse("outreach:distribution-add", args=[handbook.pk]),
                           {"distributed_on": "2026-05-20", "township": "341602001", "copies": 5000})  # fmt: skip
    assert response.status_code == 400
    assert "库存不足" in response.content.decode()
    response = client.post(reverse("outreach:distribution-add", args=[handbook.pk]),
                           {"distributed_on": "2026-05-20", "township": "341602001", "copies": 50})  # fmt: skip
    assert response.status_code == 302
    assert (
        "库存 950 份" in client.get(reverse("outreach:material-detail", args=[handbook.pk])).content.decode()
    )
