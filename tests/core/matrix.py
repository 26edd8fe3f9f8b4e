"""Access-matrix cases for the dashboard and the audit log (auditors only)."""

from flameblue.core import audit
from tests.matrix import Case


def world(w):
    w.audit_event = audit.record(audit.AuditAction.UPDATE, by=w.people.detachment, obj=w.orgs.mengcheng_gov)


CASES = [
    Case("core:dashboard", allowed="qiaocheng"),
    Case("core:dashboard", allowed="auditor", note="auditor's home: recent audit events"),
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
