import pytest

from flameblue.core.errors import DomainError
from flameblue.org.models import Role
from flameblue.org.services import role_create, role_update

pytestmark = pytest.mark.django_db


def test_admin_cannot_grant_an_action_they_do_not_hold(people):
    with pytest.raises(DomainError) as err:
        role_create(
            by=people.detachment,
            data={"code": "sneaky", "name": "越权角色", "actions": ["core.auditevent.view"]},
        )
    assert "core.auditevent.view" in err.value.message
    assert not Role.objects.filter(code="sneaky").exists()


def test_admin_can_create_role_within_own_actions(people):
    role = role_create(
        by=people.detachment, data={"code": "viewer", "name": "只读", "actions": ["org.person.view"]}
    )
    assert role.actions == ["org.person.view"]


def test_widening_an_existing_role_to_a_broader_wildcard_is_refused(people):
    role = Role.objects.get(code="grid_officer")
    with pytest.raises(DomainError):
        role_update(role, by=people.detachment, data={"actions": [*role.actions, "org.*.*"]})
    role.refresh_from_db()
    assert "org.*.*" not in role.actions


def test_detachment_admin_cannot_make_someone_an_auditor(people, orgs):
    from flameblue.org.services import membership_create
    from tests.factories import PersonFactory

    person = PersonFactory(organization=orgs.detachment)
    with pytest.raises(DomainError):
        membership_create(
            by=people.detachment,
            data={
                "person": person,
                "organization": orgs.detachment,
                "role": Role.objects.get(code="auditor"),
            },
        )
    assert not person.memberships.exists()


def test_system_admin_configures_roles_for_others_but_not_their_own(people):
    role = role_create(
        by=people.sysadmin, data={"code": "clerk", "name": "文书", "actions": ["units.*.view"]}
    )
    assert role.actions == ["units.*.view"]
    own = Role.objects.get(code="system_admin")
    with pytest.raises(DomainError):
        role_update(own, by=people.sysadmin, data={"actions": [*own.actions, "units.*.*"]})


def test_nobody_grants_a_membership_to_themselves(people, orgs):
    from flameblue.org.services import membership_create

    with pytest.raises(DomainError) as err:
        membership_create(
            by=people.sysadmin,
            data={
                "person": people.sysadmin.person,
                "organization": orgs.detachment,
                "role": Role.objects.get(code="detachment_admin"),
            },
        )
    assert "自己" in err.value.message
