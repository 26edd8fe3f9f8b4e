"""Declarations of close relatives' businesses (近亲属经商办企业): the conflict service matches a declared
enterprise against the unit registry (by USCC, else by name and township) and the fire-technical-service
rule, records the rule version, and the 双随机 draw never pairs the declarer with the matched unit."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.core.errors import OutOfScope, PermissionDeniedError
from flameblue.inspections.models import DrawAssignment
from flameblue.inspections.planning.conflicts import has_conflict
from flameblue.inspections.planning.draws import draw_create, draw_execute
from flameblue.integrity import services
from flameblue.integrity.policy import conflict_rule
from tests.dates import frozen_on
from tests.factories import persona

pytestmark = [pytest.mark.date_sensitive, frozen_on(dt.date(2026, 5, 20))]


def _declare(by, **fields):
    data = {"year": 2026, "relative_name": "李某", "relation": "spouse", "enterprise_name": "某公司"}
    return services.relative_business_declare(by=by, **{**data, **fields})


def test_a_business_with_a_registry_units_credit_code_is_a_conflict(people, integrity_world):
    shop = integrity_world.shop
    declaration = _declare(people.qiaocheng, enterprise_name="别名商行", uscc=shop.credit_code)

    assert declaration.matched_unit == shop and declaration.is_conflict
    assert declaration.rules_version == conflict_rule().version
    assert declaration.person == people.qiaocheng.person
    assert has_conflict(people.qiaocheng.person, shop, on=dt.date(2026, 6, 1))
    assert has_conflict(
        people.qiaocheng.person, shop, on=dt.date(2027, 6, 1)
    )  # until next year's declaration
    assert not has_conflict(people.qiaocheng.person, shop, on=dt.date(2028, 1, 2))
    assert not has_conflict(people.mengcheng.person, shop, on=dt.date(2026, 6, 1))


def test_without_a_credit_code_the_name_and_township_match(people, integrity_world):
    shop = integrity_world.shop
    assert _declare(people.qiaocheng, enterprise_name=shop.name, township=shop.region).matched_unit == shop
    elsewhere = _declare(people.qiaocheng, enterprise_name=shop.name)
    assert elsewhere.matched_unit is None and not elsewhere.is_conflict


def test_a_fire_technical_service_firm_is_a_conflict_without_a_unit(people, integrity_world):
    declaration = _declare(
        people.qiaocheng, enterprise_name="安达消防公司", business_scope="消防设施维护保养、检测"
    )
    assert declaration.fire_service_firm and declaration.matched_unit is None
    assert "消防技术服务" in declaration.conflict_reason


def test_officers_declare_for_themselves_and_only_discipline_officers_for_others(people, integrity_world):
    with pytest.raises(PermissionDeniedError):
        _declare(people.qiaocheng, person=people.mengcheng.person)
    with pytest.raises(OutOfScope):
        _declare(integrity_world.mc_discipline, person=people.qiaocheng.person)
    filed = _declare(integrity_world.discipline, person=people.mengcheng.person)
    assert filed.person == people.mengcheng.person and filed.organization.name == "蒙城县消防救援大队"


def test_the_next_draw_never_pairs_a_declarer_with_the_relatives_unit(orgs, people, integrity_world):
    shop = integrity_world.shop
    team = [
        people.qiaocheng,
        *(persona(f"qc{i}", orgs.qiaocheng_brigade, "brigade_inspector") for i in range(2)),
    ]
    _declare(people.qiaocheng, uscc=shop.credit_code)
    for n in range(8):
        draw = draw_create(
            brigade=orgs.qiaocheng_brigade, title="双随机", pool_filter={}, unit_count=1, inspectors_per_unit=2,
            inspector_pool=team, by=people.qiaocheng,
        )  # fmt: skip
        draw_execute(draw=draw, by=None, seed=f"s{n}")
        for assignment in DrawAssignment.objects.filter(draw=draw, unit=shop):
            assert people.qiaocheng.pk not in assignment.inspectors.values_list("pk", flat=True)
