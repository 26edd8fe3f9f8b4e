"""The audit trail is append-only and kept at least 180 days."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from flameblue.core import audit
from flameblue.core.models import AuditAction, AuditEvent
from tests.dates import database_clock

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


@pytest.fixture(autouse=True)
def _python_clock_is_the_database_clock(db):
    """Ages are measured on the clock the database's delete guard reads (see ``database_clock``)."""
    with database_clock():
        yield


def _event(age_days: float = 0, **fields) -> AuditEvent:
    return AuditEvent.objects.create(
        at=timezone.now() - dt.timedelta(days=age_days),
        action=AuditAction.EXPORT,
        object_repr="单位台账",
        **fields,
    )


@pytest.mark.sqlite
def test_an_event_cannot_be_edited_through_the_model():
    event = _event()
    event.reason = "改写"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(reason="改写")
    event.refresh_from_db()
    assert event.reason == ""


@pytest.mark.sqlite
def test_an_event_cannot_be_deleted_through_the_model():
    event = _event()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.sqlite
@pytest.mark.parametrize("days", [0, 30, 179])
def test_purge_refuses_less_than_180_days(days):
    young = _event(age_days=200)
    with pytest.raises(ValueError, match="180"):
        audit.purge_older_than(days)
    assert AuditEvent.objects.filter(pk=young.pk).exists()


@pytest.mark.sqlite
def test_purge_removes_only_rows_past_retention_and_records_itself(people):
    old = _event(age_days=181)
    recent = _event(age_days=179)

    deleted = audit.purge_older_than(180, by=people.secadmin)

    assert deleted == 1
    assert not AuditEvent.objects.filter(pk=old.pk).exists()
    assert AuditEvent.objects.filter(pk=recent.pk).exists()
    purge = AuditEvent.objects.get(action=AuditAction.PURGE)
    assert purge.changes == {"deleted": 1, "days": 180} and purge.actor == people.secadmin


def _raw(sql: str, params: list) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.mark.postgres_only
def test_database_refuses_a_raw_update():
    event = _event()
    with pytest.raises(DatabaseError, match="只能追加"):
        _raw("UPDATE core_auditevent SET reason = %s WHERE id = %s", ["改写", event.pk])
    with pytest.raises(DatabaseError, match="只能追加"):
        _raw("UPDATE core_auditevent SET at = at - interval '365 days' WHERE id = %s", [event.pk])
    event.refresh_from_db()
    assert event.reason == ""


@pytest.mark.postgres_only
def test_database_refuses_a_raw_delete_of_a_young_row():
    event = _event(age_days=179)
    with pytest.raises(DatabaseError, match="180"):
        _raw("DELETE FROM core_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.postgres_only
def test_database_allows_deleting_rows_past_retention():
    event = _event(age_days=181)
    _raw("DELETE FROM core_auditevent WHERE id = %s", [event.pk])
    assert not AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.postgres_only
def test_deleting_an_account_keeps_its_events_with_the_actor_name(people):
    user = people.outsider
    event = _event(actor=user, actor_name=user.username)
    user.delete()
    event.refresh_from_db()
    assert event.actor_id is None and event.actor_name == "outsider"
