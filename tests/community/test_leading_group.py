"""双拥工作领导小组 and its office (in 政治处), with counterparts in brigades and stations: memberships of the
organization tree under the 双拥 roles, for the years they apply to; the page lists the group of a year."""

from __future__ import annotations

import pytest
from django.urls import reverse

from flameblue.community import organization
from flameblue.core.errors import DomainError
from flameblue.org.choices import OrgKind
from tests.factories import PersonFactory, org


@pytest.fixture
def group(world, orgs):
    office = org("政治处", OrgKind.DETACHMENT_OFFICE, "3416", parent=orgs.detachment)
    chief = PersonFactory(organization=orgs.detachment, name="周支队长")
    old = PersonFactory(organization=orgs.detachment, name="吴政委")
    clerk = PersonFactory(organization=office, name="郑干事")
    counterpart = PersonFactory(organization=orgs.mengcheng_brigade, name="冯教导员")
    appoint = organization.group_appoint
    appoint(by=world.people.detachment, person=chief, organization=orgs.detachment,
            role_code="community_leading_group", title="组长", year_from=2019)  # fmt: skip
    appoint(by=None, person=old, organization=orgs.detachment, role_code="community_leading_group",
            title="副组长", year_from=2019, year_to=2021)  # fmt: skip
    appoint(by=None, person=clerk, organization=office, role_code="community_office", title="办公室主任",
            year_from=2022)  # fmt: skip
    appoint(by=None, person=counterpart, organization=orgs.mengcheng_brigade, role_code="community_leading_group",
            title="组长", year_from=2019)  # fmt: skip
    return chief


def test_the_page_lists_the_group_that_applies_to_the_year(world, group, client):
    client.force_login(world.people.political)
    page_2019 = client.get(reverse("community:leading-group"), {"year": 2019}).content.decode()
    page_2026 = client.get(reverse("community:leading-group"), {"year": 2026}).content.decode()
    assert "周支队长" in page_2019 and "吴政委" in page_2019 and "郑干事" not in page_2019
    assert "周支队长" in page_2026 and "郑干事" in page_2026 and "吴政委" not in page_2026
    assert "双拥工作领导小组办公室" in page_2026 and "冯教导员" in page_2026
    rows = client.get(reverse("api:community-meeting-leading-group"), {"year": 2019}).json()
    assert {(r["person_name"], r["title"]) for r in rows} == {
        ("周支队长", "组长"),
        ("吴政委", "副组长"),
        ("冯教导员", "组长"),
    }


def test_a_brigade_sees_only_its_own_counterpart(world, group, client):
    client.force_login(world.people.qiaocheng)
    page = client.get(reverse("community:leading-group"), {"year": 2026}).content.decode()
    assert "冯教导员" not in page and "周支队长" not in page


def test_appointments_are_memberships_with_known_titles_only(world, orgs):
    person = PersonFactory(organization=orgs.detachment)
    with pytest.raises(DomainError, match="职务应为"):
        organization.group_appoint(by=None, person=person, organization=orgs.detachment,
                                   role_code="community_leading_group", title="顾问", year_from=2026)  # fmt: skip


def test_appointing_needs_the_right_to_add_memberships(world, orgs):
    person = PersonFactory(organization=orgs.detachment)
    with pytest.raises(Exception, match="权限"):
        organization.group_appoint(by=world.people.political, person=person, organization=orgs.detachment,
                                   role_code="community_leading_group", title="成员", year_from=2026)  # fmt: skip
