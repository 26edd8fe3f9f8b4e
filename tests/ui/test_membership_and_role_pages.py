import pytest
from django.urls import reverse

from flameblue.org.choices import OrgKind
from flameblue.org.models import Membership, Role
from tests.factories import PersonFactory, org

pytestmark = pytest.mark.django_db


def test_separation_of_duties_error_shows_on_the_role_field(login, people, orgs):
    data = {
        "person": people.sysadmin.person_id,
        "organization": orgs.detachment.pk,
        "role": Role.objects.get(code="auditor").pk,
        "is_active": "on",
    }
    response = login(people.detachment).post(reverse("org:membership-create"), data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "三员分立" in str(errors["role"])
    assert not Membership.objects.filter(person=people.sysadmin.person, role__code="auditor").exists()


def test_membership_create_gives_a_second_membership(login, people, orgs):
    data = {
        "person": people.qiaocheng.person_id,
        "organization": orgs.qiaocheng_gov.pk,
        "role": Role.objects.get(code="government_leader").pk,
        "title": "消防安全委员会委员",
        "is_active": "on",
    }
    response = login(people.detachment).post(reverse("org:membership-create"), data)
    assert response.status_code == 302
    assert Membership.objects.filter(person=people.qiaocheng.person).count() == 2


def test_membership_end_before_start_is_refused_on_the_end_date(login, people, orgs):
    membership = Membership.objects.get(person=people.qiaocheng.person)
    data = {
        "person": membership.person_id,
        "organization": membership.organization_id,
        "role": membership.role_id,
        "start_date": "2025-05-01",
        "end_date": "2025-04-01",
        "is_active": "on",
        "version": membership.version,
    }
    response = login(people.detachment).post(
        reverse("org:membership-update", kwargs={"pk": membership.pk}), data
    )
    assert "截止日期不能早于起始日期" in str(response.context["form"].errors["end_date"])


def test_membership_form_offers_only_people_and_organizations_in_scope(login, people, orgs):
    hefei = org("合肥市瑶海区人民政府", OrgKind.GOVERNMENT, "340102")
    stranger = PersonFactory(organization=hefei)
    fields = login(people.detachment).get(reverse("org:membership-create")).context["form"].fields
    assert people.mengcheng.person in set(fields["person"].queryset)
    assert stranger not in set(fields["person"].queryset)
    assert orgs.mengcheng_gov in set(fields["organization"].queryset)
    assert hefei not in set(fields["organization"].queryset)


def test_role_actions_are_edited_one_per_line(login, people):
    data = {
        "code": "campaign_officer",
        "name": "专项整治联络员",
        "actions": "geo.*.view\n\norg.organization.view\norg.organization.view\n",
        "home": "inspector",
    }
    response = login(people.sysadmin).post(reverse("org:role-create"), data)
    assert response.status_code == 302
    role = Role.objects.get(code="campaign_officer")
    assert role.actions == ["geo.*.view", "org.organization.view"]
    form = login(people.sysadmin).get(reverse("org:role-update", kwargs={"pk": role.pk})).context["form"]
    assert form.initial["actions"] == "geo.*.view\norg.organization.view"


def test_role_with_a_malformed_action_is_refused_naming_the_line(login, people):
    data = {
        "code": "bad_role",
        "name": "错误角色",
        "actions": "geo.*.view\norg person view",
        "home": "inspector",
    }
    response = login(people.sysadmin).post(reverse("org:role-create"), data)
    assert response.status_code == 200
    assert "第 2 行" in str(response.context["form"].errors["actions"])
    assert "org person view" in response.content.decode()
    assert not Role.objects.filter(code="bad_role").exists()
