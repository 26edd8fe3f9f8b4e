"""Access-matrix cases for the dashboard and the audit log (auditors only)."""

from flameblue.core import audit
from tests.matrix import Case


def world(w):
    w.audit_event = audit.record(audit.AuditAction.UPDATE, by=w.people.detachment, obj=w.orgs.mengcheng_gov)


CASES = [
    Case("core:dashboard", allowed="qiaocheng"),
    Case("core:dashboard", allowed="auditor", note="auditor's home: recent audit events"),
    Case("core:dashboard", allowed="city_leader", note="government home: supervision and overdue hazards"),
    Case("core:dashboard", allowed="unit_manager", note="unit home: own hazards and notices"),
    Case("core:dashboard", allowed="detachment", note="command home: statistics by county"),
    Case(
        "core:dashboard-stats",
        allowed="detachment",
        no_permission="auditor",
        out_of_scope="mengcheng",
        query="region=341602",
        note="statistics by township of 谯城区: 蒙城县's brigade may not read them",
    ),
    Case("core:dashboard-stats", allowed="qiaocheng", no_permission="sysadmin", note="default: own county"),
    Case("core:audit-list", allowed="auditor", no_permission="qiaocheng"),
    Case(
        "core:audit-list", allowed="auditor", no_permission="sysadmin", query="action=update&since=2020-01-01"
    ),
    Case(
        "core:audit-detail",
        kwargs=lambda w: {"pk": w.audit_event.pk},
        allowed="auditor",
        no_permission="detachment",
    ),
    Case("core:audit-export", allowed="auditor", no_permission="qiaocheng"),
]

CASES += [
    Case(
        "core:lookup", kwargs=lambda w: {"name": "organization"}, allowed="qiaocheng", no_permission="auditor"
    ),
]
