"""``may(user, "app.model.action", obj)``: the one check behind every action button and link."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from flameblue.core.scoping import may
from tests.hazards.lifecycle_helpers import rectifying
from tests.units.factories import make_unit

pytestmark = pytest.mark.django_db


def test_may_answers_by_role_and_by_jurisdiction(orgs, people):
    school = make_unit(orgs.school)
    hospital = make_unit(orgs.mengcheng_hospital)
    in_qiaocheng = rectifying(school, people.qiaocheng)
    in_mengcheng = rectifying(hospital, people.mengcheng)

    assert may(people.qiaocheng, "hazards.notice.view") and not may(people.grid, "hazards.notice.view")
    assert not may(people.city_leader, "inspections.inspection.add")
    assert may(people.qiaocheng, "hazards.hazard.recheck", in_qiaocheng)
    assert not may(people.qiaocheng, "hazards.hazard.recheck", in_mengcheng)  # another county
    assert not may(people.unit_manager, "hazards.hazard.recheck", in_qiaocheng)  # not its role
    assert not may(people.outsider, "hazards.hazard.view", in_qiaocheng)


def test_the_template_filter_hides_what_the_user_may_not_do(people):
    template = Template('{% load flameblue_ui %}{% if user|may:"hazards.notice.view" %}notices{% endif %}')
    assert template.render(Context({"user": people.qiaocheng})) == "notices"
    assert template.render(Context({"user": people.grid})) == ""
