"""三员分立: system administrator, security administrator and auditor stay with three different people."""

from __future__ import annotations

from itertools import permutations

import pytest
from django.db import DatabaseError, transaction

from flameblue.core.errors import DomainError
from flameblue.org.models import Membership, Role
from flameblue.org.services import membership_create, membership_update

pytestmark = pytest.mark.django_db

DUTY_ROLES = ["system_admin", "security_admin", "auditor"]
PERSONA_OF = {"system_admin": "sysadmin", "security_admin": "secadmin", "auditor": "auditor"}


def _grant(people, orgs, holder_role: str, new_role: str, *, by=None):
    person = getattr(people, PERSONA_OF[holder_role]).person
    return membership_create(
        by=by,
        data={"person": person, "organization": orgs.detachment, "role": Role.objects.get(code=new_role)},
    )


@pytest.mark.parametrize(("held", "wanted"), list(permutations(DUTY_ROLES, 2)))
def test_one_person_cannot_hold_two_administrator_duties(people, orgs, held, wanted):
    with pytest.raises(DomainError) as info:
        _grant(people, orgs, held, wanted)
    assert info.value.field == "role"
    assert "三员分立" in info.value.message
    person = getattr(people, PERSONA_OF[held]).person
    assert list(Membership.objects.filter(person=person).values_list("role__code", flat=True)) == [held]


def test_the_refusal_happens_when_the_sysadmin_grants_it(people, orgs):
    with pytest.raises(DomainError):
        _grant(people, orgs, "auditor", "system_admin", by=people.sysadmin)


def test_an_administrator_may_also_hold_an_ordinary_role(people, orgs):
    membership = _grant(people, orgs, "auditor", "detachment_admin")
    assert membership.pk


def test_reactivating_a_clashing_membership_is_refused(people, orgs):
    person = people.auditor.person
    old = Membership.objects.get(person=person)
    old.is_active = False
    old.save()
    sysadmin = membership_create(
        by=None,
        data={
            "person": person,
            "organization": orgs.detachment,
            "role": Role.objects.get(code="system_admin"),
        },
    )
    assert sysadmin.pk
    with pytest.raises(DomainError):
        membership_update(old, by=None, data={"is_active": True})


@pytest.mark.postgres_only
@pytest.mark.parametrize(("held", "wanted"), list(permutations(DUTY_ROLES, 2)))
def test_database_refuses_a_clash_that_bypasses_the_service(people, orgs, held, wanted):
    person = getattr(people, PERSONA_OF[held]).person
    with pytest.raises(DatabaseError, match="三员分立"), transaction.atomic():
        Membership.objects.create(
            person=person, organization=orgs.detachment, role=Role.objects.get(code=wanted)
        )


@pytest.mark.postgres_only
def test_database_allows_ordinary_roles_beside_a_duty(people, orgs):
    person = people.auditor.person
    Membership.objects.create(
        person=person, organization=orgs.detachment, role=Role.objects.get(code="detachment_admin")
    )
    assert Membership.objects.filter(person=person).count() == 2
