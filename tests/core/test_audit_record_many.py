"""A bulk write's audit: ``audit.record_many`` appends one row per written object, with the same fields
``audit.record`` writes for it, in the caller's transaction (rolled back with the writes)."""

from __future__ import annotations

import pytest
from django.db import transaction

from flameblue.core import audit
from flameblue.core.models import AuditAction, AuditEvent
from flameblue.geo.models import Region
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization

pytestmark = [pytest.mark.django_db]


def _orgs(n: int) -> list[Organization]:
    region = Region.objects.filter(level="township").first() or Region.objects.create(
        code="341602100", name="古井镇", level="township"
    )
    return [
        Organization.objects.create(name=f"批量审计测试{i}", kind=OrgKind.SOCIAL_UNIT, region=region)
        for i in range(n)
    ]


def test_one_row_per_object_with_the_fields_record_writes(admin_user):
    first, second = _orgs(2)
    single = audit.record(
        AuditAction.IMPORT, by=admin_user, obj=first, changes={"name": [None, "甲"]}, reason="第 2 行"
    )

    written = audit.record_many(
        AuditAction.IMPORT,
        [(first, {"name": [None, "甲"]}, "第 2 行"), (second, {}, "第 3 行")],
        by=admin_user,
    )

    assert written == 2
    rows = list(AuditEvent.objects.filter(action=AuditAction.IMPORT).exclude(pk=single.pk).order_by("id"))
    assert [(r.object_id, r.reason) for r in rows] == [
        (str(first.pk), "第 2 行"),
        (str(second.pk), "第 3 行"),
    ]
    fields = [
        "actor_id",
        "actor_name",
        "ip",
        "user_agent",
        "action",
        "object_type",
        "object_id",
        "object_repr",
        "changes",
        "reason",
    ]
    assert {f: getattr(rows[0], f) for f in fields} == {f: getattr(single, f) for f in fields}


def test_rolled_back_with_the_writes(admin_user):
    (org,) = _orgs(1)
    before = AuditEvent.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        audit.record_many(AuditAction.IMPORT, [(org, {}, "")], by=admin_user)
        raise RuntimeError
    assert AuditEvent.objects.count() == before
