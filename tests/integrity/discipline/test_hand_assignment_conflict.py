"""An inspector put on a plan by hand for a unit their relative runs (a declared, matched business) is refused
with a message naming the rule; the same inspector may be planned for other units."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from flameblue.inspections.models import InspectionPlan
from flameblue.inspections.planning.services import PlanEntry, plan_create
from flameblue.integrity import services as integrity_services
from flameblue.org.models import User
from tests.dates import frozen_on
from tests.factories import persona
from tests.units.factories import make_unit

pytestmark = [pytest.mark.date_sensitive, frozen_on(dt.date(2026, 5, 20))]


def _plan(orgs, people, unit):
    # 第十四条: two inspectors per unit; the colleague has declared nothing
    colleague = User.objects.filter(username="qc_conflict_colleague").first() or persona(
        "qc_conflict_colleague", orgs.qiaocheng_brigade, "brigade_inspector"
    )
    return plan_create(
        brigade=orgs.qiaocheng_brigade, title="第21周检查计划", starts_on=dt.date(2026, 5, 25),
        ends_on=dt.date(2026, 5, 29), by=None,
        entries=[PlanEntry(unit=unit, planned_on=dt.date(2026, 5, 26), inspectors=[people.qiaocheng, colleague])],
    )  # fmt: skip


def test_a_hand_assigned_inspector_with_a_relatives_business_is_refused_naming_the_rule(
    orgs, people, integrity_world
):
    shop = integrity_world.shop
    integrity_services.relative_business_declare(
        by=people.qiaocheng, year=2026, relative_name="王某", relation="sibling", enterprise_name=shop.name,
        uscc=shop.credit_code,
    )  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        _plan(orgs, people, shop)
    message = " ".join(refused.value.message_dict["inspectors"])
    assert message.startswith("近亲属经商办企业回避") and shop.name in message and "兄弟姐妹" in message
    assert not InspectionPlan.objects.exists()

    other = make_unit(orgs.mall)
    assert _plan(orgs, people, other).items.count() == 1
