"""The unit pages as people use them: lists limited to their jurisdiction, filters, the detail page with
history and masked personal data, edits with stale-version messages, key-unit decisions, declarations."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from stdnum.cn import uscc

from flameblue.units import services
from flameblue.units.models import KeyUnitDeclaration, Unit
from tests.factories import PersonFactory, make_id_number

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]

LIST = reverse("units:unit-list")


def names(response) -> set[str]:
    return {unit.name for unit in response.context["object_list"]}


def test_edu_supervisor_sees_schools_not_malls(login, people, units):
    Unit.objects.filter(pk=units.school.pk).update(industry_id="education")
    assert names(login(people.edu).get(LIST)) == {"亳州市第一中学"}


def test_unit_manager_sees_only_own_unit(login, people, units):
    assert names(login(people.unit_manager).get(LIST)) == {"亳州市第一中学"}


def test_county_inspector_sees_own_county(login, people, units):
    assert names(login(people.mengcheng).get(LIST)) == {"蒙城县人民医院"}
    assert names(login(people.qiaocheng).get(LIST)) == {"亳州市第一中学", "亳州万达广场"}


def test_mengcheng_inspector_gets_404_on_a_qiaocheng_unit(login, people, units):
    client = login(people.mengcheng)
    assert client.get(reverse("units:unit-detail", args=[units.mall.pk])).status_code == 404
    assert client.get(reverse("units:unit-update", args=[units.mall.pk])).status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=万达", {"亳州万达广场"}),
        ("region=341622", {"蒙城县人民医院"}),
        ("region=341602001", {"亳州市第一中学", "亳州万达广场"}),
        ("place_type=medical", {"蒙城县人民医院"}),
        ("category=school", {"亳州市第一中学"}),
        ("risk_tag=crowded", {"亳州万达广场"}),
        ("key_unit=yes", {"蒙城县人民医院"}),
        ("key_unit=review", {"亳州万达广场"}),
        ("status=closed", set()),
    ],
)
def test_list_filters(login, people, units, query, expected):
    units.mall.risk_tags.add("crowded")
    Unit.objects.filter(pk=units.hospital.pk).update(is_key_unit=True)
    Unit.objects.filter(pk=units.mall.pk).update(key_unit_needs_review=True)
    assert names(login(people.detachment).get(f"{LIST}?{query}")) == expected


def test_htmx_request_gets_only_the_table(login, people, units):
    response = login(people.qiaocheng).get(LIST, {"q": "万达"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert 'id="unit-table"' in body and "<html" not in body and "亳州万达广场" in body


def test_detail_shows_masked_people_rules_and_history(login, people, units, orgs):
    person = PersonFactory(organization=orgs.mall, name="张经理", phone="13912345678")
    person.id_number = make_id_number(7)
    person.save()
    services.unit_update(
        units.mall, by=people.qiaocheng, data={"responsible_person": person, "address": "魏武大道 1 号"}
    )
    services.key_unit_confirm(Unit.objects.get(pk=units.mall.pk), by=people.qiaocheng)
    body = login(people.qiaocheng).get(reverse("units:unit-detail", args=[units.mall.pk])).content.decode()
    assert "张经理" in body and "139****5678" in body and "13912345678" not in body
    assert make_id_number(7) not in body and "341602********" in body
    assert "N-SHOP-1000" in body and "anhui@2026.1+national-2001@2001.2" in body
    assert "魏武大道 1 号" in body  # the history's field change


def test_detail_shows_a_map_link_only_with_coordinates(login, people, units):
    client = login(people.qiaocheng)
    url = reverse("units:unit-detail", args=[units.mall.pk])
    assert "uri.amap.com" not in client.get(url).content.decode()
    Unit.objects.filter(pk=units.mall.pk).update(latitude="33.844000", longitude="115.779000")
    assert "115.779000,33.844000" in client.get(url).content.decode()


def _form_data(unit: Unit, **changes) -> dict:
    data = {
        "name": unit.name, "region": unit.region_id, "category": unit.category, "status": unit.status,
        "credit_code": unit.credit_code, "address": unit.address, "version": unit.version,
        "building_area_m2": unit.building_area_m2 or "", "sells_combustibles": "on" if unit.sells_combustibles else "",
        "heritage_level": "", "admin_level": "",
    }  # fmt: skip
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


def test_stale_edit_shows_who_changed_it_and_keeps_the_input(login, people, units):
    services.unit_update(units.mall, by=people.detachment, data={"address": "别人改的"})
    client = login(people.qiaocheng)
    response = client.post(
        reverse("units:unit-update", args=[units.mall.pk]), _form_data(units.mall, address="我的修改")
    )
    body = response.content.decode()
    assert response.status_code == 409 and "zhidui" in body and "刷新" in body and "我的修改" in body
    assert Unit.objects.get(pk=units.mall.pk).address == "别人改的"


def test_wrong_check_character_is_shown_next_to_the_field(login, people, units):
    body17 = "91341600MA2N0XY71"
    wrong = body17 + ("0" if uscc.calc_check_digit(body17) != "0" else "1")
    client = login(people.qiaocheng)
    response = client.post(
        reverse("units:unit-update", args=[units.mall.pk]), _form_data(units.mall, credit_code=wrong)
    )
    assert response.status_code == 400
    assert "校验位" in str(response.context["form"].errors["credit_code"])


def test_create_page_registers_a_unit(login, people):
    client = login(people.qiaocheng)
    data = {"name": "花戏楼网吧", "region": "341602001", "category": "entertainment", "status": "operating",
            "building_area_m2": "260"}  # fmt: skip
    response = client.post(reverse("units:unit-create"), data)
    unit = Unit.objects.get(name="花戏楼网吧")
    assert response.status_code == 302 and response["Location"] == reverse(
        "units:unit-detail", args=[unit.pk]
    )
    assert unit.key_unit_suggested_rules == ["N-ENTERTAINMENT-200"]


def test_create_page_offers_only_townships_in_the_county(login, people):
    form = login(people.mengcheng).get(reverse("units:unit-create")).context["form"]
    codes = set(form.fields["region"].queryset.values_list("code", flat=True))
    assert codes and all(code.startswith("341622") and len(code) == 9 for code in codes)


def test_key_decision_reject_without_reason_keeps_the_page(login, people, units):
    client = login(people.qiaocheng)
    url = reverse("units:unit-key-decision", args=[units.mall.pk])
    response = client.post(url, {"decision": "reject", "reason": "", "version": units.mall.version})
    assert response.status_code == 400 and "理由" in response.content.decode()
    response = client.post(url, {"decision": "reject", "reason": "已转为仓储", "version": units.mall.version})
    assert response.status_code == 302
    assert Unit.objects.get(pk=units.mall.pk).key_unit_decision == "rejected"


def test_unit_manager_declares_and_brigade_sees_it(login, people, units):
    services.key_unit_confirm(units.school, by=people.qiaocheng)
    services.key_unit_confirm(Unit.objects.get(pk=units.mall.pk), by=people.qiaocheng)
    year = timezone.localdate().year
    client = login(people.unit_manager)
    response = client.post(
        reverse("units:declaration-create", args=[units.school.pk]), {"year": year, "changes": ""}
    )
    assert response.status_code == 302
    assert KeyUnitDeclaration.objects.get(unit=units.school, year=year).declared_by == people.unit_manager
    context = login(people.qiaocheng).get(reverse("units:declaration-list"), {"year": year}).context
    assert [u.name for u in context["outstanding"]] == ["亳州万达广场"]
    assert [d.unit.name for d in context["object_list"]] == ["亳州市第一中学"]


def test_list_query_count_does_not_grow_with_the_page(login, people, units):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import org
    from tests.units.factories import make_unit

    client = login(people.qiaocheng)
    client.get(LIST)  # warm caches (sessions, content types)
    with CaptureQueriesContext(connection) as few:
        client.get(LIST)
    for i in range(30):
        unit = make_unit(
            org(f"测试超市{i}", "social_unit", "341602001", industry="commerce"), category="shop"
        )
        unit.risk_tags.add("crowded", "small_place")
    with CaptureQueriesContext(connection) as many:
        response = client.get(LIST)
    assert len(response.context["object_list"]) == 32
    assert len(many) == len(few) <= 16
