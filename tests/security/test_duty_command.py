"""The operator's procedure for the three duties: ``flameblue duty assign|revoke|list``."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from flameblue.core.models import AuditEvent
from flameblue.org.models import Membership
from tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_operator_appoints_and_removes_a_security_admin(people, orgs, capsys):
    account = UserFactory(username="new_sec", person=PersonFactory(organization=orgs.detachment))
    call_command("duty", "assign", "new_sec", "security_admin")
    assert Membership.objects.filter(
        person=account.person, role__code="security_admin", is_active=True
    ).exists()
    assert AuditEvent.objects.filter(actor_name="operator", object_id=str(account.pk)).exists()
    call_command("duty", "list")
    assert "security_admin\tnew_sec" in capsys.readouterr().out
    call_command("duty", "revoke", "new_sec", "security_admin")
    assert not Membership.objects.filter(person=account.person, is_active=True).exists()


def test_operator_cannot_give_one_person_two_duties(people):
    with pytest.raises(CommandError, match="三员分立"):
        call_command("duty", "assign", "auditor", "system_admin")


def test_operator_refuses_an_ordinary_role(people):
    with pytest.raises(CommandError, match="不是三员角色"):
        call_command("duty", "assign", "qiaocheng", "detachment_admin")
