"""The outreach lists do not grow their query count with their rows (pinned by comparing 2 and 6 rows)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from flameblue.geo.models import Region
from flameblue.outreach import services
from flameblue.outreach.choices import TermKind
from tests.outreach.conftest import DAY, make_base, make_material, make_session, term

pytestmark = pytest.mark.django_db


def _add(orgs, n: int) -> None:
    for i in range(n):
        make_session(orgs.qiaocheng_gov, title=f"培训{i}", head_count=10)
        material = make_material(orgs.qiaocheng_brigade, title=f"资料{i}")
        services.print_run_add(material=material, printed_on=DAY, copies=10, by=None)
        make_base(name=f"基地{i}")
        services.drive_create(by=None, data={
            "title": f"宣传{i}", "drive_type": term(TermKind.DRIVE_TYPE, "seven_in"),
            "target": term(TermKind.DRIVE_TARGET, "schools"), "held_on": DAY,
            "township": Region.objects.get(code="341602001"), "organiser": orgs.qiaocheng_brigade,
        })  # fmt: skip


def _queries(client, name: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse(f"outreach:{name}-list")).status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", ["session", "material", "base", "drive"])
def test_list_queries_do_not_grow_with_rows(name, orgs, people, login):
    client = login(people.qiaocheng)
    _add(orgs, 2)
    _queries(client, name)  # the first request of a session loads what later ones find cached
    few = _queries(client, name)
    _add(orgs, 4)
    assert _queries(client, name) == few
