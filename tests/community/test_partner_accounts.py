"""共建单位账号: a partner sees nothing unless given an account; the account (a membership under the partner
role in the partner's registered organization) sees its own pairing, plans and activities only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from flameblue.community import organization, services
from flameblue.core.errors import DomainError
from flameblue.org.models import Membership
from tests.community.conftest import kind
from tests.factories import PersonFactory, UserFactory


@pytest.fixture
def contact(world, orgs):
    person = PersonFactory(organization=orgs.school, name="王老师")
    return UserFactory(username="school_contact", person=person)


@pytest.fixture
def records(world):
    year = dt.date.today().year
    plan = services.plan_create(by=None, partner=world.partner, year=year, goals="国防教育进校园")
    item = services.monthly_content_add(
        by=None, plan=plan, month=1, activity_type=kind("defence_education"), content="国防教育"
    )
    activity = services.activity_record(by=None, partner=world.partner, plan_item=item, activity_type=kind("defence_education"),
                                        title="国防教育课", held_on=dt.date(year, 1, 10), place="学校")  # fmt: skip
    other_plan = services.plan_create(by=None, partner=world.far, year=year, goals="别人的计划")
    return plan, activity, other_plan


def test_without_an_account_the_partner_sees_nothing(world, contact, records, client):
    client.force_login(contact)
    assert client.get(reverse("community:partner-list")).status_code == 403
    assert client.get(reverse("community:partner-detail", args=[world.partner.pk])).status_code in (403, 404)
    assert client.get(reverse("api:community-plan-list")).status_code == 403


def test_with_an_account_the_partner_sees_its_own_pairing_plans_and_activities_only(
    world, contact, records, client
):
    plan, activity, other_plan = records
    membership = organization.partner_account_grant(
        by=world.people.detachment, partner=world.partner, person=contact.person
    )
    assert (
        membership.role.code == "community_partner" and membership.organization == world.partner.organization
    )
    client.force_login(contact)
    page = client.get(reverse("community:partner-list")).content.decode()
    assert "亳州市第一中学" in page and "蒙城县城关社区" not in page
    assert client.get(reverse("community:plan-detail", args=[plan.pk])).status_code == 200
    assert client.get(reverse("community:activity-detail", args=[activity.pk])).status_code == 200
    assert client.get(reverse("community:plan-detail", args=[other_plan.pk])).status_code == 404
    assert client.get(reverse("community:partner-detail", args=[world.far.pk])).status_code == 404
    assert [p["name"] for p in client.get(reverse("api:community-partner-list")).json()["results"]] == [
        "亳州市第一中学"
    ]
    assert client.get(reverse("community:team-list")).status_code == 403  # nothing beyond its pairing
    assert client.get(reverse("community:partner-edit", args=[world.partner.pk])).status_code == 403


def test_account_is_granted_on_the_partner_page_by_the_detachment_administrator(world, contact, client):
    client.force_login(world.people.detachment)
    response = client.post(
        reverse("community:partner-account", args=[world.partner.pk]), {"person": contact.person.pk}
    )
    assert response.status_code == 302
    assert Membership.objects.filter(person=contact.person, role__code="community_partner").exists()
    page = client.get(reverse("community:partner-detail", args=[world.partner.pk])).content.decode()
    assert "王老师" in page


def test_a_partner_without_a_registered_unit_cannot_get_an_account(world, orgs):
    person = PersonFactory(organization=orgs.mall)
    with pytest.raises(DomainError, match="尚未关联登记的组织"):
        organization.partner_account_grant(by=None, partner=world.far, person=person)


def test_only_the_partners_own_people_get_its_account(world, orgs):
    stranger = PersonFactory(organization=orgs.mall, name="外人")
    with pytest.raises(DomainError, match="外人 不是该共建单位的人员"):
        organization.partner_account_grant(by=None, partner=world.partner, person=stranger)
