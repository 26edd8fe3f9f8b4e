"""Registering and editing units: the organization comes along, credit codes are checked, stale edits are
refused, and attribute changes make the key-unit rules run again."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from stdnum.cn import uscc

from flameblue.core.errors import ConcurrencyError, DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.models import AuditEvent
from flameblue.org.models import Organization
from flameblue.units import services
from flameblue.units.models import Unit

pytestmark = pytest.mark.django_db

CODE_BODY = "91341600MA2N0XY71"
VALID_CODE = CODE_BODY + uscc.calc_check_digit(CODE_BODY)


def _wrong_check(code: str) -> str:
    return code[:17] + ("0" if code[17] != "0" else "1")


def _create(user, **data):
    base = {"name": "亳州国际大酒店", "region": "341602001", "category": "hotel", "guest_rooms": 80}
    base.update(data)
    from flameblue.geo.models import Region

    base["region"] = Region.objects.get(code=base["region"])
    return services.unit_create(by=user, data=base)


def test_create_makes_the_social_unit_organization(people):
    unit = _create(people.qiaocheng, credit_code=VALID_CODE.lower(), address="花戏楼街道某路 1 号")
    org = unit.organization
    assert (org.kind, org.name, org.region_id, org.credit_code) == (
        "social_unit", "亳州国际大酒店", "341602001", VALID_CODE,
    )  # fmt: skip
    assert unit.credit_code == VALID_CODE
    assert unit.key_unit_suggested is True and unit.key_unit_suggested_rules == ["N-HOTEL-50"]
    assert unit.key_unit_needs_review is True and unit.is_key_unit is False
    assert AuditEvent.objects.filter(
        object_type="units.unit", object_id=str(unit.pk), action="create"
    ).exists()


def test_create_links_an_existing_social_unit_organization_without_a_unit(people, orgs):
    unit = _create(people.qiaocheng, name="亳州市第一中学", category="school", guest_rooms=None)
    assert unit.organization == orgs.school


def test_wrong_check_character_is_explained(people):
    with pytest.raises(ValidationError) as info:
        _create(people.qiaocheng, credit_code=_wrong_check(VALID_CODE))
    message = info.value.message_dict["credit_code"][0]
    assert "校验位" in message and f"“{VALID_CODE[17]}”" in message
    assert not Organization.objects.filter(name="亳州国际大酒店").exists()


def test_short_credit_code_says_its_length(people):
    with pytest.raises(ValidationError) as info:
        _create(people.qiaocheng, credit_code="91341600MA2N")
    assert "18 位" in info.value.message_dict["credit_code"][0]


def test_credit_code_is_unique_when_present(people):
    _create(people.qiaocheng, credit_code=VALID_CODE)
    with pytest.raises(ValidationError) as info:
        _create(people.qiaocheng, name="另一家酒店", credit_code=VALID_CODE)
    assert "已登记" in info.value.message_dict["credit_code"][0]
    _create(people.qiaocheng, name="无代码小店甲", category="shop", guest_rooms=None)
    _create(people.qiaocheng, name="无代码小店乙", category="shop", guest_rooms=None)


def test_duplicate_name_in_township_is_refused(people):
    _create(people.qiaocheng)
    with pytest.raises(ValidationError) as info:
        _create(people.qiaocheng)
    assert "同名" in info.value.message_dict["name"][0]


def test_inspector_cannot_register_a_unit_outside_the_county(people):
    with pytest.raises(OutOfScope):
        _create(people.mengcheng)
    assert not Unit.objects.filter(name="亳州国际大酒店").exists()
    assert not Organization.objects.filter(name="亳州国际大酒店").exists()


def test_department_supervisor_may_not_register(people):
    with pytest.raises(PermissionDeniedError):
        _create(people.edu)


def test_stale_update_is_refused_with_who_and_when(people, units):
    services.unit_update(units.mall, by=people.qiaocheng, data={"address": "新地址"}, expected_version=1)
    with pytest.raises(ConcurrencyError) as info:
        services.unit_update(units.mall, by=people.detachment, data={"address": "旧页面"}, expected_version=1)
    assert "qiaocheng" in info.value.message and "刷新" in info.value.message
    assert Unit.objects.get(pk=units.mall.pk).address == "新地址"


def test_update_keeps_the_organization_in_step(people, units):
    services.unit_update(units.mall, by=people.qiaocheng, data={"name": "亳州万达广场（新）"})
    units.mall.organization.refresh_from_db()
    assert units.mall.organization.name == "亳州万达广场（新）"


def test_attribute_change_flags_a_key_unit_for_review(people, units):
    hotel = _create(people.qiaocheng)
    services.key_unit_confirm(hotel, by=people.qiaocheng)
    hotel = services.unit_update(Unit.objects.get(pk=hotel.pk), by=people.qiaocheng, data={"address": "x"})
    assert hotel.key_unit_needs_review is False
    hotel = services.unit_update(hotel, by=people.qiaocheng, data={"guest_rooms": 20})
    assert hotel.is_key_unit is True
    assert hotel.key_unit_needs_review is True and hotel.key_unit_suggested is False
    event = AuditEvent.objects.filter(object_type="units.unit", object_id=str(hotel.pk)).first()
    assert event.changes["key_unit_needs_review"] == [False, True]
    hotel = services.unit_update(hotel, by=people.qiaocheng, data={"guest_rooms": 60})
    assert hotel.key_unit_needs_review is False


def test_unit_manager_edit_of_own_unit_is_re_evaluated(people, units):
    school = services.unit_update(units.school, by=people.unit_manager, data={"dormitory_beds": 100})
    assert school.key_unit_suggested is True and school.key_unit_needs_review is True
    with pytest.raises(OutOfScope):
        services.unit_update(units.mall, by=people.unit_manager, data={"address": "x"})


def test_confirm_records_rule_ids_ruleset_and_officer(people, units):
    unit = services.key_unit_confirm(units.mall, by=people.qiaocheng, tier="一级")
    assert unit.is_key_unit and unit.key_unit_decision == "confirmed"
    assert (
        unit.key_unit_rules == ["N-SHOP-1000"]
        and unit.key_unit_ruleset == "anhui@2026.1+national-2001@2001.2"
    )
    assert unit.key_unit_decided_by == people.qiaocheng and unit.key_unit_decided_at is not None
    assert unit.key_unit_tier == "一级"
    event = AuditEvent.objects.filter(object_type="units.unit", object_id=str(unit.pk)).first()
    assert event.changes["key_unit_decision"] == ["", "confirmed"]


def test_reject_needs_a_reason_and_records_it(people, units):
    with pytest.raises(DomainError) as info:
        services.key_unit_reject(units.mall, by=people.qiaocheng, reason="  ")
    assert info.value.field == "reason"
    unit = services.key_unit_reject(units.mall, by=people.qiaocheng, reason="已停止经营可燃商品，待核实")
    assert not unit.is_key_unit and unit.key_unit_decision == "rejected"
    assert unit.key_unit_rules == ["N-SHOP-1000"] and unit.key_unit_reason.startswith("已停止")
    assert AuditEvent.objects.filter(object_id=str(unit.pk), reason__startswith="已停止").exists()


def test_confirming_against_the_rules_needs_a_reason(people, units):
    services.unit_update(units.mall, by=people.qiaocheng, data={"building_area_m2": Decimal("900")})
    unit = Unit.objects.get(pk=units.mall.pk)
    with pytest.raises(DomainError):
        services.key_unit_confirm(unit, by=people.qiaocheng)
    unit = services.key_unit_confirm(unit, by=people.qiaocheng, reason="地处老城区，火灾风险高")
    assert unit.is_key_unit and unit.key_unit_rules == []


def test_only_brigade_officers_decide(people, units):
    with pytest.raises(PermissionDeniedError):
        services.key_unit_confirm(units.school, by=people.unit_manager)
    with pytest.raises(OutOfScope):
        services.key_unit_confirm(units.mall, by=people.mengcheng)


def test_suggest_stores_the_rules_answer(units):
    judgement = services.key_unit_suggest(units.hospital)
    unit = Unit.objects.get(pk=units.hospital.pk)
    assert judgement.key_unit and unit.key_unit_suggested_rules == ["N-HOSPITAL-50"]
    assert unit.key_unit_needs_review is True
