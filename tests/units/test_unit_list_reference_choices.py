"""The unit list's place-type, risk-tag and industry choices are read once per process, and a change to those
tables shows at the next page view: saved through the ORM, or loaded in bulk by ``load-reference-data``."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from flameblue.core.reference_choices import reference_models_changed
from flameblue.org.models import Industry
from flameblue.units.models import PlaceType, RiskTag

pytestmark = pytest.mark.sqlite

REFERENCE_TABLES = ("units_placetype", "units_risktag", "org_industry")


def _get(client):
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("units:unit-list")).content.decode()
    # a choice list is the whole table in its order (the rows' own risk tags are read joined to the units)
    read = [
        t
        for t in REFERENCE_TABLES
        if any(f'FROM "{t}" ORDER BY' in q["sql"] for q in queries.captured_queries)
    ]
    return page, read


def test_the_second_view_reads_no_reference_table(login, people, units):
    client = login(people.detachment)
    first, read = _get(client)
    assert read == list(REFERENCE_TABLES)
    second, read = _get(client)
    assert read == []
    assert 'value="mall"' in second and second.count("<option") == first.count("<option")


def test_a_saved_place_type_shows_at_once(login, people, units):
    client = login(people.detachment)
    _get(client)
    PlaceType.objects.create(code="bench_test", name="冰雪乐园", sort_order=99)
    page, read = _get(client)
    assert "冰雪乐园" in page and read == ["units_placetype"]


def test_a_deleted_risk_tag_leaves_at_once(login, people, units):
    tag = RiskTag.objects.create(code="t_test", name="临时风险", group="其他", sort_order=99)
    client = login(people.detachment)
    assert "临时风险" in _get(client)[0]
    tag.delete()
    assert "临时风险" not in _get(client)[0]


def test_bulk_writes_show_after_reference_data_is_announced(login, people, units):
    client = login(people.detachment)
    _get(client)
    Industry.objects.bulk_create([Industry(code="ZZ_TEST", name="冰雪运动", sort_order=999)])
    assert "冰雪运动" not in _get(client)[0]  # a bulk write sends no signal …
    reference_models_changed(Industry)  # … so the loader announces it
    assert "冰雪运动" in _get(client)[0]


def test_each_language_has_its_own_list(login, people, units, settings):
    client = login(people.detachment)
    chinese, _ = _get(client)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english, read = _get(client)
    assert "全部场所类型" in chinese and "All place types" not in chinese
    assert "All place types" in english and "全部场所类型" not in english
    assert "units_placetype" in read  # the English list is its own
