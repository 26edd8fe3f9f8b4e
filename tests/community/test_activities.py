"""Co-construction activities: typed by rule data (the version is kept), linked to the plan content they
carry out, which must be the same partner's and of the same year."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from flameblue.community import services
from flameblue.community.models import Activity
from flameblue.core.errors import DomainError
from flameblue.core.models import AuditEvent
from tests.community.conftest import TODAY, kind
from tests.dates import frozen_on

pytestmark = [pytest.mark.date_sensitive, frozen_on(TODAY)]


@pytest.fixture
def item(world):
    plan = services.plan_create(by=None, partner=world.partner, year=2026, goals="计划")
    return services.monthly_content_add(
        by=None, plan=plan, month=5, activity_type=kind("defence_education"), content="国防教育课"
    )


def _form(world, item, **extra):
    return {
        "partner": world.partner.pk, "plan_item": item.pk, "activity_type": kind("defence_education").pk,
        "title": "国防教育进校园", "held_on": "2026-05-12", "place": "亳州一中", "our_participants": 8,
        "partner_participants": 300, "beneficiaries": 300, "account": "讲授消防常识", **extra,
    }  # fmt: skip


def test_station_records_an_activity_for_its_plan(world, item, client):
    client.force_login(world.people.station)
    response = client.post(reverse("community:activity-create"), _form(world, item))
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert activity.plan_item == item and activity.types_version == "2026.1"
    assert AuditEvent.objects.filter(object_type="community.activity", action="create").exists()


def test_activity_outside_its_plans_year_is_refused_with_a_clear_message(world, item, client):
    client.force_login(world.people.station)
    response = client.post(reverse("community:activity-create"), _form(world, item, held_on="2027-01-05"))
    assert response.status_code == 400
    assert "活动日期 2027-01-05 不在所属计划的年度（2026 年）内" in response.content.decode()
    assert not Activity.objects.exists()


def test_api_refuses_an_activity_outside_its_plans_year(world, item, client):
    client.force_login(world.people.station)
    response = client.post(
        reverse("api:community-activity-list"),
        _form(world, item, held_on="2025-12-30"),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "不在所属计划的年度" in str(response.json())


def test_plan_content_of_another_partner_is_refused(world, item):
    with pytest.raises(DomainError, match="不属于该共建单位"):
        services.activity_record(
            by=None, partner=world.far, plan_item=item, activity_type=kind("military_training"), title="军训",
            held_on=dt.date(2026, 5, 1), place="操场",
        )  # fmt: skip


def test_activity_list_shows_only_the_jurisdiction(world, item, client):
    services.activity_record(by=None, partner=world.far, activity_type=kind("blood_donation"), title="城关社区献血日",
                             held_on=dt.date(2026, 4, 1), place="社区")  # fmt: skip
    services.activity_record(by=None, partner=world.partner, activity_type=kind("donation"), title="捐助",
                             held_on=dt.date(2026, 4, 2), place="学校")  # fmt: skip
    client.force_login(world.people.qiaocheng)
    page = client.get(reverse("community:activity-list")).content.decode()
    assert "捐助" in page and "城关社区献血日" not in page
    client.force_login(world.people.political)
    response = client.get(reverse("community:activity-export"))
    assert response.status_code == 200
    assert AuditEvent.objects.filter(action="export", object_type="community.activity").exists()
