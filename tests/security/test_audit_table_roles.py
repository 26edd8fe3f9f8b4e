"""The audit table in a PostgreSQL deployment: nobody TRUNCATEs it, and the application role (which does
not own it, see ``flameblue db-roles``) can neither disable its triggers nor change or delete rows."""

from __future__ import annotations

import uuid

import pytest
from django.db import DatabaseError, connection, transaction

from flameblue.core import audit
from flameblue.core.db_roles import roles_sql

pytestmark = [pytest.mark.django_db, pytest.mark.postgres_only]


def _refused(sql: str) -> None:
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)


def test_even_the_owner_cannot_truncate_the_audit_trail():
    audit.record(audit.AuditAction.LOGIN, actor_name="someone")
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred checks pending, as after a commit
        # The test session switches the trigger off (tests/conftest.py); on again, inside this test's transaction.
        cursor.execute("ALTER TABLE core_auditevent ENABLE TRIGGER flameblue_auditevent_no_truncate")
    with pytest.raises(DatabaseError, match="不能清空"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE core_auditevent")


def test_the_application_role_can_only_read_and_append_the_audit_trail():
    suffix = uuid.uuid4().hex[:8]
    owner, app = f"fb_owner_{suffix}", f"fb_app_{suffix}"
    with connection.cursor() as cursor:
        cursor.execute(roles_sql(database=connection.settings_dict["NAME"], owner=owner, app=app))
    event = audit.record(audit.AuditAction.LOGIN, actor_name="someone")
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"SET ROLE {app}")
    try:
        audit.record(audit.AuditAction.LOGIN, actor_name="as-app")  # append works
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM core_auditevent")
            assert cursor.fetchone()[0] >= 2
        _refused("TRUNCATE core_auditevent")
        _refused("ALTER TABLE core_auditevent DISABLE TRIGGER ALL")
        _refused(f"DELETE FROM core_auditevent WHERE id = {event.pk}")
        _refused(f"UPDATE core_auditevent SET reason = 'x' WHERE id = {event.pk}")
        with connection.cursor() as cursor:  # the rest of the application works as before
            cursor.execute("UPDATE org_organization SET name = name WHERE false")
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET ROLE")
