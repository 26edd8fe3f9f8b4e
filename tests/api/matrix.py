"""Access-matrix cases for every /api/v1/ endpoint of the foundation (regions, organizations, people,
memberships, roles, industries, audit events, token login)."""

from __future__ import annotations

from flameblue.core import audit
from flameblue.org.models import Role
from tests.factories import DEFAULT_PASSWORD, persona
from tests.matrix import Case


def world(w) -> None:
    # A detachment administrator posted at the 谯城区 brigade: holds the write and reveal actions, but only
    # over 谯城区, so 蒙城县 records are out of their jurisdiction (404).
    w.people.api_qiaocheng_admin = persona(
        "api_qiaocheng_admin", w.orgs.qiaocheng_brigade, "detachment_admin"
    )
    w.api_audit_event = audit.record(audit.AuditAction.LOGIN, by=w.people.qiaocheng, obj=w.people.qiaocheng)


def _pk(get):
    return lambda w: {"pk": get(w).pk}


_mengcheng_membership = _pk(lambda w: w.people.mengcheng.person.memberships.get())
_role = _pk(lambda w: Role.objects.get(code="grid_officer"))

CASES = [
    # regions (read only)
    Case("api:region-list", api=True, allowed="qiaocheng", no_permission="auditor"),
    Case(
        "api:region-detail",
        api=True,
        kwargs=lambda w: {"pk": "341622"},
        allowed="mengcheng",
        no_permission="auditor",
        out_of_scope="qiaocheng",
    ),
    # organizations
    Case("api:organization-list", api=True, allowed="qiaocheng", no_permission="auditor"),
    Case(
        "api:organization-list",
        api=True,
        method="post",
        data=lambda w: {"name": "蒙城县测试局", "kind": "government", "region": "341622"},
        allowed="detachment",
        no_permission="qiaocheng",
        ok_status=(201,),
    ),
    Case(
        "api:organization-detail",
        api=True,
        kwargs=_pk(lambda w: w.orgs.mengcheng_gov),
        allowed="mengcheng",
        no_permission="auditor",
        out_of_scope="qiaocheng",
    ),
    Case(
        "api:organization-detail",
        api=True,
        method="patch",
        kwargs=_pk(lambda w: w.orgs.mengcheng_gov),
        data=lambda w: {"short_name": "蒙城县政府"},
        allowed="detachment",
        no_permission="qiaocheng",
        out_of_scope="api_qiaocheng_admin",
    ),
    # people
    Case("api:person-list", api=True, allowed="qiaocheng", no_permission="auditor"),
    Case(
        "api:person-list",
        api=True,
        method="post",
        data=lambda w: {"name": "张三", "organization": w.orgs.mengcheng_gov.pk, "phone": "13800001111"},
        allowed="detachment",
        no_permission="qiaocheng",
        ok_status=(201,),
    ),
    Case(
        "api:person-detail",
        api=True,
        kwargs=_pk(lambda w: w.people.mengcheng.person),
        allowed="mengcheng",
        no_permission="auditor",
        out_of_scope="qiaocheng",
    ),
    Case(
        "api:person-detail",
        api=True,
        method="patch",
        kwargs=_pk(lambda w: w.people.mengcheng.person),
        data=lambda w: {"title": "大队长"},
        allowed="detachment",
        no_permission="qiaocheng",
        out_of_scope="api_qiaocheng_admin",
    ),
    Case(
        "api:person-reveal",
        api=True,
        method="post",
        kwargs=_pk(lambda w: w.people.mengcheng.person),
        data=lambda w: {"reason": "核实值班人员身份"},
        allowed="detachment",
        no_permission="qiaocheng",
        out_of_scope="api_qiaocheng_admin",
    ),
    # memberships
    Case("api:membership-list", api=True, allowed="qiaocheng", no_permission="grid"),
    Case(
        "api:membership-list",
        api=True,
        method="post",
        data=lambda w: {
            "person": w.people.mengcheng.person.pk,
            "organization": w.orgs.mengcheng_gov.pk,
            "role": Role.objects.get(code="government_leader").pk,
        },
        allowed="detachment",
        no_permission="qiaocheng",
        ok_status=(201,),
    ),
    Case(
        "api:membership-detail",
        api=True,
        kwargs=_mengcheng_membership,
        allowed="mengcheng",
        no_permission="grid",
        out_of_scope="qiaocheng",
    ),
    Case(
        "api:membership-detail",
        api=True,
        method="patch",
        kwargs=_mengcheng_membership,
        data=lambda w: {"title": "防火监督员"},
        allowed="detachment",
        no_permission="qiaocheng",
        out_of_scope="api_qiaocheng_admin",
    ),
    # roles (reference data: no jurisdiction)
    Case("api:role-list", api=True, allowed="qiaocheng", no_permission="grid"),
    Case(
        "api:role-list",
        api=True,
        method="post",
        data=lambda w: {"code": "api_viewer", "name": "只读用户", "actions": ["org.person.view"]},
        allowed="sysadmin",
        no_permission="qiaocheng",
        ok_status=(201,),
    ),
    Case("api:role-detail", api=True, kwargs=_role, allowed="qiaocheng", no_permission="grid"),
    Case(
        "api:role-detail",
        api=True,
        method="patch",
        kwargs=_role,
        data=lambda w: {"description": "乡镇（街道）网格巡查"},
        allowed="sysadmin",
        no_permission="qiaocheng",
    ),
    # industries (reference data)
    Case("api:industry-list", api=True, allowed="qiaocheng", no_permission="auditor"),
    Case(
        "api:industry-detail",
        api=True,
        kwargs=lambda w: {"pk": "education"},
        allowed="qiaocheng",
        no_permission="auditor",
    ),
    # audit log: auditors only
    Case("api:audit-event-list", api=True, allowed="auditor", no_permission="detachment"),
    Case(
        "api:audit-event-detail",
        api=True,
        kwargs=_pk(lambda w: w.api_audit_event),
        allowed="auditor",
        no_permission="sysadmin",
    ),
    Case("api:audit-event-export", api=True, allowed="auditor", no_permission="detachment"),
    # token login: open to anyone, answers only to the right password
    Case(
        "api:auth-token",
        api=True,
        method="post",
        public=True,
        data=lambda w: {"username": "qiaocheng", "password": DEFAULT_PASSWORD},
        allowed="qiaocheng",
    ),
]

CASES.append(
    # API logout: any logged-in user (the token sent is revoked); anonymous gets 401/403
    Case("api:auth-logout", api=True, method="post", allowed="qiaocheng", ok_status=(204,))
)
