"""The conflict service is consulted when an inspection is signed, not only when plans and draws assign
inspectors: an inspector or co-inspector whose relative runs the unit cannot sign its inspection; the
refusal names the rule and the inspection stays a draft."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from flameblue.inspections.services import inspection_start, inspection_submit
from flameblue.integrity import services as integrity_services
from tests.dates import frozen_on
from tests.factories import persona
from tests.inspections.inspection_fixtures import answer_all, co_inspector

pytestmark = [pytest.mark.date_sensitive, frozen_on(dt.date(2026, 5, 20))]

SIGNED = {"inspector_name": "监督员", "unit_representative_name": "店主"}


def _declared_shop(people, integrity_world):
    shop = integrity_world.shop
    shop.place_type_id = "small_places"
    shop.save(update_fields=["place_type"])
    integrity_services.relative_business_declare(
        by=people.qiaocheng, year=2026, relative_name="王某", relation="sibling", enterprise_name=shop.name,
        uscc=shop.credit_code,
    )  # fmt: skip
    return shop


def test_a_declarer_cannot_sign_an_inspection_of_the_relatives_unit(people, integrity_world):
    shop = _declared_shop(people, integrity_world)
    inspection = inspection_start(kind="supervision", unit=shop, by=people.qiaocheng)
    answer_all(inspection, people.qiaocheng)
    with pytest.raises(ValidationError) as refused:
        inspection_submit(
            inspection=inspection, by=people.qiaocheng, co_inspector_people=co_inspector(people.qiaocheng),
            **SIGNED,
        )  # fmt: skip
    message = " ".join(refused.value.message_dict["co_inspector_people"])
    assert message.startswith("近亲属经商办企业回避") and shop.name in message
    inspection.refresh_from_db()
    assert inspection.status == "draft"


def test_a_declarer_cannot_be_chosen_as_co_inspector(people, integrity_world):
    shop = _declared_shop(people, integrity_world)
    lead = persona("qc_lead", people.qiaocheng.person.organization, "brigade_inspector")
    inspection = inspection_start(kind="supervision", unit=shop, by=lead)
    answer_all(inspection, lead)
    with pytest.raises(ValidationError) as refused:
        inspection_submit(
            inspection=inspection, by=lead, co_inspector_people=[people.qiaocheng.person], **SIGNED
        )
    assert "近亲属经商办企业回避" in " ".join(refused.value.message_dict["co_inspector_people"])
