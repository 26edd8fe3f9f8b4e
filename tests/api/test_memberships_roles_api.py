import pytest

from flameblue.core.models import AuditEvent
from flameblue.org.models import Membership, Role

pytestmark = pytest.mark.django_db


def _role(code: str) -> Role:
    return Role.objects.get(code=code)


def test_membership_list_is_scoped(api, people):
    rows = api(people.qiaocheng).get("/api/v1/memberships/").json()["results"]
    names = {r["person_name"] for r in rows}
    assert "qiaocheng" in names and "mengcheng" not in names


def test_second_membership_widens_a_persons_jurisdiction(api, people, orgs):
    client = api(people.detachment)
    response = client.post(
        "/api/v1/memberships/",
        {
            "person": people.qiaocheng.person.pk,
            "organization": orgs.mengcheng_gov.pk,
            "role": _role("government_leader").pk,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["role_name"] == "政府领导"
    qiaocheng = api(type(people.qiaocheng).objects.get(pk=people.qiaocheng.pk))
    assert qiaocheng.get(f"/api/v1/organizations/{orgs.mengcheng_gov.pk}/").status_code == 200


def test_separation_of_duties_is_a_400_on_the_role_field(api, people, orgs):
    response = api(people.sysadmin).post(
        "/api/v1/memberships/",
        {
            "person": people.auditor.person.pk,
            "organization": orgs.detachment.pk,
            "role": _role("system_admin").pk,
        },
        format="json",
    )
    assert response.status_code == 400
    assert "三员分立" in response.json()["role"][0]
    assert not Membership.objects.filter(person=people.auditor.person, role__code="system_admin").exists()


def test_membership_end_before_start_is_refused_naming_the_field(api, people):
    membership = people.qiaocheng.person.memberships.get()
    response = api(people.detachment).patch(
        f"/api/v1/memberships/{membership.pk}/",
        {"start_date": "2026-03-01", "end_date": "2026-01-01"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["end_date"] == ["截止日期不能早于起始日期。"]


def test_stale_membership_update_is_409(api, people):
    membership = people.qiaocheng.person.memberships.get()
    url = f"/api/v1/memberships/{membership.pk}/"
    client = api(people.detachment)
    assert client.patch(url, {"title": "副大队长", "version": 1}, format="json").status_code == 200
    assert client.patch(url, {"title": "教导员", "version": 1}, format="json").status_code == 409
    membership.refresh_from_db()
    assert membership.title == "副大队长"


def test_system_admin_creates_a_role_and_it_is_audited(api, people):
    response = api(people.sysadmin).post(
        "/api/v1/roles/",
        {"code": "station_clerk", "name": "站文书", "actions": ["org.person.view", "units.*.view"]},
        format="json",
    )
    assert response.status_code == 201, response.content
    role = Role.objects.get(code="station_clerk")
    assert role.actions == ["org.person.view", "units.*.view"]
    assert AuditEvent.objects.filter(action="create", object_type="org.role", object_id=str(role.pk)).exists()


def test_malformed_role_actions_are_refused_naming_the_field(api, people):
    response = api(people.sysadmin).post(
        "/api/v1/roles/", {"code": "broken", "name": "坏角色", "actions": ["view everything"]}, format="json"
    )
    assert response.status_code == 400
    assert "org.person.view" in response.json()["actions"][0]


def test_role_code_cannot_be_renamed(api, people):
    role = _role("grid_officer")
    response = api(people.sysadmin).patch(f"/api/v1/roles/{role.pk}/", {"code": "grid"}, format="json")
    assert response.status_code == 400 and "code" in response.json()


def test_inspector_without_role_permission_cannot_create_roles(api, people):
    response = api(people.qiaocheng).post(
        "/api/v1/roles/", {"code": "x", "name": "x", "actions": []}, format="json"
    )
    assert response.status_code == 403
    assert not Role.objects.filter(code="x").exists()


def test_industries_are_listed_for_staff(api, people):
    response = api(people.qiaocheng).get("/api/v1/industries/")
    assert response.status_code == 200
    assert {
        "code": "education",
        "name": "教育",
        "name_en": "Education",
        "department_name": "教育局",
    } in response.json()
