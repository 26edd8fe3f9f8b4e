import pytest

from flameblue.core.scoping import code_range
from flameblue.geo.models import Region
from flameblue.org.models import Organization, Person

pytestmark = pytest.mark.django_db


def test_code_range_carries_into_next_digit():
    assert code_range("341609") == ("341609", "341610")
    assert code_range("3416") == ("3416", "3417")
    assert code_range("99") == ("99", "100")


def test_brigade_inspector_sees_only_own_county_regions(people):
    codes = set(Region.objects.visible_to(people.qiaocheng).values_list("code", flat=True))
    assert "341602001" in codes and "341602" in codes
    assert "341622" not in codes and "3416" not in codes
    assert len([c for c in codes if len(c) == 9]) == 28


def test_detachment_sees_all_bozhou_organizations(people, orgs):
    visible = Organization.objects.visible_to(people.detachment)
    assert visible.filter(pk=orgs.mengcheng_hospital.pk).exists()
    assert visible.filter(pk=orgs.school.pk).exists()


def test_department_sees_only_its_industry_in_its_region(people, orgs):
    visible = set(Organization.objects.visible_to(people.edu))
    assert orgs.school in visible and orgs.qiaocheng_edu in visible
    assert orgs.mall not in visible
    assert orgs.mengcheng_edu not in visible


def test_unit_manager_sees_only_own_unit(people, orgs):
    assert list(Organization.objects.visible_to(people.unit_manager)) == [orgs.school]
    assert set(Person.objects.visible_to(people.unit_manager)) == {people.unit_manager.person}


def test_outsider_sees_nothing(people):
    assert not Organization.objects.visible_to(people.outsider).exists()
    assert not Region.objects.visible_to(people.outsider).exists()


def test_auditor_sees_no_business_records(people):
    assert not Organization.objects.visible_to(people.auditor).exists()


def test_several_memberships_widen_the_scope(people, orgs):
    from flameblue.org.models import Membership, Role

    Membership.objects.create(
        person=people.qiaocheng.person,
        organization=orgs.mengcheng_gov,
        role=Role.objects.get(code="government_leader"),
    )
    people.qiaocheng.refresh_from_db()
    visible = Organization.objects.visible_to(people.qiaocheng)
    assert visible.filter(pk=orgs.mengcheng_hospital.pk).exists()
    assert visible.filter(pk=orgs.school.pk).exists()


def test_role_patterns_grant_actions_by_wildcard():
    from flameblue.core.scoping import grants

    assert grants(["hazards.*.view"], "hazards.hazard.view")
    assert not grants(["hazards.*.view"], "hazards.hazard.change")
    assert not grants([], "hazards.hazard.view")


def test_memberships_granting_an_action_are_those_whose_role_grants_it(people, orgs):
    from flameblue.core.scoping import memberships_granting

    decide = "hazards.supervisioncase.decide"
    assert [m.organization for m in memberships_granting(people.city_leader, decide)] == [orgs.city_gov]
    assert memberships_granting(people.qiaocheng, decide) == []
    assert memberships_granting(people.outsider, "org.person.view") == []


def test_rows_within_the_scopes_of_another_models_action(people, orgs):
    from flameblue.core.scoping import in_region, within_scopes

    organizations = within_scopes(Organization.objects.all(), people.qiaocheng, Person, "view")
    assert organizations.filter(pk=orgs.school.pk).exists()
    assert not organizations.filter(pk=orgs.mengcheng_hospital.pk).exists()
    assert not within_scopes(Organization.objects.all(), people.outsider, Person, "view").exists()
    assert set(Organization.objects.filter(in_region("341622")).values_list("pk", flat=True)) == {
        orgs.mengcheng_gov.pk, orgs.mengcheng_brigade.pk, orgs.mengcheng_edu.pk, orgs.mengcheng_hospital.pk,
    }  # fmt: skip
