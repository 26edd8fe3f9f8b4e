"""The hazard list's keyword search (``?q=``) finds a hazard by its description, its location or its unit's
name, case-insensitively, on SQLite and PostgreSQL alike (trigram indexes serve it on PostgreSQL); the
inspection list's ``?unit_name=`` likewise; both stay inside the user's jurisdiction."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from flameblue.hazards.models import Hazard
from flameblue.inspections.models import Checklist, Inspection

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

LIST = reverse("hazards:hazard-list")


def hazard(unit, description, location=""):
    return Hazard.objects.create(
        unit=unit, region_id=unit.region_id, industry_id=unit.industry_id, description=description,
        location=location, source="supervision", status="confirmed", found_at=timezone.now(),
    )  # fmt: skip


@pytest.fixture
def hazards(units):
    return [
        hazard(units.school, "灭火器压力不足", "一层大厅"),
        hazard(units.mall, "疏散通道堵塞", "B1 Storage"),
        hazard(units.hospital, "灭火器过期"),
    ]


def found(client, **query) -> set[str]:
    return {h.description for h in client.get(LIST, query).context["object_list"]}


def test_search_by_description_stays_in_jurisdiction(login, people, hazards):
    assert found(login(people.qiaocheng), q="灭火器") == {"灭火器压力不足"}
    assert found(login(people.detachment), q="灭火器") == {"灭火器压力不足", "灭火器过期"}


def test_search_by_location_ignores_case(login, people, hazards):
    assert found(login(people.qiaocheng), q="b1 storage") == {"疏散通道堵塞"}


def test_search_by_unit_name(login, people, hazards):
    assert found(login(people.detachment), q="万达") == {"疏散通道堵塞"}
    assert found(login(people.detachment), q="没有这个词") == set()


def test_inspection_list_filters_by_unit_name(login, people, units):
    checklist = Checklist.objects.first()
    for unit in (units.school, units.mall):
        Inspection.objects.create(
            unit=unit, region_id=unit.region_id, kind="supervision", checklist=checklist, status="submitted"
        )
    response = login(people.detachment).get(reverse("inspections:inspection-list"), {"unit_name": "万达"})
    assert [i.unit.name for i in response.context["object_list"]] == ["亳州万达广场"]


@pytest.mark.date_sensitive
def test_overdue_list_shows_longest_overdue_first(login, people, units):
    import datetime as dt

    today = timezone.localdate()
    for days, text in ((3, "三天前到期"), (30, "一个月前到期"), (-5, "还没到期")):
        Hazard.objects.filter(pk=hazard(units.school, text).pk).update(
            deadline=today - dt.timedelta(days=days)
        )
    Hazard.objects.filter(description="三天前到期").update(status="closed")
    hazard(units.school, "已销案的逾期")
    Hazard.objects.filter(description="已销案的逾期").update(
        status="closed", deadline=today - dt.timedelta(days=60)
    )
    response = login(people.qiaocheng).get(LIST, {"overdue": "yes"})
    assert [h.description for h in response.context["object_list"]] == ["一个月前到期"]
    Hazard.objects.filter(description="三天前到期").update(status="rectifying")
    response = login(people.qiaocheng).get(LIST, {"overdue": "yes"})
    assert [h.description for h in response.context["object_list"]] == ["一个月前到期", "三天前到期"]
