"""Bulk writes streamed to PostgreSQL (``core.bulk.CopyStream``): the rows a bulk write queues are in the
database when its block ends, with the ids reserved for them; a row the database refuses stops the write
as Django's ``IntegrityError`` and nothing of it stays; the audit rows go with them (``audit.record_many``)
and say what ``audit.record`` would (``audit.created`` is the snapshot of a new object)."""

from __future__ import annotations

import time

import pytest
from django.db import IntegrityError, connection, transaction

from flameblue.core import audit
from flameblue.core.bulk import Blank, CopyStream, reserve_ids
from flameblue.core.models import AuditAction, AuditEvent
from flameblue.geo.models import Region
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization, Person

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def township() -> Region:
    return Region.objects.filter(level="township").first() or Region.objects.create(
        code="341602100", name="古井镇", level="township"
    )


def _orgs(township: Region, names: list[str]) -> list[Organization]:
    blank = Blank(Organization)
    return [blank(name=name, kind=OrgKind.SOCIAL_UNIT, region_id=township.pk) for name in names]


def test_streamed_rows_are_written_with_the_ids_reserved_for_them(township, admin_user):
    orgs = _orgs(township, [f"流式写入测试{i}" for i in range(5)])
    with transaction.atomic(), CopyStream() as stream:
        stream.reserve(Organization, len(orgs))
        stream.insert(orgs[:3])
        stream.insert(orgs[3:])
        audit.record_many(
            AuditAction.IMPORT,
            [(org, audit.created(org), "第 2 行") for org in orgs],
            by=admin_user,
            stream=stream,
        )

    stored = dict(Organization.objects.filter(name__startswith="流式写入测试").values_list("pk", "name"))
    assert stored == {org.pk: org.name for org in orgs}
    events = AuditEvent.objects.filter(action=AuditAction.IMPORT, object_type="org.organization")
    assert sorted(int(e.object_id) for e in events) == sorted(stored)
    assert all(e.changes["name"][1] == stored[int(e.object_id)] for e in events)


def test_a_row_the_database_refuses_stops_the_write_and_nothing_stays(township):
    before = Organization.objects.count()
    with pytest.raises(IntegrityError), transaction.atomic(), CopyStream() as stream:
        stream.insert(_orgs(township, ["流式重复单位"]))
        stream.insert(_orgs(township, ["流式另一单位", "流式重复单位"]))  # same township, kind and name

    assert Organization.objects.count() == before


def test_a_statement_queued_between_rows_runs_after_the_rows_before_it(township):
    """``execute`` runs in order with the rows: here it checks the foreign keys of the rows queued before
    it (Django leaves them for COMMIT), so a row pointing at nothing stops the write there."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no SET CONSTRAINTS; the stream runs statements at once there")
    before = Organization.objects.count()
    orgs = _orgs(township, ["流式引用检查甲", "流式引用检查乙"])
    orgs[1].parent_id = 2_000_000_000  # no such organization
    with pytest.raises(IntegrityError), transaction.atomic(), CopyStream() as stream:
        stream.insert(orgs[:1])
        stream.insert(orgs[1:])
        stream.execute("SET CONSTRAINTS ALL IMMEDIATE")  # checks what is queued before it …
        stream.execute("SET CONSTRAINTS ALL DEFERRED")  # … and only that: run first, nothing would fail

    assert Organization.objects.count() == before


def test_many_batches_of_one_table_and_then_another_are_all_written(township, admin_user):
    """Consecutive batches of one table share a COPY; a batch of another table (the audit rows) ends it
    and the next batch of the first table starts a new one — every row arrives either way."""
    names = [f"流式连续写入{i:02d}" for i in range(30)]
    orgs = _orgs(township, names)
    with transaction.atomic(), CopyStream() as stream:
        for start in range(0, 20, 4):
            stream.insert(orgs[start : start + 4])
        audit.record_many(
            AuditAction.IMPORT,
            [(org, {}, "") for org in orgs[:20]],
            by=admin_user,
            stream=stream,
            batch_size=3,
        )
        stream.insert(orgs[20:])
        stream.drain()
        assert (
            Organization.objects.filter(name__startswith="流式连续写入").count() == 30
        )  # readable after drain

    assert AuditEvent.objects.filter(action=AuditAction.IMPORT, object_type="org.organization").count() == 20


def test_rows_queued_after_a_refused_one_do_not_hide_the_refusal(township):
    before = Organization.objects.count()
    with pytest.raises(IntegrityError), transaction.atomic(), CopyStream() as stream:
        stream.insert(_orgs(township, ["流式拒绝之后", "流式拒绝之后"]))  # refused
        deadline = time.monotonic() + 10
        while stream._error is None and time.monotonic() < deadline:  # until the thread has heard of it
            time.sleep(0.01)
        for index in range(5):  # the caller queues more: the refusal is what it is told
            stream.insert(_orgs(township, [f"流式拒绝之后{index}"]))

    assert Organization.objects.count() == before


def test_work_left_for_the_end_runs_once_and_only_if_everything_was_written(township):
    calls: list[str] = []
    with transaction.atomic(), CopyStream() as stream:
        stream.insert(_orgs(township, ["流式收尾甲"]))
        stream.after("bump", lambda: calls.append("first"))
        stream.after("bump", lambda: calls.append("second"))
        assert calls == []
    assert calls == ["first"]

    with pytest.raises(IntegrityError), transaction.atomic(), CopyStream() as stream:
        stream.insert(_orgs(township, ["流式收尾乙", "流式收尾乙"]))
        stream.after("bump", lambda: calls.append("after a failure"))
    assert calls == ["first"]


def test_ids_come_from_the_table_sequence_never_shared_between_callers(township):
    if connection.vendor != "postgresql":
        pytest.skip("elsewhere bulk_create sets the ids")
    first = reserve_ids(Organization, 3)
    second = reserve_ids(Organization, 2)
    assert len(set(first + second)) == 5
    assert max(first) < min(second)


def test_the_audit_of_a_new_object_is_its_snapshot_against_nothing(township):
    org = Organization.objects.create(name="审计快照测试", kind=OrgKind.SOCIAL_UNIT, region=township)
    person = Person.objects.create(name="张三", phone="13905581234", organization=org)

    for obj in (org, person):
        assert audit.created(obj) == audit.diff({}, audit.snapshot(obj))
    assert audit.created(person)["phone"] == [None, person.phone_masked]  # never the number in clear
