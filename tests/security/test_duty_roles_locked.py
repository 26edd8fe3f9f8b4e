"""三员分立 cannot be undone: the paths a probe used to strip, switch or hijack the three administrator
duties, through the API and the pages, are refused; the security administrator (or the operator's
``flameblue duty`` command) is the one who decides who holds a duty."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, transaction
from django.urls import reverse
from rest_framework.test import APIClient

from flameblue.core.errors import DomainError, PermissionDeniedError
from flameblue.org import services
from flameblue.org.models import Membership, Role, User
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

STRONG = "Kq7#mzpLwtr-Xv"


def _api(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def _role(code: str) -> Role:
    return Role.objects.get(code=code)


def _membership(user) -> Membership:
    return Membership.objects.get(person=user.person, role__duty_group__gt="")


# ---- as the detachment administrator (zhidui_admin), through the API ------------------------------------


@pytest.mark.parametrize(
    "change", [{"actions": []}, {"requires_2fa": False}, {"duty_group": ""}, {"name": "改名"}]
)
def test_detachment_admin_cannot_alter_the_auditor_role(people, change):
    role = _role("auditor")
    before = (list(role.actions), role.requires_2fa, role.duty_group, role.name)
    response = _api(people.detachment).patch(f"/api/v1/roles/{role.pk}/", change, format="json")
    assert response.status_code == 403, response.content
    assert "三员分立" in response.json()["detail"]
    role.refresh_from_db()
    assert (role.actions, role.requires_2fa, role.duty_group, role.name) == before


def test_detachment_admin_cannot_deactivate_the_auditors_membership(people):
    membership = _membership(people.auditor)
    response = _api(people.detachment).patch(
        f"/api/v1/memberships/{membership.pk}/", {"is_active": False}, format="json"
    )
    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.is_active


def test_detachment_admin_cannot_end_the_auditors_membership_by_date(people):
    membership = _membership(people.auditor)
    response = _api(people.detachment).patch(
        f"/api/v1/memberships/{membership.pk}/", {"end_date": "2020-01-01"}, format="json"
    )
    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.end_date is None


def test_detachment_admin_cannot_switch_the_sysadmins_membership_to_an_ordinary_role(people):
    membership = _membership(people.sysadmin)
    response = _api(people.detachment).patch(
        f"/api/v1/memberships/{membership.pk}/", {"role": _role("detachment_admin").pk}, format="json"
    )
    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.role.code == "system_admin"


def test_an_ordinary_membership_cannot_be_switched_to_a_duty_role(people):
    membership = people.qiaocheng.person.memberships.get()
    for by in (people.detachment, people.sysadmin):
        response = _api(by).patch(
            f"/api/v1/memberships/{membership.pk}/", {"role": _role("auditor").pk}, format="json"
        )
        assert response.status_code == 403, by
    membership.refresh_from_db()
    assert membership.role.code == "brigade_inspector"


def test_detachment_admin_cannot_disable_the_auditors_person(people):
    person = people.auditor.person
    response = _api(people.detachment).patch(
        f"/api/v1/people/{person.pk}/", {"is_active": False}, format="json"
    )
    assert response.status_code == 403
    person.refresh_from_db()
    assert person.is_active


def test_the_organization_of_duty_holders_cannot_be_disabled(people, orgs):
    response = _api(people.detachment).patch(
        f"/api/v1/organizations/{orgs.detachment.pk}/", {"is_active": False}, format="json"
    )
    assert response.status_code == 400
    assert "三员分立" in response.json()["is_active"][0]
    orgs.detachment.refresh_from_db()
    assert orgs.detachment.is_active


# ---- as the system administrator -------------------------------------------------------------------------


def _sysadmin_makes_an_account(people, orgs, client):
    """The probe: sysadmin registers a person, and an account for it with a password sysadmin knows."""
    person_id = client.post(
        "/api/v1/people/", {"name": "傀儡", "organization": orgs.detachment.pk}, format="json"
    ).json()["id"]
    page = client.post(
        reverse("org:user-create"),
        {"username": "puppet", "person": person_id, "password": STRONG, "password_confirm": STRONG},
    )
    assert page.status_code == 302, page.content.decode()[:2000]
    account = User.objects.get(username="puppet")
    assert account.created_by == people.sysadmin and account.created_by_duty == "system"
    return account


def test_sysadmin_cannot_give_its_own_account_the_audit_role(people, orgs):
    client = _api(people.sysadmin)
    account = _sysadmin_makes_an_account(people, orgs, client)
    response = client.post(
        "/api/v1/memberships/",
        {"person": account.person_id, "organization": orgs.detachment.pk, "role": _role("auditor").pk},
        format="json",
    )
    assert response.status_code == 403
    assert not Membership.objects.filter(person_id=account.person_id).exists()
    assert _api(account).get("/api/v1/audit-events/").status_code == 403


def test_sysadmin_cannot_give_the_audit_role_through_the_page(people, orgs, client):
    client.force_login(people.sysadmin)
    person = PersonFactory(organization=orgs.detachment)
    response = client.post(
        reverse("org:membership-create"),
        {
            "person": person.pk,
            "organization": orgs.detachment.pk,
            "role": _role("auditor").pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 403
    assert not person.memberships.exists()


def test_the_security_admin_cannot_give_an_account_made_by_sysadmin_another_duty(people, orgs):
    account = _sysadmin_makes_an_account(people, orgs, _api(people.sysadmin))
    response = _api(people.secadmin).post(
        "/api/v1/memberships/",
        {"person": account.person_id, "organization": orgs.detachment.pk, "role": _role("auditor").pk},
        format="json",
    )
    assert response.status_code == 400
    assert "系统管理员创建" in response.json()["role"][0]
    assert not Membership.objects.filter(person_id=account.person_id).exists()


def test_sysadmin_cannot_make_an_account_for_the_auditors_person(people, orgs):
    person = PersonFactory(organization=orgs.detachment)
    Membership.objects.create(person=person, organization=orgs.detachment, role=_role("auditor"))
    with pytest.raises(DomainError, match="三员分立"):
        services.user_create(by=people.sysadmin, username="auditor2", password=STRONG, person=person)
    assert not User.objects.filter(username="auditor2").exists()


def test_sysadmin_cannot_deactivate_the_auditors_account_on_the_page(people, client):
    client.force_login(people.sysadmin)
    url = reverse("org:user-toggle-active", kwargs={"pk": people.auditor.pk})
    response = client.post(url, {"active": "0", "reason": "试图停用审计员"})
    assert response.status_code == 403
    people.auditor.refresh_from_db()
    assert people.auditor.is_active


def test_sysadmin_cannot_reset_the_auditors_password(people):
    with pytest.raises(PermissionDeniedError):
        services.user_set_password(people.auditor, by=people.sysadmin, password=STRONG)
    people.auditor.refresh_from_db()
    assert not people.auditor.check_password(STRONG)


def test_sysadmin_cannot_put_audit_powers_into_an_ordinary_role(people):
    client = _api(people.sysadmin)
    created = client.post(
        "/api/v1/roles/", {"code": "peek", "name": "偷看", "actions": ["core.*.view"]}, format="json"
    )
    assert created.status_code == 400 and "审计管理员" in created.json()["actions"][0]
    role = _role("grid_officer")
    widened = client.patch(
        f"/api/v1/roles/{role.pk}/", {"actions": [*role.actions, "core.auditevent.view"]}, format="json"
    )
    assert widened.status_code == 400
    made_duty = client.post(
        "/api/v1/roles/",
        {"code": "audit2", "name": "第二审计", "actions": [], "duty_group": "audit"},
        format="json",
    )
    assert made_duty.status_code == 403
    assert not Role.objects.filter(code__in=["peek", "audit2"]).exists()


def test_sysadmin_cannot_edit_a_duty_role_on_the_page(people, client):
    client.force_login(people.sysadmin)
    role = _role("auditor")
    response = client.post(
        reverse("org:role-update", kwargs={"pk": role.pk}),
        {"name": role.name, "actions": "", "duty_group": "audit", "home": role.home, "version": role.version},
    )
    assert response.status_code == 403
    role.refresh_from_db()
    assert role.actions == ["core.auditevent.view", "core.auditevent.export"]


# ---- the security administrator manages the duties ------------------------------------------------------


def test_security_admin_appoints_and_ends_an_auditor(people, orgs):
    person = PersonFactory(organization=orgs.detachment)
    account = services.user_create(by=None, username="new_auditor", password=STRONG, person=person)
    client = _api(people.secadmin)
    created = client.post(
        "/api/v1/memberships/",
        {"person": person.pk, "organization": orgs.detachment.pk, "role": _role("auditor").pk},
        format="json",
    )
    assert created.status_code == 201, created.content
    assert _api(User.objects.get(pk=account.pk)).get("/api/v1/audit-events/").status_code == 200
    ended = client.patch(f"/api/v1/memberships/{created.json()['id']}/", {"is_active": False}, format="json")
    assert ended.status_code == 200
    assert _api(User.objects.get(pk=account.pk)).get("/api/v1/audit-events/").status_code == 403


def test_security_admin_cannot_grant_ordinary_roles(people, orgs):
    person = PersonFactory(organization=orgs.detachment)
    response = _api(people.secadmin).post(
        "/api/v1/memberships/",
        {"person": person.pk, "organization": orgs.detachment.pk, "role": _role("detachment_admin").pk},
        format="json",
    )
    assert response.status_code in (400, 403)
    assert not person.memberships.exists()


def test_security_admin_cannot_switch_a_duty_membership_to_an_ordinary_role(people):
    membership = _membership(people.auditor)
    response = _api(people.secadmin).patch(
        f"/api/v1/memberships/{membership.pk}/", {"role": _role("detachment_admin").pk}, format="json"
    )
    assert response.status_code == 400
    membership.refresh_from_db()
    assert membership.role.code == "auditor"


def test_security_admin_disables_the_auditors_account_on_the_page(people, client):
    client.force_login(people.secadmin)
    url = reverse("org:user-toggle-active", kwargs={"pk": people.auditor.pk})
    response = client.post(url, {"active": "0", "reason": "离岗交接"})
    assert response.status_code == 302
    people.auditor.refresh_from_db()
    assert not people.auditor.is_active


def test_security_admin_sees_only_duty_roles_on_the_membership_page(people, client):
    client.force_login(people.secadmin)
    response = client.get(reverse("org:membership-create"))
    assert response.status_code == 200
    roles = set(response.context["form"].fields["role"].queryset.values_list("code", flat=True))
    assert roles == {"system_admin", "security_admin", "auditor"}


# ---- the database (PostgreSQL) --------------------------------------------------------------------------


@pytest.mark.postgres_only
def test_database_refuses_a_duty_for_an_account_made_by_another_duty_holder(people, orgs):
    person = PersonFactory(organization=orgs.detachment)
    User.objects.create(username="made_by_sys", person=person, created_by_duty="system")
    with pytest.raises(DatabaseError, match="三员分立"), transaction.atomic():
        Membership.objects.create(person=person, organization=orgs.detachment, role=_role("auditor"))


@pytest.mark.postgres_only
def test_database_refuses_turning_a_role_into_a_second_duty(people, orgs):
    Membership.objects.create(
        person=people.auditor.person, organization=orgs.detachment, role=_role("grid_officer")
    )
    with pytest.raises(DatabaseError, match="三员分立"), transaction.atomic():
        Role.objects.filter(code="grid_officer").update(duty_group="system")
    assert _role("grid_officer").duty_group == ""


def test_membership_pages_offer_duty_edits_only_to_the_security_admin(people, client):
    membership = _membership(people.auditor)
    edit = reverse("org:membership-update", kwargs={"pk": membership.pk})
    person_page = reverse("org:person-detail", kwargs={"pk": people.auditor.person_id})
    client.force_login(people.detachment)
    assert edit not in client.get(person_page).content.decode()
    client.force_login(people.secadmin)
    assert edit in client.get(person_page).content.decode()
    role_page = reverse("org:role-detail", kwargs={"pk": _role("auditor").pk})
    client.force_login(people.sysadmin)
    assert (
        reverse("org:role-update", kwargs={"pk": _role("auditor").pk})
        not in client.get(role_page).content.decode()
    )
