"""Education bases of the four kinds with their visits: a visit before the base opened is refused; the
visitors are summed on the list and the page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from flameblue.core.errors import DomainError
from flameblue.outreach import services
from flameblue.outreach.choices import TermKind
from flameblue.outreach.models import Term
from tests.outreach.conftest import DAY, make_base

pytestmark = pytest.mark.django_db


def test_the_four_kinds_are_data():
    names = list(Term.objects.filter(kind=TermKind.BASE_KIND).values_list("name", flat=True))
    assert len(names) == 4 and "应急消防教育培训基地" in names


def test_visits_are_counted_and_none_before_opening(orgs, people, login):
    base = make_base(by=people.qiaocheng)
    services.visit_add(
        base=base, visited_on=DAY, visitors=45, group_name="亳州市第一中学", by=people.qiaocheng
    )
    services.visit_add(base=base, visited_on=DAY + dt.timedelta(days=3), visitors=30, by=people.grid)
    with pytest.raises(DomainError, match="早于基地开放日期"):
        services.visit_add(base=base, visited_on=DAY - dt.timedelta(days=1), visitors=5, by=people.qiaocheng)
    client = login(people.grid)
    assert "75" in client.get(reverse("outreach:base-list")).content.decode()
    assert 'id="visitors">75<' in client.get(reverse("outreach:base-detail", args=[base.pk])).content.decode()
